/**
 * How a document's language, type and country read in the member's language.
 * Language and type names come from the locale files; country names from
 * Intl (CLDR), which knows every country in every hub language.
 */
import type { LibraryDocument } from './document.ts';

type Translate = (key: string) => string;

const NAMED_LANGUAGES = new Set(['en', 'sq', 'sh', 'bg', 'hu', 'ro', 'mk']);
const NAMED_TYPES = new Set([
  'report', 'guideline', 'toolkit', 'policy', 'strategy', 'legislation', 'training material', 'research',
]);

/** The Intl locale for a member language (`sh` is BCMS in Latin). */
export function intlLocale(language: string): string {
  if (language === 'sh') return 'sr-Latn';
  if (language === 'sh-Cyrl') return 'sr-Cyrl';
  return language;
}

export function languageName(t: Translate, document: LibraryDocument): string {
  if (!NAMED_LANGUAGES.has(document.languageGroup)) return document.language;
  const name = t(`languageNames.${document.languageGroup}`);
  return /-Cyrl/.test(document.language) && document.languageGroup === 'sh' ? `${name}, ${cyrillicLabel(t)}` : name;
}

function cyrillicLabel(t: Translate): string {
  return t('languageNames.sh-Cyrl').split(' ').slice(-1)[0] ?? 'Cyrillic';
}

export function typeName(t: Translate, type: string): string {
  if (NAMED_TYPES.has(type)) return t(`documentTypes.${type}`);
  return type ? type[0]!.toUpperCase() + type.slice(1) : t('documentTypes.other');
}

export function countryName(language: string, code: string): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([intlLocale(language)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
