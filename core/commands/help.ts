/** `/help`: every command with one line, and the search syntax. */
import { code, heading, reply, text } from '../model/reply-builders.ts';
import type { Block } from '../model/reply.ts';
import { ok, type CommandContext, type CommandSpec } from '../router/command.ts';
import { searchExample } from './examples.ts';

/** The command list is filled in by the router's command set (see index.ts). */
export function createHelpCommand(listCommands: () => Array<{ name: string; descriptionKey: string }>): CommandSpec<null> {
  return {
    name: 'help',
    repeatsOnEdit: true,
    descriptionKey: 'help.commands.help',
    parse: () => ok(null),
    async run(context) {
      const { t } = context;
      const commands: Block = {
        kind: 'list',
        items: listCommands().map((command) => [code(context.command(command.name)), text(` — ${t(command.descriptionKey)}`)]),
      };
      return reply([heading(t('help.title')), commands, heading(t('help.syntaxTitle')), syntaxList(context)]);
    },
  };
}

function syntaxList(context: CommandContext): Block {
  const { t } = context;
  // Examples per language that find documents in the sample library.
  const lines: Array<[string, string]> = [
    ['help.syntax.words', context.command('search', searchExample(context))],
    ['help.syntax.phrase', context.command('search', `"${t('examples.phrase')}"`)],
    ['help.syntax.exclude', context.command('search', t('examples.exclude'))],
    ['help.syntax.filters', context.command('search', t('examples.filters'))],
  ];
  return {
    kind: 'list',
    items: [
      ...lines.map(([key, sample]) => [text(t(key, { example: sample }))]),
      [text(t('help.syntax.filterList'))],
    ],
  };
}

