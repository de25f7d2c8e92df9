/**
 * `/profile`: what the hub knows about the member — role, status, language,
 * when they agreed to the privacy notice, and the accounts linked to them.
 * Only the member sees it. Editing the profile comes with onboarding.
 */
import { intlLocale } from '../library/display-names.ts';
import { paragraph, reply, text } from '../model/reply-builders.ts';
import type { Field } from '../model/reply.ts';
import { ok, type CommandSpec } from '../router/command.ts';
import { UserError } from '../router/user-error.ts';

const PLATFORM_NAMES: Record<string, string> = { telegram: 'Telegram', discord: 'Discord', slack: 'Slack', console: 'Console' };

export const profileCommand: CommandSpec<null> = {
  name: 'profile',
  descriptionKey: 'help.commands.profile',
  parse: () => ok(null),
  async run(context) {
    const { t, member } = context;
    if (!member) throw new UserError('profile.notMember', { start: context.command('start') });
    const accounts = await context.services.members.accountsOf(member.id);
    const date = new Intl.DateTimeFormat(intlLocale(context.language), { dateStyle: 'long' }).format(member.consentedAt);
    const fields: Field[] = [
      { label: t('profile.role'), value: [text(t(`profile.roles.${member.role}`))] },
      { label: t('profile.language'), value: [text(t(`languageNames.${context.language}`))] },
      { label: t('profile.consented'), value: [text(date)] },
      { label: t('profile.accounts'), value: [text(accounts.map((account) => `${PLATFORM_NAMES[account.platform] ?? account.platform} (${account.userId})`).join(', '))] },
    ];
    return reply([paragraph(text(t('profile.title'))), { kind: 'fields', fields }], { private: true });
  },
};
