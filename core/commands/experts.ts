/**
 * `/experts [topic] [country]`: the directory of experts who chose to be
 * listed, five a page, by name. Each entry shows only what the expert chose
 * to show (name, profession, organisation, expertise, languages, countries);
 * moderators also see the short member id they need for /role or /suspend.
 * For members: the directory is the network's, not the public's.
 */
import { countryName, topicName } from '../library/display-names.ts';
import { requireMember } from '../members/member-context.ts';
import { shortId } from '../members/member-reference.ts';
import { resolveDirectoryFilter, type DirectoryFilter } from '../members/directory-filter.ts';
import { optionName } from '../members/expert-steps.ts';
import { professionName } from '../members/profile-steps.ts';
import { TOPICS } from '../members/profile-options.ts';
import { bold, code, paragraph, reply, text } from '../model/reply-builders.ts';
import type { Block, Button, Reply, Span } from '../model/reply.ts';
import type { DirectoryEntry } from '../ports.ts';
import { ok, type ActionSpec, type CommandContext, type CommandSpec } from '../router/command.ts';
import { UserError } from '../router/user-error.ts';

export const EXPERTS_PAGE_ACTION = 'experts.page';
const PAGE_SIZE = 5;
const STAFF: ReadonlySet<string> = new Set(['moderator', 'admin']);

export const expertsCommand: CommandSpec<string> = {
  name: 'experts',
  repeatsOnEdit: true,
  descriptionKey: 'help.commands.experts',
  parse: (args) => ok(args),
  async run(context, typed) {
    membersOnly(context);
    const filter = resolveDirectoryFilter(typed, (topic) => topicName(context.t, topic), (country) => countryName(context.language, country));
    if (!filter) {
      const topics = TOPICS.map((topic, index) => `${index + 1}. ${topicName(context.t, topic)}`).join(', ');
      throw new UserError('experts.unknownFilter', { value: typed, topics, example: '/experts trafficking RS' });
    }
    return directoryPage(context, filter, 0);
  },
};

export const expertsPageAction: ActionSpec = {
  actionId: EXPERTS_PAGE_ACTION,
  async run(context, value) {
    membersOnly(context);
    const [topicIndex = '', country = '', page = ''] = value.split(':');
    const topic = topicIndex ? TOPICS[Number(topicIndex)] : undefined;
    if ((topicIndex && !topic) || !/^[A-Z]{0,2}$/.test(country) || !/^\d+$/.test(page)) throw new UserError('errors.unknownButton');
    return directoryPage(context, { ...(topic ? { topic } : {}), ...(country ? { country } : {}) }, Number(page));
  },
};

/** Joined and approved: a newcomer still waiting does not see who is who. */
function membersOnly(context: CommandContext): void {
  const member = requireMember(context);
  if (member.status !== 'active') throw new UserError('experts.membersOnly');
}

async function directoryPage(context: CommandContext, filter: DirectoryFilter, pageIndex: number): Promise<Reply> {
  const { t } = context;
  const { total, entries } = await context.services.experts.directory(filter, pageIndex * PAGE_SIZE, PAGE_SIZE);
  const filtered = Boolean(filter.topic || filter.country);
  const described = [filter.topic ? topicName(t, filter.topic) : '', filter.country ? countryName(context.language, filter.country) : ''].filter(Boolean).join(' · ');
  if (total === 0) {
    const none = filtered ? t('experts.none', { filter: described, command: context.command('experts') }) : t('experts.empty');
    return reply([paragraph(text(none))], { private: true });
  }
  const blocks: Block[] = [paragraph(text(t('experts.found', { count: total })))];
  if (filtered) blocks.push(paragraph(text(t('experts.filteredBy', { filter: described }))));
  const withIds = STAFF.has(context.member!.role);
  blocks.push({ kind: 'list', ordered: true, start: pageIndex * PAGE_SIZE + 1, items: entries.map((entry) => directoryItem(context, entry, withIds)) });
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages > 1) blocks.push(paragraph(text(t('search.page', { page: pageIndex + 1, pages }))));
  if (!filtered) blocks.push(paragraph(text(t('experts.hint', { example: context.command('experts', 'trafficking RS') }))));
  return reply(blocks, { private: true, buttons: pager(context, filter, pageIndex, pages) });
}

/** One expert as the directory shows them (and as /expert previews it). */
export function directoryItem(context: CommandContext, entry: DirectoryEntry, withId: boolean): Span[] {
  const { t } = context;
  const work = [entry.profession ? professionName(context, entry.profession) : '', entry.organisation ?? ''].filter(Boolean).join(', ');
  const list = (field: 'topics' | 'languages' | 'countries') =>
    `${t(`expert.fields.${field}`)}: ${entry[field].map((key) => optionName(context, field, key)).join(', ') || t('profile.none')}`;
  const spans: Span[] = [bold(entry.displayName), text(`${work ? ` — ${work}` : ''}. ${[list('topics'), list('languages'), list('countries')].join('; ')}`)];
  if (withId) spans.push(text(' · '), code(shortId(entry.memberId)));
  return spans;
}

function pager(context: CommandContext, filter: DirectoryFilter, pageIndex: number, pages: number): Button[][] {
  if (pages <= 1) return [];
  const topicIndex = filter.topic ? String(TOPICS.indexOf(filter.topic as (typeof TOPICS)[number])) : '';
  const button = (label: string, page: number): Button => ({ actionId: EXPERTS_PAGE_ACTION, label, value: `${topicIndex}:${filter.country ?? ''}:${page}` });
  const row: Button[] = [];
  if (pageIndex > 0) row.push(button(context.t('search.previous'), pageIndex - 1));
  if (pageIndex < pages - 1) row.push(button(context.t('search.next'), pageIndex + 1));
  return [row];
}
