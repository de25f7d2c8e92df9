import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../locales/translator.ts';
import { protectedSegments } from '../../locales/transliterate-cyrillic.ts';

type Tree = { [key: string]: string | Tree };

const FILE_LANGUAGES = ['en', 'sq', 'sh', 'bg', 'hu', 'ro'] as const;
const TRANSLATIONS = FILE_LANGUAGES.filter((l) => l !== 'en');
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function readLocale(language: string): Tree {
  const url = new URL(`../../locales/${language}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Tree;
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix + key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, `${path}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((m) => m[1] ?? ''))].sort();

const strings = Object.fromEntries(FILE_LANGUAGES.map((l) => [l, flatten(readLocale(l))])) as Record<
  string,
  Map<string, string>
>;
const english = strings['en'] ?? new Map<string, string>();

/** Plural bases of en.json (search.found for search.found_one / _other). */
const pluralBases = new Set([...english.keys()].filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, '')));
const plainKeys = [...english.keys()].filter((k) => !PLURAL_SUFFIX.test(k));
/**
 * `_zero`: i18next's own form for a count of 0 in every language ("No
 * expert fits it yet" rather than "I sent it to 0 experts"); where en.json
 * has one, every language has one, and it need not say the count.
 */
const zeroKeys = [...english.keys()].filter((k) => k.endsWith('_zero'));

/** The suffixes i18next itself will look up for a language. */
const probe = i18next.createInstance();
void probe.init({ initAsync: false, resources: {} });
function pluralSuffixes(language: string): string[] {
  return probe.services.pluralResolver.getSuffixes(language) as string[];
}

function expectedKeys(language: string): string[] {
  const plural = [...pluralBases].flatMap((base) => pluralSuffixes(language).map((s) => base + s));
  return [...plainKeys, ...plural, ...zeroKeys].sort();
}

/** The English string whose placeholders a key must carry. */
function englishFor(key: string): string {
  const base = key.replace(PLURAL_SUFFIX, '');
  const text = pluralBases.has(base) && !key.endsWith('_zero') ? english.get(`${base}_other`) : english.get(key);
  if (text === undefined) throw new Error(`no English for ${key}`);
  return text;
}

describe('locale files', () => {
  it('i18next gives BCMS and Romanian one/few/other, the others one/other', () => {
    expect(pluralSuffixes('sh')).toEqual(['_one', '_few', '_other']);
    expect(pluralSuffixes('sr-Cyrl')).toEqual(['_one', '_few', '_other']);
    expect(pluralSuffixes('ro')).toEqual(['_one', '_few', '_other']);
    for (const language of ['en', 'sq', 'bg', 'hu']) expect(pluralSuffixes(language)).toEqual(['_one', '_other']);
  });

  it.each(FILE_LANGUAGES)('%s has exactly the keys of en.json with its own plural forms', (language) => {
    expect([...(strings[language]?.keys() ?? [])].sort()).toEqual(expectedKeys(language));
  });

  it.each(FILE_LANGUAGES)('%s has no empty strings', (language) => {
    for (const [key, text] of strings[language] ?? []) expect(text.trim(), key).not.toBe('');
  });

  it.each(TRANSLATIONS)('%s keeps every placeholder of the English string, and adds none', (language) => {
    for (const [key, text] of strings[language] ?? []) {
      expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(englishFor(key)));
    }
  });

  it.each(FILE_LANGUAGES)('%s has {{count}} in every plural form but _zero', (language) => {
    for (const [key, text] of strings[language] ?? []) {
      if (PLURAL_SUFFIX.test(key) && !key.endsWith('_zero')) expect(text, `${language} ${key}`).toContain('{{count}}');
    }
  });

  it('Romanian uses ș and ț with a comma below, not a cedilla', () => {
    for (const [key, text] of strings['ro'] ?? []) expect(text, key).not.toMatch(/[şţŞŢ]/);
  });
});

const translator = createTranslator();

