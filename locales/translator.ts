/**
 * The Translator port on i18next: one private instance, resources read
 * synchronously from the JSON files beside this one, `sh-Cyrl` generated
 * from sh.json by transliteration.
 */
import { readFileSync } from 'node:fs';
import i18next, { type Resource } from 'i18next';
import type { TranslationParams, Translator } from '../core/ports.ts';
import { repoPath } from '../repo-root.ts';
import { transliterateResource, type ResourceTree } from './transliterate-cyrillic.ts';

/** Languages with a resource file; `en` is the source and the fallback. */
const FILE_LANGUAGES = ['en', 'sq', 'sh', 'bg', 'hu', 'ro'] as const;

export const LANGUAGES: readonly string[] = Object.freeze(['en', 'sq', 'sh', 'sh-Cyrl', 'bg', 'hu', 'ro']);

const FALLBACK = 'en';

/**
 * The code each member language is stored under inside i18next. i18next
 * canonicalises hyphenated codes with Intl.getCanonicalLocales, which turns
 * the deprecated `sh-Cyrl` into `sr-Cyrl`: resources stored as `sh-Cyrl`
 * would never be found and members would silently get the Latin `sh` text.
 * `sr-Cyrl` also gives BCMS plural rules (one/few/other), as `sh` does.
 */
const I18NEXT_CODE: Readonly<Record<string, string>> = { 'sh-Cyrl': 'sr-Cyrl' };

function readLocale(language: string): ResourceTree {
  return JSON.parse(readFileSync(repoPath('locales', `${language}.json`), 'utf8')) as ResourceTree;
}

function loadResources(): Resource {
  const resources: Resource = {};
  const files: Record<string, ResourceTree> = {};
  for (const language of FILE_LANGUAGES) {
    files[language] = readLocale(language);
    resources[toI18nextCode(language)] = { translation: files[language] };
  }
  resources[toI18nextCode('sh-Cyrl')] = { translation: transliterateResource(files['sh'] ?? {}) };
  return resources;
}

function toI18nextCode(language: string): string {
  return I18NEXT_CODE[language] ?? language;
}

/** A member language, matched case-insensitively (`sh_cyrl` too); else English. */
export function resolveLanguage(language: string): string {
  const wanted = language.trim().replace(/_/g, '-').toLowerCase();
  return LANGUAGES.find((code) => code.toLowerCase() === wanted) ?? FALLBACK;
}

/** A count picks the plural form; "3" counts as 3, anything else does not. */
function toCount(value: string | number | undefined): number | undefined {
  if (typeof value === 'number') return value;
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

export function createTranslator(): Translator {
  const instance = i18next.createInstance();
  // initAsync: false makes init finish before it returns (resources are inline).
  void instance.init({
    resources: loadResources(),
    lng: FALLBACK,
    fallbackLng: FALLBACK,
    initAsync: false,
    returnNull: false,
    // Renderers escape for their own format; values are data, not markup.
    interpolation: { escapeValue: false, skipOnVariables: true },
  });

  // A text without parameters is the same every time: a reply of search
  // results asks for the same labels dozens of times, and i18next's lookup
  // was the larger part of building it. Keys and languages are few.
  const plain = new Map<string, string>();

  return {
    languages: LANGUAGES,
    t(language: string, key: string, params: TranslationParams = {}): string {
      const lng = toI18nextCode(resolveLanguage(language));
      const bare = Object.keys(params).length === 0;
      if (bare) {
        const known = plain.get(`${lng}\u0000${key}`);
        if (known !== undefined) return known;
      }
      const count = toCount(params['count']);
      // Values go in `replace`, so a parameter can never be read as an
      // i18next option (lng, ns, context, defaultValue...).
      const text = instance.t(key, {
        lng,
        replace: params,
        ...(count === undefined ? {} : { count }),
      });
      if (bare && plain.size < 20_000) plain.set(`${lng}\u0000${key}`, text);
      return text;
    },
  };
}
