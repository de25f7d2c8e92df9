/**
 * `/post [news|event|training|webinar] [title]`: administrators add news and
 * events in chat through a guided form (core/content/post-steps.ts); the
 * draft is kept per account, so a member can answer at their pace. A typed
 * step carries a form (a Discord or Slack modal, whose submit is
 * `/post <field> <value>`); elsewhere the next message answers it. Also
 * `/post cancel`. Published items appear in /news or /events and in the next
 * digest.
 */
import { isContentKind, isDated } from '../content/content-item.ts';
import type { PostDraft } from '../content/content-ports.ts';
import { itemSpans } from '../content/format-content.ts';
import {
  choices, draftItem, isSkippable, nextField, POST_ACTION, POST_FIELDS, pressed, skip, SUMMARY_MAX, TITLE_MAX, typed, TYPED_POST_FIELDS, type PostField,
} from '../content/post-steps.ts';
import { countryName, topicName } from '../library/display-names.ts';
import { languageGroupOf } from '../library/language.ts';
import { accountOf, requireMember } from '../members/member-context.ts';
import { timeZoneOf } from '../members/member-preferences.ts';
import { TOPICS } from '../members/profile-options.ts';
import { heading, paragraph, reply, text } from '../model/reply-builders.ts';
import type { Block, Button, Reply } from '../model/reply.ts';
import { ok, type ActionSpec, type CommandContext, type CommandSpec } from '../router/command.ts';
import { requireRole } from '../router/require-role.ts';
import type { AwaitingText } from '../router/router.ts';
import { UserError } from '../router/user-error.ts';
import { PENDING_INPUT_MAX_AGE_MS } from './onboarding.ts';

const STEP_PREFIX = 'post:';
const EXAMPLE_TIME = '2026-04-02 10:00';
/**
 * Where a reply's form shows (a Discord or Slack modal): a typed step there
 * has a Write button that opens it — on Discord the only way to type without
 * the command, as the bot receives no plain messages. Elsewhere the next
 * message is the answer.
 */
const FORM_PLATFORMS: ReadonlySet<string> = new Set(['discord', 'slack']);
/** The longest answer a typed step's form takes. */
const TYPED_MAX: Partial<Record<PostField, number>> = { title: TITLE_MAX, summary: SUMMARY_MAX, url: 2000, start: 80, end: 80 };
const adminOnly = requireRole([], 'post');

export const postCommand: CommandSpec<string> = {
  name: 'post',
  descriptionKey: 'help.commands.post',
  parse: (args) => ok(args),
  guards: [adminOnly],
  async run(context, args) {
    const account = accountOf(context);
    const [first = '', ...rest] = args.split(/\s+/).filter(Boolean);
    const word = first.toLowerCase();
    const drafts = context.services.postDrafts;
    if (word === 'cancel') {
      await drafts.clear(account);
      await context.services.pendingInputs.clear(account);
      return reply([paragraph(text(context.t('post.cancelled')))], { private: true });
    }
    if (isContentKind(word)) {
      // A new post: the kind, and the title when it follows.
      const draft: PostDraft = { kind: word, ...(rest.length ? { title: rest.join(' ') } : {}) };
      if (draft.title) typed({}, 'title', draft.title, '');
      await drafts.save(account, draft);
      return ask(context, draft);
    }
    const field = POST_FIELDS.find((name) => name === word || (word === 'link' && name === 'url'));
    const draft = (await drafts.get(account)) ?? {};
    if (field && TYPED_POST_FIELDS.has(field) && rest.length) return answer(context, draft, field, rest.join(' '));
    if (word) throw new UserError('post.usage', { example: context.command('post', 'event Regional conference'), cancel: context.command('post', 'cancel') });
    // `/post` alone starts a post, or shows the question a post in progress waits on.
    await drafts.save(account, draft);
    return ask(context, draft);
  },
};

/**
 * Stores a typed answer and asks what comes next; an answer it cannot take
 * is said above the same question again, with its buttons (on Discord the
 * Write button is the way back into the form).
 */
async function answer(context: CommandContext, draft: PostDraft, field: PostField, value: string): Promise<Reply> {
  let next: PostDraft;
  try {
    next = typed(draft, field, value, await timeZoneOf(context));
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return ask(context, draft, [paragraph(text(context.t(error.key, error.params)))]);
  }
  await context.services.postDrafts.save(accountOf(context), next);
  return ask(context, next, [paragraph(text(context.t('post.saved')))]);
}

