/**
 * What a member's profile can say: the region's countries, the professions
 * of the network and the hub's topics. Members pick them by button or type
 * them (`/profile edit country Srbija`); what is stored is the key.
 */
import { resolveCountry } from '../library/country.ts';
import { foldText } from '../search/fold.ts';

/** The region's countries, offered as buttons; any other country can be typed. */
export const REGION_COUNTRIES = ['AL', 'BA', 'BG', 'HR', 'XK', 'ME', 'MK', 'RO', 'RS', 'HU', 'SI', 'MD'] as const;
/** Stored for a member who says "other" without naming the country. */
export const OTHER_COUNTRY = 'other';

export const PROFESSIONS = ['social_work', 'law_enforcement', 'health', 'justice', 'education', 'student', 'policy', 'ngo', 'other'] as const;
export type Profession = (typeof PROFESSIONS)[number];

/** The hub's topics (the library's topic vocabulary, without its catch-all). */
export const TOPICS = [
  'violence and abuse', 'trafficking and exploitation', 'children on the move', 'alternative care', 'juvenile justice',
  'online safety', 'child participation', 'family support', 'disability', 'education', 'health',
] as const;

/** The languages an expert picks by button (the library's language groups); others can be typed. */
export const EXPERT_LANGUAGES = ['en', 'sq', 'sh', 'mk', 'bg', 'hu', 'ro'] as const;

/** The fields a member can edit, in the onboarding's order. */
export const PROFILE_FIELDS = ['name', 'country', 'profession', 'organisation', 'language', 'topics'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** Longest name or organisation kept: a line, not a biography. */
export const PROFILE_TEXT_MAX = 100;

const FIELD_ALIASES: Record<string, ProfileField> = { organization: 'organisation', org: 'organisation', lang: 'language', topic: 'topics' };

export function resolveProfileField(typed: string): ProfileField | undefined {
  const key = typed.trim().toLowerCase();
  return (PROFILE_FIELDS as readonly string[]).includes(key) ? (key as ProfileField) : FIELD_ALIASES[key];
}

/**
 * A choice from a list as a member types it: its number (1-based), its key,
 * or its name in the member's language, with or without diacritics.
 */
export function resolveChoice<T extends string>(typed: string, options: readonly T[], nameOf: (option: T) => string): T | undefined {
  const value = typed.trim();
  if (/^\d{1,2}$/.test(value)) return options[Number(value) - 1];
  const folded = foldText(value).replace(/[\s_-]+/g, ' ').trim();
  return options.find((option) => foldText(option.replace(/_/g, ' ')) === folded || foldText(nameOf(option)).trim() === folded);
}

/** A country typed as a code or a name (`RS`, `Srbija`, `other`). */
export function resolveMemberCountry(typed: string, nameOf: (code: string) => string): string | undefined {
  const value = typed.trim();
  if (value.toLowerCase() === OTHER_COUNTRY) return OTHER_COUNTRY;
  return resolveCountry(value) ?? REGION_COUNTRIES.find((code) => foldText(nameOf(code)).trim() === foldText(value).trim());
}

/** Topics typed as a comma-separated list of numbers, keys or names. */
export function resolveTopics(typed: string, nameOf: (topic: string) => string): { topics: string[]; unknown: string[] } {
  const topics: string[] = [];
  const unknown: string[] = [];
  for (const part of typed.split(/[,;]/).map((piece) => piece.trim()).filter(Boolean)) {
    const topic = resolveChoice(part, TOPICS, nameOf);
    if (topic) topics.push(topic);
    else unknown.push(part);
  }
  return { topics: [...new Set(topics)], unknown };
}
