/** `/start`: the welcome, in the member's language. */
import { paragraph, reply, text } from '../model/reply-builders.ts';
import { ok, type CommandSpec } from '../router/command.ts';
import { searchExample } from './examples.ts';
import { consentRequest, privacyNotice } from './privacy.ts';

export const startCommand: CommandSpec<null> = {
  name: 'start',
  descriptionKey: 'help.commands.start',
  parse: () => ok(null),
  async run(context) {
    const { t } = context;
    // Someone who is not a member yet reads what joining means, and may agree.
    const consent = await consentRequest(context);
    const notice = consent ? [...privacyNotice(context), ...consent.blocks] : [];
    return reply([
      paragraph(text(t('start.welcome'))),
      paragraph(text(t('start.what'))),
      paragraph(text(t('start.try', { example: context.command('search', searchExample(context)), help: context.command('help') }))),
      paragraph(text(t('start.language', { language: t(`languageNames.${context.language}`), command: context.command('lang') }))),
      ...notice,
    ], { buttons: consent?.buttons ?? [] });
  },
};

