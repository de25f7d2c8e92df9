/**
 * Language tags of documents and members.
 *
 * Documents carry any BCP 47 tag; for search and for the interface they fall
 * into a group: every BCMS tag (`sh`, `sr`, `hr`, `bs`, `cnr`, with or
 * without a script) is `sh`, everything else is its base language.
 */
import { foldText } from '../search/fold.ts';

export const BCMS_CODES = ['sh', 'sr', 'hr', 'bs', 'cnr'] as const;

/** The hub's interface languages; `sh-Cyrl` is BCMS shown in Cyrillic. */
export const MEMBER_LANGUAGES = ['en', 'sq', 'sh', 'sh-Cyrl', 'bg', 'hu', 'ro'] as const;
export type MemberLanguage = (typeof MEMBER_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: MemberLanguage = 'en';

/** The search language group of a member language: `sh-Cyrl` reads the same BCMS documents as `sh`. */
export function languageGroupOf(language: string): string {
  return language === 'sh-Cyrl' ? 'sh' : language;
}

export interface LanguageTag {
  /** Canonical BCP 47, e.g. `sr-Cyrl`. */
  tag: string;
  /** `sh` for BCMS, otherwise the base language (`en`, `mk`, …). */
  group: string;
  script?: 'Latn' | 'Cyrl';
}

/** Parse a document's language tag; undefined when it is not a valid tag. */
export function parseLanguageTag(input: string): LanguageTag | undefined {
  const tag = caseSubtags(input.trim().replace(/_/g, '-'));
  try {
    Intl.getCanonicalLocales(tag);
  } catch {
    return undefined;
  }
  const [base = ''] = tag.split('-');
  if (!/^[a-z]{2,3}$/.test(base) || !KNOWN_LANGUAGES.of(base)) return undefined;
  const group = (BCMS_CODES as readonly string[]).includes(base) ? 'sh' : base;
  const script = /-Cyrl(-|$)/.test(tag) ? 'Cyrl' : /-Latn(-|$)/.test(tag) ? 'Latn' : undefined;
  return { tag, group, ...(script ? { script } : {}) };
}

// Knows which codes are real languages; Intl alone accepts any "xx".
const KNOWN_LANGUAGES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * BCP 47 casing without Intl's alias replacement, which would turn the
 * `sh` and `cnr` that publishers use into `sr-Latn` and `sr-Latn-ME`.
 */
function caseSubtags(tag: string): string {
  return tag
    .split('-')
    .map((part, index) => {
      if (index === 0) return part.toLowerCase();
      if (/^[a-z]{4}$/i.test(part)) return part[0]!.toUpperCase() + part.slice(1).toLowerCase();
      if (/^[a-z]{2}$/i.test(part)) return part.toUpperCase();
      return part.toLowerCase();
    })
    .join('-');
}

/**
 * The interface language for a platform locale (`sr-RS`, `hr`, `ro_RO.UTF-8`),
 * or undefined when the hub has none for it. Serbian without a script gets
 * Latin: most members write Latin in chats, and `/lang` switches.
 */
export function memberLanguageFromLocale(locale: string | undefined): MemberLanguage | undefined {
  if (!locale) return undefined;
  const parsed = parseLanguageTag(locale.split('.')[0] ?? '');
  if (!parsed) return undefined;
  if (parsed.group === 'sh') return parsed.script === 'Cyrl' ? 'sh-Cyrl' : 'sh';
  return (MEMBER_LANGUAGES as readonly string[]).includes(parsed.group)
    ? (parsed.group as MemberLanguage)
    : undefined;
}

// Names members type in `/lang` and `lang:` besides codes, folded.
const LANGUAGE_NAMES_AS_TYPED: Record<string, string> = {
  english: 'en', anglisht: 'en', engleski: 'en', angol: 'en', engleza: 'en', anglijski: 'en',
  albanian: 'sq', shqip: 'sq', albanski: 'sq', albanez: 'sq', albanska: 'sq', albanai: 'sq',
  bcms: 'sh', bhsc: 'sh', bhs: 'sh', serbian: 'sh', croatian: 'sh', bosnian: 'sh', montenegrin: 'sh',
  srpski: 'sh', hrvatski: 'sh', bosanski: 'sh', crnogorski: 'sh', serbocroatian: 'sh', српски: 'sh', bulgarski: 'bg', български: 'bg', македонски: 'mk',
  cirilica: 'sh-Cyrl', cyrillic: 'sh-Cyrl', cyr: 'sh-Cyrl',
  bulgarian: 'bg', balgarski: 'bg', bugarski: 'bg',
  hungarian: 'hu', magyar: 'hu', madjarski: 'hu',
  romanian: 'ro', romana: 'ro', romanesc: 'ro', rumunski: 'ro',
  macedonian: 'mk', makedonski: 'mk',
};
const LANGUAGE_NAMES = new Map(
  Object.entries(LANGUAGE_NAMES_AS_TYPED).map(([name, code]) => [foldText(name), code]),
);

/**
 * A language the member named (`sr`, `hr`, `sr-Cyrl`, `srpski`, `shqip`),
 * as a group for search filters; `sh-Cyrl` stays apart for `/lang`.
 */
export function resolveLanguageName(input: string): string | undefined {
  const key = foldText(input.trim()).replace(/[^a-z]/g, '');
  const named = LANGUAGE_NAMES.get(key);
  // "Српски" typed in Cyrillic asks for Cyrillic.
  if (named === 'sh' && /\p{Script=Cyrillic}/u.test(input)) return 'sh-Cyrl';
  if (named) return named;
  const parsed = parseLanguageTag(input);
  if (!parsed || parsed.tag.length > 12) return undefined;
  if (parsed.group === 'sh' && parsed.script === 'Cyrl') return 'sh-Cyrl';
  return parsed.group;
}
