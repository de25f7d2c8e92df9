/**
 * The search syntax members type, parsed into a `ParsedQuery`.
 *
 * Nothing a member writes reaches a query language: this parser keeps only
 * folded letters and digits, and backends build their own expressions from
 * the result. Anything that is not our syntax is just words: an open quote,
 * `*`, `AND`/`NOT`, `NEAR(`, `a:b`, a lone `-`, emoji, 5,000 characters.
 */
import { resolveCountry } from '../library/country.ts';
import { languageGroupOf, resolveLanguageName } from '../library/language.ts';
import { foldedTokens } from './fold.ts';
import type { FilterField, ParsedQuery, YearRange } from './parsed-query.ts';
import { isStopword } from './stopwords.ts';

/** Enough for any real search; keeps a pasted page from slowing everyone's (each term costs a pass over its matches). */
export const MAX_TERMS = 8;
const MAX_PHRASE_TOKENS = 8;
/** A query word is cut to this: longer words are matched by their first 64 letters. */
export const MAX_TOKEN_LENGTH = 64;

const FIELD_NAMES: Record<string, FilterField> = {
  lang: 'lang', language: 'lang', type: 'type', country: 'country', year: 'year', topic: 'topic',
};

// Phones turn " into typographic quotes; all of them open and close phrases.
const QUOTES = /[“”„‟«»″〝〞＂]/g;
// A quoted phrase (maybe excluded, maybe a filter value) or a run of non-spaces.
const CHUNK = /(-)?(?:(\p{L}+):)?"([^"]*)"|(\S+)/gu;

export function parseQuery(input: string): ParsedQuery {
  const query: ParsedQuery = {
    words: [],
    phrases: [],
    excluded: [],
    filters: { languages: [], types: [], countries: [], topics: [] },
    rejectedFilters: [],
  };
  const text = input.replace(QUOTES, '"');
  for (const match of text.matchAll(CHUNK)) {
    const [, minus, field, quoted, bare] = match;
    if (quoted !== undefined) addQuoted(query, Boolean(minus), field, quoted);
    else if (bare !== undefined) addBare(query, bare);
  }
  dropStopwords(query);
  return query;
}

function addQuoted(query: ParsedQuery, excluded: boolean, field: string | undefined, value: string): void {
  const known = field ? FIELD_NAMES[field.toLowerCase()] : undefined;
  if (known && !excluded) return addFilter(query, known, value);
  if (field) addTerms(query, field, false);
  addTerms(query, value, excluded, true);
}

function addBare(query: ParsedQuery, chunk: string): void {
  const filter = /^(\p{L}+):(.+)$/u.exec(chunk);
  const known = filter ? FIELD_NAMES[filter[1]!.toLowerCase()] : undefined;
  if (filter && known) return addFilter(query, known, filter[2]!);
  if (chunk.startsWith('-')) return addTerms(query, chunk.slice(1), true);
  addTerms(query, chunk, false);
}

/** One chunk's words: one word alone, several (`BENCH-100821`, `don't`) as a phrase. */
function addTerms(query: ParsedQuery, chunk: string, excluded: boolean, asPhrase = false): void {
  // Full: the rest of a pasted page is not even folded (it was 6 ms of a 5,000-character search).
  if (termCount(query) >= MAX_TERMS) return;
  const tokens = foldedTokens(chunk)
    .map((token) => token.slice(0, MAX_TOKEN_LENGTH))
    .slice(0, MAX_PHRASE_TOKENS);
  if (tokens.length === 0) return;
  if (excluded) query.excluded.push(tokens);
  else if (tokens.length === 1 && !asPhrase) query.words.push(tokens[0]!);
  else query.phrases.push(tokens);
}

function termCount(query: ParsedQuery): number {
  return query.words.length + query.phrases.length + query.excluded.length;
}

function addFilter(query: ParsedQuery, field: FilterField, rawValue: string): void {
  const filters = query.filters;
  const values = rawValue.split(',').map((value) => value.trim()).filter(Boolean);
  for (const value of values) {
    const accepted = applyFilterValue(filters, field, value);
    if (!accepted) query.rejectedFilters.push({ field, value });
  }
}

function applyFilterValue(filters: ParsedQuery['filters'], field: FilterField, value: string): boolean {
  switch (field) {
    case 'lang': {
      const group = resolveLanguageName(value);
      if (group) filters.languages.push(languageGroupOf(group));
      return group !== undefined;
    }
    case 'country': {
      const country = resolveCountry(value);
      if (country) filters.countries.push(country);
      return country !== undefined;
    }
    case 'year': {
      const years = parseYears(value);
      if (years) filters.years = years;
      return years !== undefined;
    }
    case 'type': {
      // Types are an English vocabulary stored as typed: compare lower case.
      const type = value.toLowerCase().replace(/\s+/g, ' ').trim();
      if (type) filters.types.push(type);
      return type !== '';
    }
    case 'topic': {
      const folded = foldedTokens(value).join(' ');
      if (folded) filters.topics.push(folded);
      return folded !== '';
    }
  }
}

/** `2015`, `2015-2020`, `2015..2020` (either order); plausible years only. */
export function parseYears(value: string): YearRange | undefined {
  const match = /^(\d{4})(?:\s*(?:-|–|\.\.)\s*(\d{4}))?$/.exec(value.trim());
  if (!match) return undefined;
  const first = Number(match[1]);
  const second = match[2] ? Number(match[2]) : first;
  const [from, to] = first <= second ? [first, second] : [second, first];
  if (from < 1800 || to > 2200) return undefined;
  return { from, to };
}

/** "the rights of the child" searches "rights child"; "the" alone stays. */
function dropStopwords(query: ParsedQuery): void {
  const meaningful = query.words.filter((word) => !isStopword(word));
  if (meaningful.length > 0 || query.phrases.length > 0) query.words = meaningful;
}
