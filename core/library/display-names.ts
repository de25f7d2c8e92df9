/**
 * How a document's language, type and country read in the member's language.
 * Language and type names come from the locale files; country names from
 * Intl (CLDR), which knows every country in every hub language.
 */
import type { LibraryDocument } from './document.ts';

type Translate = (key: string) => string;

// BCMS names come from the locale files: CLDR calls Montenegrin "Serbian
// (Montenegro)" in most of the hub's languages, which members would rightly reject.
const BCMS_NAMED = new Set(['sr', 'hr', 'bs', 'cnr', 'sh']);
/** The document types the hub names in every language (others show as imported). */
export const NAMED_TYPES = new Set([
  'report', 'guideline', 'toolkit', 'policy', 'strategy', 'legislation', 'training material', 'research',
]);

// The sample library's topic vocabulary; other topics show as imported.
const NAMED_TOPICS = new Set([
  'violence and abuse', 'trafficking and exploitation', 'children on the move', 'alternative care', 'juvenile justice',
  'online safety', 'child participation', 'family support', 'disability', 'education', 'health', 'child rights and policy',
]);

export function topicName(t: Translate, topic: string): string {
  return NAMED_TOPICS.has(topic) ? t(`topicNames.${topic}`) : topic;
}

/** The link's label: a third-party copy says so, so members know whose page they open. */
export function linkLabel(t: Translate, document: LibraryDocument): string {
  return t(document.urlIsMirror ? 'doc.openCopy' : 'doc.open');
}

/** The Intl locale for a member language (`sh` is BCMS in Latin). */
export function intlLocale(language: string): string {
  if (language === 'sh') return 'sr-Latn';
  if (language === 'sh-Cyrl') return 'sr-Cyrl';
  return language;
}

/** "Serbian, Cyrillic", "makedonski", "albaneză": the document's own language, in the member's. */
export function languageName(t: Translate, document: Pick<LibraryDocument, 'language'>, language: string): string {
  const [base = ''] = document.language.split('-');
  const locale = intlLocale(language);
  const name = BCMS_NAMED.has(base) ? t(`documentLanguages.${base}`) : displayName(locale, 'language', base);
  const cyrillic = /-Cyrl(-|$)/.test(document.language) ? displayName(locale, 'script', 'Cyrl') : '';
  return cyrillic ? `${name}, ${cyrillic}` : name;
}

/** A language group by its code (`mk`, `sh`), in the member's language; BCMS by the hub's own name. */
export function languageCodeName(t: Translate, code: string, language: string): string {
  return code === 'sh' ? t('documentLanguages.sh') : displayName(intlLocale(language), 'language', code);
}

// A search with more than a thousand results writes its count: constructing
// Intl.NumberFormat each time cost more than the rest of that line.
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();

/** "1.000", "1,000", "1 000": a count as the member's language writes it. */
export function formatNumber(language: string, value: number): string {
  const locale = intlLocale(language);
  let format = NUMBER_FORMATS.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    NUMBER_FORMATS.set(locale, format);
  }
  return format.format(value);
}

// A name is asked for on every result line: constructing Intl.DisplayNames
// each time was 6% of a /search update's CPU. Locales and codes are few.
const NAMES = new Map<string, string>();

function displayName(locale: string, type: 'language' | 'script' | 'region', code: string): string {
  const key = `${locale}|${type}|${code}`;
  let name = NAMES.get(key);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([locale], { type }).of(code) ?? code;
    } catch {
      name = code;
    }
    // Codes come from imported files: bounded, not a leak.
    if (NAMES.size >= 10_000) NAMES.clear();
    NAMES.set(key, name);
  }
  return name;
}

export function typeName(t: Translate, type: string): string {
  if (NAMED_TYPES.has(type)) return t(`documentTypes.${type}`);
  return type ? type[0]!.toUpperCase() + type.slice(1) : t('documentTypes.other');
}

export function countryName(language: string, code: string): string {
  return code ? displayName(intlLocale(language), 'region', code) : '';
}
