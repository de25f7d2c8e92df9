/** `/lang [code]`: which language cphub answers this member in. */
import { MEMBER_LANGUAGES, resolveLanguageName, type MemberLanguage } from '../library/language.ts';
import { paragraph, reply, text } from '../model/reply-builders.ts';
import { ok, type CommandContext, type CommandSpec } from '../router/command.ts';
import { UserError } from '../router/user-error.ts';

export const langCommand: CommandSpec<string> = {
  name: 'lang',
  repeatsOnEdit: true,
  descriptionKey: 'help.commands.lang',
  parse: (args) => ok(args),
  async run(context, requested) {
    if (!requested) return current(context);
    const language = resolveLanguageName(requested);
    if (!language || !(MEMBER_LANGUAGES as readonly string[]).includes(language)) {
      throw new UserError('lang.unknown', { code: requested, list: languageList() });
    }
    const { platform, sender } = context.incoming;
    await context.services.settings.setLanguage(platform, sender.id, language);
    // A member's choice also becomes the member's language, which linked accounts follow.
    if (context.member) await context.services.members.setLanguage(context.member.id, language);
    const t = (key: string, params?: Record<string, string>) => context.services.translator.t(language, key, params);
    const changed = reply([paragraph(text(t('lang.changed', { language: t(`languageNames.${language as MemberLanguage}`) })))]);
    return { ...changed, language };
  },
};

function current(context: CommandContext) {
  const { t } = context;
  return reply([
    paragraph(text(t('lang.current', { language: t(`languageNames.${context.language}`) }))),
    paragraph(text(t('lang.choose', { example: context.command('lang', context.language === 'sq' ? 'en' : 'sq'), list: languageList() }))),
  ]);
}

function languageList(): string {
  return MEMBER_LANGUAGES.join(', ');
}
