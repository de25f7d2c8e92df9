/**
 * The command menu Telegram shows under "/" : every command with its
 * description, for each language cphub speaks (`language_code`), in private
 * chats and in groups. English is also the default for every other language.
 * https://core.telegram.org/bots/api#setmycommands
 */
import type { Api } from 'grammy';
import type { BotCommand, LanguageCode } from 'grammy/types';
import type { Translator } from '../../core/ports.ts';
import { COMMAND_DESCRIPTION_MAX } from './limits.ts';

/**
 * Telegram's two-letter `language_code`s and the member language each gets.
 * BCMS speakers' apps say `sr`, `hr` or `bs`; Montenegrin has no two-letter code.
 */
export const MENU_LANGUAGES: ReadonlyArray<[code: LanguageCode | undefined, language: string]> = [
  [undefined, 'en'],
  ['sq', 'sq'],
  ['sr', 'sh'],
  ['hr', 'sh'],
  ['bs', 'sh'],
  ['bg', 'bg'],
  ['hu', 'hu'],
  ['ro', 'ro'],
];

const SCOPES = [{ type: 'all_private_chats' }, { type: 'all_group_chats' }] as const;

export function menuCommands(
  commands: ReadonlyArray<{ name: string; descriptionKey: string }>,
  translator: Translator,
  language: string,
): BotCommand[] {
  return commands.map((command) => ({
    command: command.name,
    description: translator.t(language, command.descriptionKey).slice(0, COMMAND_DESCRIPTION_MAX),
  }));
}

/** One `setMyCommands` per language and scope; a failure is the caller's to log, the bot still runs. */
export async function registerCommandMenus(
  api: Api,
  commands: ReadonlyArray<{ name: string; descriptionKey: string }>,
  translator: Translator,
): Promise<number> {
  let calls = 0;
  for (const [code, language] of MENU_LANGUAGES) {
    const list = menuCommands(commands, translator, language);
    for (const scope of SCOPES) {
      await api.setMyCommands(list, { scope, ...(code ? { language_code: code } : {}) });
      calls += 1;
    }
  }
  return calls;
}