/** The next question, or the preview with Publish / Cancel; `note` above it. */
async function ask(context: CommandContext, draft: PostDraft, note: Block[] = []): Promise<Reply> {
  const field = nextField(draft);
  const account = accountOf(context);
  if (!field) {
    await context.services.pendingInputs.clear(account);
    return review(context, draft, note);
  }
  if (TYPED_POST_FIELDS.has(field)) await context.services.pendingInputs.set(account, `${STEP_PREFIX}${field}`);
  else await context.services.pendingInputs.clear(account);
  const label = (kind: PostField, choice: string) => choiceLabel(context, kind, choice);
  const buttons: Button[][] = choices(draft, field, label);
  const withForms = FORM_PLATFORMS.has(context.incoming.platform);
  if (withForms && TYPED_POST_FIELDS.has(field)) buttons.unshift([{ actionId: POST_ACTION, label: context.t('post.write'), value: `write:${field}` }]);
  if (isSkippable(field) && field !== 'topics') buttons.push([{ actionId: POST_ACTION, label: context.t('onboard.skip'), value: `skip:${field}` }]);
  const zone = draft.timeZone ?? (await timeZoneOf(context));
  const typedAs = field === 'url' ? 'link' : field;
  const question = context.t(`post.ask.${field}`, { command: context.command('post', `${typedAs} …`), zone, example: EXAMPLE_TIME });
  // Any press may lead to a typed step, whose form (a modal) can only be the press's first answer on Discord.
  const marked = withForms ? buttons.map((row) => row.map((button) => ({ ...button, opensForm: true }))) : buttons;
  const form = TYPED_POST_FIELDS.has(field)
    ? { form: { title: context.t('post.title'), label: context.t(`post.formLabel.${field}`, { zone, example: EXAMPLE_TIME }), maxLength: TYPED_MAX[field] ?? TITLE_MAX, command: 'post', args: typedAs } }
    : {};
  return { ...reply([...note, heading(context.t('post.title')), paragraph(text(question))], { private: true, buttons: marked }), ...form, language: context.language };
}

function choiceLabel(context: CommandContext, field: PostField, choice: string): string {
  if (field === 'kind') return context.t(`content.kinds.${choice}`);
  if (field === 'language') return context.t(`languageNames.${choice}`);
  if (field === 'country') return choice === 'none' ? context.t('post.regional') : countryName(context.language, choice);
  if (field === 'topics') return choice === 'done' ? context.t('onboard.done') : topicName(context.t, TOPICS[Number(choice)] ?? '');
  return choice;
}

async function review(context: CommandContext, draft: PostDraft, before: ReturnType<typeof paragraph>[]): Promise<Reply> {
  const item = draftItem(draft, languageGroupOf(context.language), context.services.clock.now());
  const view = { t: context.t, language: context.language, timeZone: await timeZoneOf(context) };
  const buttons: Button[][] = [[
    { actionId: POST_ACTION, label: context.t('post.publish'), value: 'publish' },
    { actionId: POST_ACTION, label: context.t('post.cancel'), value: 'cancel' },
  ]];
  const blocks = [...before, heading(context.t('post.preview')), { kind: 'list' as const, items: [itemSpans(view, item)] }];
  return { ...reply(blocks, { private: true, buttons }), language: context.language };
}

export const postAction: ActionSpec = {
  actionId: POST_ACTION,
  async run(context, value) {
    const verdict = await adminOnly(context);
    if (!verdict.ok) throw verdict.error;
    const account = accountOf(context);
    const drafts = context.services.postDrafts;
    const draft = await drafts.get(account);
    if (value === 'cancel') {
      await drafts.clear(account);
      return reply([paragraph(text(context.t('post.cancelled')))], { private: true });
    }
    if (!draft) throw new UserError('post.expired', { command: context.command('post') });
    if (value === 'publish') return publish(context, draft);
    // Write: the same question again, whose form the platform opens.
    if (value.startsWith('write:')) return ask(context, draft);
    const [fieldName = '', choice = ''] = value.split(':');
    const field = POST_FIELDS.find((name) => name === (fieldName === 'skip' ? choice : fieldName));
    if (!field) throw new UserError('errors.unknownButton');
    const next = fieldName === 'skip' ? skip(draft, field) : pressed(draft, field, choice);
    await drafts.save(account, next);
    return ask(context, next);
  },
};

async function publish(context: CommandContext, draft: PostDraft): Promise<Reply> {
  if (nextField(draft)) return ask(context, draft);
  const member = requireMember(context);
  const item = draftItem(draft, languageGroupOf(context.language), context.services.clock.now());
  const id = await context.services.content.publish(item, { kind: 'chat', memberId: member.id });
  await context.services.postDrafts.clear(accountOf(context));
  const where = context.command(isDated(item.kind) ? 'events' : 'news');
  return reply([paragraph(text(context.t('post.published', { title: item.title, id, where })))], { private: true });
}

/** The router's hook: a private plain message answers the typed question of a /post in progress. */
export const awaitingPostText: AwaitingText = {
  async answer(context, typedText) {
    const pending = await context.services.pendingInputs.get(accountOf(context));
    if (!pending?.step.startsWith(STEP_PREFIX)) return undefined;
    if (context.services.clock.now().getTime() - pending.since.getTime() > PENDING_INPUT_MAX_AGE_MS) return undefined;
    if (!(await adminOnly(context)).ok) return undefined;
    const field = POST_FIELDS.find((name) => name === pending.step.slice(STEP_PREFIX.length));
    const draft = await context.services.postDrafts.get(accountOf(context));
    return field && draft ? answer(context, draft, field, typedText) : undefined;
  },
  // The profile hook drops a waiting question when a command comes; nothing more to do here.
  async beforeCommand() {},
};
