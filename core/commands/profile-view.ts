/**
 * What the hub keeps about a member, as /profile shows it: the profile
 * fields with a button to change each, then role, consent and accounts.
 */
import { intlLocale } from '../library/display-names.ts';
import { requireMember } from '../members/member-context.ts';
import { PROFILE_FIELDS } from '../members/profile-options.ts';
import { describeExpertField, EXPERT_FIELDS } from '../members/expert-steps.ts';
import { describeField, PROFILE_ACTION } from '../members/profile-steps.ts';
import { shortId } from '../members/member-reference.ts';
import { code, paragraph, reply, text } from '../model/reply-builders.ts';
import type { PlatformName } from '../model/incoming.ts';
import type { Block, Button, Field, Reply } from '../model/reply.ts';
import type { CommandContext } from '../router/command.ts';

const EDIT_BUTTONS_PER_ROW = 3;

export async function profileView(context: CommandContext, before: Block[] = []): Promise<Reply> {
  const { t } = context;
  const member = requireMember(context);
  const accounts = await context.services.members.accountsOf(member.id);
  const date = new Intl.DateTimeFormat(intlLocale(context.language), { dateStyle: 'long' }).format(member.consentedAt);
  const fields: Field[] = [
    ...PROFILE_FIELDS.map((field) => ({ label: t(`profile.fields.${field}`), value: [text(describeField(context, field))] })),
    { label: t('profile.role'), value: [text(t(`profile.roles.${member.role}`))] },
    // What a moderator needs to name this member (/role, /suspend), should the member ask them.
    { label: t('profile.memberId'), value: [code(shortId(member.id))] },
    { label: t('profile.consented'), value: [text(date)] },
    { label: t('profile.accounts'), value: [text(accounts.map((account) => accountLabel(context, account)).join(', '))] },
  ];
  const edits: Button[] = PROFILE_FIELDS.map((field) => ({
    actionId: PROFILE_ACTION,
    label: t('profile.change', { field: t(`profile.fields.${field}`) }),
    value: `e:${field}:ask`,
  }));
  const buttons: Button[][] = [];
  for (let index = 0; index < edits.length; index += EDIT_BUTTONS_PER_ROW) buttons.push(edits.slice(index, index + EDIT_BUTTONS_PER_ROW));
  const hint = paragraph(text(t('profile.editHint', { example: context.command('profile', 'edit organisation …') })));
  return reply([...before, paragraph(text(t('profile.title'))), { kind: 'fields', fields }, hint, ...(await expertSection(context))], { private: true, buttons });
}

/**
 * An account as the member reads it: the platform's name from the locale
 * files (brand names stay as they are; the console is words to translate)
 * and the account's id there — but the console's one account has no id
 * worth showing (it is always `local`).
 */
function accountLabel(context: CommandContext, account: { platform: PlatformName; userId: string }): string {
  const name = context.t(`profile.platforms.${account.platform}`);
  return account.platform === 'console' ? name : `${name} (${account.userId})`;
}

/** The expert profile, for a member who has one (kept after the role is taken back, until /forget). */
async function expertSection(context: CommandContext): Promise<Block[]> {
  const expert = await context.services.experts.get(requireMember(context).id);
  if (!expert) return [];
  const fields = EXPERT_FIELDS.map((field) => ({ label: context.t(`expert.fields.${field}`), value: [text(describeExpertField(context, field, expert))] }));
  return [paragraph(text(context.t('expert.inProfile', { command: context.command('expert') }))), { kind: 'fields', fields }];
}
