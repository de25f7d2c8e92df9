/**
 * One question per profile field — shared by the onboarding after "I agree"
 * and by /profile's edit buttons — and the check of an answer, whether it
 * came from a button or was typed. Bad input is a UserError and changes
 * nothing.
 */
import { countryName, topicName } from '../library/display-names.ts';
import { MEMBER_LANGUAGES, resolveLanguageName } from '../library/language.ts';
import { paragraph, text } from '../model/reply-builders.ts';
import type { Block, Button } from '../model/reply.ts';
import type { ProfileChange } from '../ports.ts';
import type { CommandContext } from '../router/command.ts';
import { UserError } from '../router/user-error.ts';
import {
  OTHER_COUNTRY, PROFESSIONS, PROFILE_TEXT_MAX, REGION_COUNTRIES, resolveChoice, resolveMemberCountry, resolveTopics, TOPICS, type ProfileField,
} from './profile-options.ts';

export const PROFILE_ACTION = 'profile';
/** `onboard`: the next step follows; `edit`: the profile is shown again. */
export type StepMode = 'onboard' | 'edit';
export const MODE_CODE: Record<StepMode, string> = { onboard: 'o', edit: 'e' };
export const modeOf = (code: string | undefined): StepMode | undefined => (code === 'o' ? 'onboard' : code === 'e' ? 'edit' : undefined);

/** Fields answered by a plain message rather than (only) buttons. */
export const TYPED_FIELDS: ReadonlySet<string> = new Set(['name', 'organisation', 'country']);

/** Buttons per row: Discord takes five rows of five, so the 12 countries, Other and Skip fit in four rows. */
const PER_ROW = 4;

export interface Step {
  blocks: Block[];
  buttons: Button[][];
  /** The field waits for a typed answer too. */
  typed: boolean;
}

export const professionName = (context: CommandContext, key: string) => context.t(`professions.${key}`);
export const countryLabel = (context: CommandContext, code: string) => (code === OTHER_COUNTRY ? context.t('onboard.other') : countryName(context.language, code));

/** The question for `field`; `askCountry` asks for a typed country (after "Other"). */
export function stepFor(context: CommandContext, field: ProfileField, mode: StepMode, askCountry = false): Step {
  const { t } = context;
  const profile = context.member?.profile ?? { topics: [] };
  const button = (label: string, choice: string): Button => ({ actionId: PROFILE_ACTION, label, value: `${MODE_CODE[mode]}:${field}:${choice}` });
  const skip = button(t(mode === 'onboard' ? 'onboard.skip' : 'onboard.keep'), 'skip');
  const typedHint = (example: string) => context.command('profile', `edit ${field} ${example}`);
  const ask = (key: string, params = {}): Block[] => [paragraph(text(t(key, params)))];
  switch (field) {
    case 'name': {
      const current = profile.displayName ? t('onboard.current', { value: profile.displayName }) : '';
      return { blocks: ask('onboard.ask.name', { current, command: typedHint('…') }), buttons: [[skip]], typed: true };
    }
    case 'country':
      if (askCountry) return { blocks: ask('onboard.ask.countryTyped', { command: typedHint('…') }), buttons: [[skip]], typed: true };
      return {
        blocks: ask('onboard.ask.country'),
        buttons: rows([...REGION_COUNTRIES, OTHER_COUNTRY].map((code) => button(countryLabel(context, code), code)).concat(skip)),
        typed: false,
      };
    case 'profession':
      return { blocks: ask('onboard.ask.profession'), buttons: rows(PROFESSIONS.map((key) => button(professionName(context, key), key)).concat(skip)), typed: false };
    case 'organisation':
      return { blocks: ask('onboard.ask.organisation', { command: typedHint('…') }), buttons: [[skip]], typed: true };
    case 'language':
      return { blocks: ask('onboard.ask.language'), buttons: rows(MEMBER_LANGUAGES.map((code) => button(t(`languageNames.${code}`), code)).concat(skip)), typed: false };
    case 'topics': {
      const chosen = new Set(profile.topics);
      const toggles = TOPICS.map((topic, index) => button(`${chosen.has(topic) ? '✓ ' : ''}${topicName(t, topic)}`, String(index)));
      return { blocks: ask('onboard.ask.topics'), buttons: rows([...toggles, button(t('onboard.done'), 'done')]), typed: false };
    }
  }
}

/** Buttons in rows of four. */
export function rows(buttons: Button[]): Button[][] {
  const out: Button[][] = [];
  for (let index = 0; index < buttons.length; index += PER_ROW) out.push(buttons.slice(index, index + PER_ROW));
  return out;
}

/** What a member typed for a field → the change to store. `-` clears an optional field. */
export function typedChange(context: CommandContext, field: ProfileField, typed: string): ProfileChange | { language: string } {
  const value = typed.trim().replace(/\s+/g, ' ');
  if (value === '-' && field !== 'language') return field === 'topics' ? { topics: [] } : { [field === 'name' ? 'displayName' : field]: null };
  switch (field) {
    case 'name':
    case 'organisation':
      if (!value) throw new UserError('onboard.empty');
      if ([...value].length > PROFILE_TEXT_MAX) throw new UserError('onboard.tooLong', { max: PROFILE_TEXT_MAX });
      return field === 'name' ? { displayName: value } : { organisation: value };
    case 'country': {
      const country = resolveMemberCountry(value, (code) => countryName(context.language, code));
      if (!country) throw new UserError('onboard.unknownCountry', { value, examples: 'RS, XK, Shqipëria' });
      return { country };
    }
    case 'profession': {
      const profession = resolveChoice(value, PROFESSIONS, (key) => professionName(context, key));
      if (!profession) throw new UserError('onboard.unknownChoice', { value, list: PROFESSIONS.map((key) => professionName(context, key)).join(', ') });
      return { profession };
    }
    case 'language': {
      const language = resolveLanguageName(value);
      if (!language || !(MEMBER_LANGUAGES as readonly string[]).includes(language)) {
        throw new UserError('lang.unknown', { code: value, list: MEMBER_LANGUAGES.join(', ') });
      }
      return { language };
    }
    case 'topics': {
      const { topics, unknown } = resolveTopics(value, (topic) => topicName(context.t, topic));
      if (unknown.length > 0 || topics.length === 0) {
        throw new UserError('onboard.unknownChoice', { value: unknown.join(', ') || value, list: TOPICS.map((topic) => topicName(context.t, topic)).join(', ') });
      }
      return { topics };
    }
  }
}

/** A button's choice → the change to store (the button named it, so it is checked against the same lists). */
export function pressedChange(context: CommandContext, field: ProfileField, choice: string): ProfileChange | { language: string } | 'toggle' {
  if (field === 'topics') return 'toggle';
  return typedChange(context, field, choice);
}

/** The profile value as the member reads it. */
export function describeField(context: CommandContext, field: ProfileField): string {
  const { t } = context;
  const profile = context.member?.profile ?? { topics: [] };
  const none = t('profile.none');
  switch (field) {
    case 'name':
      return profile.displayName ?? none;
    case 'country':
      return profile.country ? countryLabel(context, profile.country) : none;
    case 'profession':
      return profile.profession ? professionName(context, profile.profession) : none;
    case 'organisation':
      return profile.organisation ?? none;
    case 'language':
      return t(`languageNames.${context.language}`);
    case 'topics':
      return profile.topics.length > 0 ? profile.topics.map((topic) => topicName(t, topic)).join(', ') : none;
  }
}
