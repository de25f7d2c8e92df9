/** `/start`: the welcome, in the member's language. */
import { paragraph, reply, text } from '../model/reply-builders.ts';
import { ok, type CommandSpec } from '../router/command.ts';
import { searchExample } from './examples.ts';

export const startCommand: CommandSpec<null> = {
  name: 'start',
  descriptionKey: 'help.commands.start',
  parse: () => ok(null),
  async run(context) {
    const { t } = context;
    return reply([
      paragraph(text(t('start.welcome'))),
      paragraph(text(t('start.what'))),
      paragraph(text(t('start.try', { example: `/search ${searchExample(context)}`, help: '/help' }))),
      paragraph(text(t('start.language', { language: t(`languageNames.${context.language}`), command: '/lang' }))),
    ]);
  },
};

