/**
 * cphub's commands as Discord slash commands: typed options, and names,
 * descriptions and choices localized for the locales Discord has that the
 * hub speaks (bg, hr → BCMS, hu, ro; en-US / en-GB and every other locale get
 * English). Discord always sends the command's base name, so localized names
 * change nothing for core.
 * https://discord.com/developers/docs/interactions/application-commands#localization
 */
import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { languageCodeName, NAMED_TYPES } from '../../core/library/display-names.ts';
import { ROLES } from '../../core/members/moderation-rules.ts';
import { TOPICS } from '../../core/members/profile-options.ts';
import type { Translator } from '../../core/ports.ts';

/** Discord locale → the member language its strings come from. */
export const DISCORD_LOCALES: Readonly<Record<string, string>> = { bg: 'bg', hr: 'sh', hu: 'hu', ro: 'ro' };

/** `language:` filter choices: the library's language groups, Macedonian included. */
const FILTER_LANGUAGES = ['en', 'sq', 'sh', 'mk', 'bg', 'hu', 'ro'] as const;
const MEMBER_LANGUAGE_CHOICES = ['en', 'sq', 'sh', 'sh-Cyrl', 'bg', 'hu', 'ro'] as const;

export type SlashCommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;
type OptionJson = NonNullable<SlashCommandJson['options']>[number];
/** A text in English and in each Discord locale the hub speaks. */
type Localized = (language: string) => string;

export function slashCommands(commands: ReadonlyArray<{ name: string; descriptionKey: string }>, translator: Translator): SlashCommandJson[] {
  const key = (name: string): Localized => (language) => translator.t(language, name);
  return commands.map((command) => ({
    name: command.name,
    name_localizations: localizations(key(`commandNames.${command.name}`)),
    ...described(key(command.descriptionKey)),
    // Every command works in servers and in DMs with the bot.
    contexts: [0, 1],
    options: optionsFor(command.name, key, translator),
  }));
}

function optionsFor(command: string, key: (name: string) => Localized, translator: Translator): OptionJson[] {
  const option = (name: string, extra: object = {}): OptionJson =>
    ({ type: ApplicationCommandOptionType.String, name, ...described(key(`commandOptions.${name}`)), ...extra }) as OptionJson;
  switch (command) {
    case 'start':
    case 'help':
    case 'privacy':
    case 'forget':
    case 'audit':
    case 'unlink':
    case 'mydata':
    case 'pending':
      return [];
    case 'link':
      return [option('code')];
    case 'role':
      return [...memberOptions(option), option('role', { required: true, choices: ROLES.map((role) => choice(role, key(`profile.roles.${role}`))) })];
    case 'suspend':
    case 'unsuspend':
      return memberOptions(option);
    case 'experts':
      return [option('topic', { choices: TOPICS.map((topic) => choice(topic, key(`topicNames.${topic}`))) }), option('country', { max_length: 60 })];
    case 'search':
      return [
        option('query', { required: true, max_length: 500 }),
        option('language', { choices: FILTER_LANGUAGES.map((code) => choice(code, (language) => languageCodeName((key) => translator.t(language, key), code, language))) }),
        option('type', { choices: [...NAMED_TYPES].map((type) => choice(type, key(`documentTypes.${type}`))) }),
      ];
    case 'doc':
      return [option('id', { required: true, max_length: 200 })];
    case 'lang':
      return [option('choose', { choices: MEMBER_LANGUAGE_CHOICES.map((code) => choice(code, key(`languageNames.${code}`))) })];
    default:
      // A command added later takes its arguments as one text until it gets its own options.
      return [option('text')];
  }
}

/**
 * Who a moderation command is about: a member of this server (a user
 * option, which Discord lets moderators pick from a list), or anyone by
 * member id or `platform:id` — a member of another platform included.
 */
function memberOptions(option: (name: string, extra?: object) => OptionJson): OptionJson[] {
  return [option('member', { type: ApplicationCommandOptionType.User }), option('account', { max_length: 100 })];
}

function described(text: Localized) {
  return { description: clip(text('en')), description_localizations: localizations((language) => clip(text(language))) };
}

function choice(value: string, name: Localized) {
  return { name: clip(name('en')), name_localizations: localizations((language) => clip(name(language))), value };
}

function localizations(text: Localized): Record<string, string> {
  return Object.fromEntries(Object.entries(DISCORD_LOCALES).map(([locale, language]) => [locale, text(language)]));
}

/** Descriptions and choice names: 1-100 characters. */
function clip(text: string): string {
  return text.length <= 100 ? text : `${text.slice(0, 99)}…`;
}
