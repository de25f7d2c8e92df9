/**
 * Typesense search parameters from a parsed query: the same words,
 * phrases, exclusions and filters the SQLite backend receives, never the
 * member's text.
 *
 * Every token in `q` and every value in `filter_by` is letters and digits
 * only (folding keeps nothing else, and languages and countries are codes
 * cphub resolved): none can be `q` syntax (`"`, `-`, `*`) or `filter_by`
 * syntax (`&&`, `||`, `:`, `[`, `]`, `(`, `)`, `,`, backticks). Values are
 * also written as backtick literals
 * (https://typesense.org/docs/29.0/api/search.html#filter-parameters),
 * except prefix values (`type_key:training*`): Typesense does not expand a
 * prefix inside backticks (typesense/typesense#1647), so those are checked
 * against SAFE_TOKEN instead, and a value that fails is never sent.
 */
import { hasPositiveTerms, type ParsedQuery, type SearchFilters } from '../core/search/parsed-query.ts';
import { LANGUAGE_FIELDS, languageField, prefixField, TEXT_FIELDS } from './collection-schema.ts';
import { typeKey } from './document-fields.ts';
import { SAFE_TOKEN, wordToken } from './search-tokens.ts';

export interface TypesenseQuery {
  q: string;
  filter_by?: string;
  /** Filters alone list the library newest first, as SQLite does. */
  sort_by: string;
}

/** A filter that nothing passes (a value that cannot be sent safely). */
const NOTHING = 'seq:<0';

const PREFIX_FIELDS = TEXT_FIELDS.map(({ name }) => prefixField(name));

/**
 * Folded prefix fields first (the query is tokenized by the first field's
 * rules, typesense/typesense#2828: no locale, no stemming, as folded text
 * needs), then the plain folded fields where phrases match, then the
 * per-language fields at the lowest weight.
 */
export const QUERY_BY = [
  ...PREFIX_FIELDS,
  ...TEXT_FIELDS.map(({ name }) => name),
  ...LANGUAGE_FIELDS.map(({ group }) => languageField(group)),
];
export const QUERY_BY_WEIGHTS = [
  ...TEXT_FIELDS.map(({ weight }) => weight),
  ...TEXT_FIELDS.map(({ weight }) => weight),
  ...LANGUAGE_FIELDS.map(() => 1),
];

/** A backtick literal; a value with a backtick in it cannot be one, and never reaches here (SAFE_TOKEN). */
export function literal(value: string): string {
  if (!SAFE_TOKEN.test(value)) throw new Error('unsafe filter value');
  return `\`${value}\``;
}

function prefixValue(value: string): string | undefined {
  return SAFE_TOKEN.test(value) ? `${value}*` : undefined;
}

const phrase = (tokens: string[]): string => `"${tokens.join(' ')}"`;

/** Undefined when nothing can match: no word or phrase to look for and no filter. */
export function typesenseQuery(query: ParsedQuery): TypesenseQuery | undefined {
  const clauses = filterClauses(query.filters);
  const positive = hasPositiveTerms(query);
  if (!positive && clauses.length === 0) return undefined;
  if (positive) {
    const terms = [
      ...query.words.map(wordToken),
      ...query.phrases.map(phrase),
      ...query.excluded.map((tokens) => (tokens.length === 1 ? `-${wordToken(tokens[0]!)}` : `-${phrase(tokens)}`)),
    ].filter((term) => term.replace(/["\s-]/g, '').length > 0 && isSafeTerm(term));
    // Only exclusions left (impossible by construction): nothing to look for.
    if (!terms.some((term) => !term.startsWith('-'))) return undefined;
    return { q: terms.join(' '), ...withFilter(clauses), sort_by: '_text_match:desc,seq:desc' };
  }
  // Filters alone: `q=*` lists them; exclusions become filters (a `-word`
  // in `q` needs a word to search beside it).
  const exclusions = query.excluded.map(exclusionClause);
  return { q: '*', ...withFilter([...clauses, ...exclusions]), sort_by: 'year_sort:desc,seq:desc' };
}

function isSafeTerm(term: string): boolean {
  return term
    .replace(/^-/, '')
    .replace(/^"(.*)"$/, '$1')
    .split(' ')
    .every((token) => SAFE_TOKEN.test(token));
}

function withFilter(clauses: string[]): { filter_by?: string } {
  return clauses.length ? { filter_by: clauses.join(' && ') } : {};
}

/** Not in any text field; an excluded phrase leaves out documents that have all its words. */
function exclusionClause(tokens: string[]): string {
  const lacks = (token: string): string => `(${PREFIX_FIELDS.map((field) => `${field}:!=[${literal(token)}]`).join(' && ')})`;
  const words = tokens.map((token) => (tokens.length === 1 ? wordToken(token) : token)).filter((token) => SAFE_TOKEN.test(token));
  return words.length ? `(${words.map(lacks).join(' || ')})` : NOTHING;
}

function filterClauses(filters: SearchFilters): string[] {
  const clauses: string[] = [];
  const list = (values: string[]): string => `[${values.map(literal).join(', ')}]`;
  const safe = (values: string[]): string[] => values.filter((value) => SAFE_TOKEN.test(value));
  if (filters.languages.length) clauses.push(`language:=${list(safe(filters.languages))}`);
  if (filters.countries.length) clauses.push(`country:=${list(safe(filters.countries))}`);
  if (filters.types.length) clauses.push(anyOf(filters.types.map((type) => prefixClause('type_key', typeKey(type)))));
  for (const topic of filters.topics) {
    const words = topic.split(' ').filter(Boolean);
    clauses.push(allOf(words.map((word) => prefixClause('topic_words', word))));
  }
  if (filters.years) clauses.push(`year:[${filters.years.from}..${filters.years.to}]`);
  return clauses.map((clause) => (clause.endsWith(':=[]') ? NOTHING : clause));
}

function prefixClause(field: string, value: string): string {
  const prefix = prefixValue(value);
  return prefix ? `${field}:${prefix}` : NOTHING;
}

const anyOf = (clauses: string[]): string => (clauses.length === 1 ? clauses[0]! : `(${clauses.join(' || ')})`);
const allOf = (clauses: string[]): string => (clauses.length === 1 ? clauses[0]! : `(${clauses.join(' && ')})`);
