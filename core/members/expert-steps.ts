/**
 * The expert profile, one question per field — the expertise topics, the
 * languages and the countries an expert works in (pressed one by one, then
 * Done), and whether to be listed in /experts — and the check of a typed
 * answer (`/expert edit countries RS, BA`). Bad input is a UserError and
 * changes nothing.
 */
import { languageCodeName, topicName } from '../library/display-names.ts';
import { resolveLanguageName } from '../library/language.ts';
import { paragraph, text } from '../model/reply-builders.ts';
import type { Block, Button } from '../model/reply.ts';
import type { ExpertProfile } from '../ports.ts';
import type { CommandContext } from '../router/command.ts';
import { UserError } from '../router/user-error.ts';
import { foldText } from '../search/fold.ts';
import { EXPERT_LANGUAGES, REGION_COUNTRIES, resolveMemberCountry, resolveTopics, TOPICS } from './profile-options.ts';
import { countryLabel, MODE_CODE, rows, type StepMode } from './profile-steps.ts';

export const EXPERT_ACTION = 'expert';
export const EXPERT_FIELDS = ['topics', 'languages', 'countries', 'listed'] as const;
export type ExpertField = (typeof EXPERT_FIELDS)[number];
export const EMPTY_EXPERT_PROFILE: ExpertProfile = { topics: [], languages: [], countries: [], listed: false };

const FIELD_ALIASES: Record<string, ExpertField> = {
  topic: 'topics', expertise: 'topics', language: 'languages', lang: 'languages', country: 'countries',
  list: 'listed', listing: 'listed', directory: 'listed',
};
// Yes and no in the hub's languages (да folds to da): typed answers to the listing question.
const folded = (words: string[]) => new Set(words.map((word) => foldText(word).trim()));
const YES = folded(['yes', 'y', 'on', 'true', '1', 'da', 'po', 'igen']);
const NO = folded(['no', 'n', 'off', 'false', '0', 'ne', 'nu', 'jo', 'nem']);

export function resolveExpertField(typed: string): ExpertField | undefined {
  const key = typed.trim().toLowerCase();
  return (EXPERT_FIELDS as readonly string[]).includes(key) ? (key as ExpertField) : FIELD_ALIASES[key];
}

/** The keys a list field offers as buttons, in button order. */
function options(field: Exclude<ExpertField, 'listed'>): readonly string[] {
  return field === 'topics' ? TOPICS : field === 'languages' ? EXPERT_LANGUAGES : REGION_COUNTRIES;
}

/** A list field's key as the member reads it. */
export function optionName(context: CommandContext, field: Exclude<ExpertField, 'listed'>, key: string): string {
  if (field === 'topics') return topicName(context.t, key);
  if (field === 'languages') return languageCodeName(context.t, key, context.language);
  return countryLabel(context, key);
}

/** The question for `field`, with the profile as it is now (pressed options carry a tick). */
export function expertStep(context: CommandContext, field: ExpertField, mode: StepMode, profile: ExpertProfile): { blocks: Block[]; buttons: Button[][] } {
  const { t } = context;
  const button = (label: string, choice: string): Button => ({ actionId: EXPERT_ACTION, label, value: `${MODE_CODE[mode]}:${field}:${choice}` });
  const typed = context.command('expert', `edit ${field} …`);
  if (field === 'listed') {
    const question = paragraph(text(t('expert.ask.listed', { command: context.command('experts') })));
    return { blocks: [question], buttons: [[button(t('expert.listYes'), 'yes'), button(t('expert.listNo'), 'no')]] };
  }
  const chosen = new Set(profile[field]);
  const toggles = options(field).map((key, index) => button(`${chosen.has(key) ? '✓ ' : ''}${optionName(context, field, key)}`, String(index)));
  return { blocks: [paragraph(text(t(`expert.ask.${field}`, { command: typed })))], buttons: rows([...toggles, button(t('onboard.done'), 'done')]) };
}

/** A pressed option switches on or off; `undefined` for a choice no button offers. */
export function toggled(field: Exclude<ExpertField, 'listed'>, profile: ExpertProfile, choice: string): Partial<ExpertProfile> | undefined {
  const key = /^\d+$/.test(choice) ? options(field)[Number(choice)] : undefined;
  if (!key) return undefined;
  const chosen = new Set(profile[field]);
  if (!chosen.delete(key)) chosen.add(key);
  // Button order first, typed extras (a country outside the region) after.
  const ordered = [...options(field).filter((item) => chosen.has(item)), ...profile[field].filter((item) => chosen.has(item) && !options(field).includes(item))];
  return { [field]: ordered };
}

/** What a member typed for a field → the change to store. `-` empties a list. */
export function typedExpertChange(context: CommandContext, field: ExpertField, typed: string): Partial<ExpertProfile> {
  const value = typed.trim();
  if (field === 'listed') return { listed: yesOrNo(context, value) };
  if (value === '-') return { [field]: [] };
  const { found, unknown } = field === 'topics' ? topicsOf(context, value) : field === 'languages' ? languagesOf(value) : countriesOf(context, value);
  if (unknown.length > 0 || found.length === 0) {
    const list = options(field).map((key) => optionName(context, field, key)).join(', ');
    throw new UserError('onboard.unknownChoice', { value: unknown.join(', ') || value, list });
  }
  return { [field]: found };
}

function yesOrNo(context: CommandContext, value: string): boolean {
  const answer = foldText(value).trim();
  if (YES.has(answer) || answer === foldText(context.t('expert.listYes')).trim()) return true;
  if (NO.has(answer) || answer === foldText(context.t('expert.listNo')).trim()) return false;
  throw new UserError('expert.yesOrNo', { value, example: '/expert edit listed yes' });
}

function topicsOf(context: CommandContext, value: string) {
  const { topics, unknown } = resolveTopics(value, (topic) => topicName(context.t, topic));
  return { found: topics, unknown };
}

/** Languages by code or name (`mk`, `srpski`, `German`): stored as the language group. */
function languagesOf(value: string) {
  const found: string[] = [];
  const unknown: string[] = [];
  for (const part of value.split(/[,;\s]+/).filter(Boolean)) {
    const language = resolveLanguageName(part);
    if (language) found.push(language === 'sh-Cyrl' ? 'sh' : language);
    else unknown.push(part);
  }
  return { found: [...new Set(found)], unknown };
}

/** Countries by code or name, separated by commas (`North Macedonia, RS`) or spaces (`RS BA`). */
function countriesOf(context: CommandContext, value: string) {
  const resolve = (piece: string) => {
    const country = resolveMemberCountry(piece, (code) => countryLabel(context, code));
    return country === 'other' ? undefined : country;
  };
  const found: string[] = [];
  const unknown: string[] = [];
  for (const part of value.split(/[,;]/).map((piece) => piece.trim()).filter(Boolean)) {
    const whole = resolve(part);
    const words = whole ? [whole] : part.split(/\s+/).map(resolve);
    if (words.every(Boolean)) found.push(...(words as string[]));
    else unknown.push(part);
  }
  return { found: [...new Set(found)], unknown };
}

/** A field's value as the member reads it. */
export function describeExpertField(context: CommandContext, field: ExpertField, profile: ExpertProfile): string {
  if (field === 'listed') return context.t(profile.listed ? 'expert.listedYes' : 'expert.listedNo');
  const names = profile[field].map((key) => optionName(context, field, key));
  return names.length > 0 ? names.join(', ') : context.t('profile.none');
}