describe('createTranslator', () => {
  it('offers the six languages and sh-Cyrl', () => {
    expect([...translator.languages].sort()).toEqual(['bg', 'en', 'hu', 'ro', 'sh', 'sh-Cyrl', 'sq']);
  });

  const found: Record<string, Record<number, string>> = {
    en: { 1: '1 document found', 2: '2 documents found', 5: '5 documents found', 21: '21 documents found', 22: '22 documents found', 25: '25 documents found' },
    sq: { 1: 'U gjet 1 dokument ', 2: 'U gjetën 2 dokumente ', 5: 'U gjetën 5 dokumente ', 21: 'U gjetën 21 dokumente ', 22: 'U gjetën 22 dokumente ', 25: 'U gjetën 25 dokumente ' },
    sh: { 1: 'Pronađen je 1 dokument ', 2: 'Pronađena su 2 dokumenta ', 5: 'Pronađeno je 5 dokumenata ', 21: 'Pronađen je 21 dokument ', 22: 'Pronađena su 22 dokumenta ', 25: 'Pronađeno je 25 dokumenata ' },
    'sh-Cyrl': { 1: 'Пронађен је 1 документ ', 2: 'Пронађена су 2 документа ', 5: 'Пронађено је 5 докумената ', 21: 'Пронађен је 21 документ ', 22: 'Пронађена су 22 документа ', 25: 'Пронађено је 25 докумената ' },
    bg: { 1: 'Намерен е 1 документ ', 2: 'Намерени са 2 документа ', 5: 'Намерени са 5 документа ', 21: 'Намерени са 21 документа ', 22: 'Намерени са 22 документа ', 25: 'Намерени са 25 документа ' },
    hu: { 1: '1 dokumentumot ', 2: '2 dokumentumot ', 5: '5 dokumentumot ', 21: '21 dokumentumot ', 22: '22 dokumentumot ', 25: '25 dokumentumot ' },
    ro: { 1: 'Am găsit 1 document ', 2: 'Am găsit 2 documente ', 5: 'Am găsit 5 documente ', 21: 'Am găsit 21 de documente ', 22: 'Am găsit 22 de documente ', 25: 'Am găsit 25 de documente ' },
  };

  it.each(Object.keys(found))('%s: search.found agrees with the count', (language) => {
    for (const [n, expected] of Object.entries(found[language] ?? {})) {
      const text = translator.t(language, 'search.found', { count: Number(n), query: 'x' });
      expect(text.startsWith(expected), `${language} ${n}: ${text}`).toBe(true);
      expect(text).toContain('x');
    }
  });

  it('a count of 0 reads as a sentence of its own where en.json has a _zero form', () => {
    expect(translator.t('en', 'ask.sentToExperts', { count: 0 })).toBe('No expert fits it yet; if it stays unanswered, the moderators are told.');
    expect(translator.t('sh-Cyrl', 'ask.postedInChannels', { count: 0 })).toBe('Није ни у једном каналу за питања.');
    expect(translator.t('ro', 'ask.sentToExperts', { count: 2 })).toBe('Am trimis-o la 2 experți.');
  });

  it('a numeric string count still picks the plural form', () => {
    expect(translator.t('sh', 'search.found', { count: '3', query: 'x' })).toContain('3 dokumenta');
  });

  it('sh-Cyrl answers in Cyrillic and keeps interpolated values as given', () => {
    const text = translator.t('sh-Cyrl', 'search.nothing', { query: 'nasilje' });
    expect(text).toBe('Нема резултата за „nasilje“.');
  });

  it('sh-Cyrl keeps commands, filter keywords and the product name in Latin', () => {
    expect(translator.t('sh-Cyrl', 'errors.unknownCommand', { command: '/serch', help: '/help' })).toBe(
      'Не познајем команду /serch. Погледајте /help.',
    );
    expect(translator.t('sh-Cyrl', 'help.syntax.filterList')).toBe(
      'Филтери: lang:, type:, country:, year: (2015 или 2015-2020), topic:',
    );
    expect(translator.t('sh-Cyrl', 'start.welcome')).toMatch(/^Добро дошли у cphub, /);
  });

  it('sh-Cyrl has no Latin letter outside the segments meant to stay Latin', () => {
    for (const key of english.keys()) {
      const base = key.replace(PLURAL_SUFFIX, '');
      const text = translator.t('sh-Cyrl', pluralBases.has(base) ? base : key, { count: 5 });
      const rest = protectedSegments(text).reduce((s, segment) => s.replace(segment, ''), text);
      expect(rest, key).not.toMatch(/[A-Za-zČĆŠŽĐčćšžđ]/);
    }
  });

  it('an unknown or odd-cased language code', () => {
    expect(translator.t('xx', 'search.nothing', { query: 'q' })).toBe('Nothing found for “q”.');
    expect(translator.t('', 'console.bye')).toBe('Goodbye.');
    expect(translator.t('sr', 'console.bye')).toBe('Goodbye.');
    expect(translator.t('SH_cyrl', 'console.bye')).toBe('Довиђења.');
    expect(translator.t('RO', 'console.bye')).toBe('La revedere.');
  });

  it('treats values as data: no escaping, no nested lookup, no option override', () => {
    const query = '<b>&"{{count}}" $t(console.bye)';
    expect(translator.t('en', 'search.nothing', { query })).toBe(`Nothing found for “${query}”.`);
    expect(translator.t('en', 'console.bye', { lng: 'ro', defaultValue: 'x' })).toBe('Goodbye.');
  });

  it('every language answers every key from its own file', () => {
    for (const language of translator.languages) {
      if (language === 'en') continue;
      expect(translator.t(language, 'console.bye'), language).not.toBe('Goodbye.');
      expect(translator.t(language, 'doc.publisher'), language).not.toBe('Publisher');
    }
  });
});
