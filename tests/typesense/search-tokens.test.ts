/**
 * The idea the Typesense backend rests on (typesense/search-tokens.ts): with
 * every word's prefixes in the index, exact lookups of the query's tokens
 * find the very documents SQLite FTS5 finds by stem prefixes. Checked here
 * by evaluating those lookups over the fields the backend sends Typesense,
 * against the SQLite backend, on the benchmark's generated library and
 * query mix (every language and script, phrases, exclusions, hostile input).
 * What Typesense itself does with the tokens is the contract suite's job
 * (tests/search/typesense-document-search.test.ts, with a server).
 */
import { describe, expect, it } from 'vitest';
import { generateDocument } from '../../bench/corpus.ts';
import { QUERIES, queryLabel } from '../../bench/queries.ts';
import { foldedTokens } from '../../core/search/fold.ts';
import { hasFilters, hasPositiveTerms, type ParsedQuery } from '../../core/search/parsed-query.ts';
import { parseQuery } from '../../core/search/query-parser.ts';
import { openDatabase } from '../../db/open-database.ts';
import { SqliteDocumentSearch } from '../../db/sqlite-document-search.ts';
import { SqliteDocumentStore } from '../../db/sqlite-document-store.ts';
import { TEXT_FIELDS, prefixField } from '../../typesense/collection-schema.ts';
import { toTypesenseDocument } from '../../typesense/document-fields.ts';
import { prefixTokens, wordToken } from '../../typesense/search-tokens.ts';

const COUNT = 800;
const documents = Array.from({ length: COUNT }, (_, n) => generateDocument(n));
const indexed = documents.map((document, index) => toTypesenseDocument(document, index + 1));

const hasPhrase = (text: string, phrase: string[]): boolean => {
  const tokens = foldedTokens(text);
  return tokens.some((_, start) => phrase.every((token, offset) => tokens[start + offset] === token));
};

function tokenMatches(query: ParsedQuery): string[] {
  return indexed
    .filter((fields) => {
      const prefixes = new Set(TEXT_FIELDS.flatMap(({ name }) => fields[prefixField(name)] as string[]));
      const inSomeField = (phrase: string[]) => TEXT_FIELDS.some(({ name }) => hasPhrase(fields[name] as string, phrase));
      const contains = (tokens: string[]) => (tokens.length === 1 ? prefixes.has(wordToken(tokens[0]!)) : inSomeField(tokens));
      return (
        query.words.every((word) => prefixes.has(wordToken(word))) &&
        query.phrases.every(inSomeField) &&
        !query.excluded.some(contains)
      );
    })
    .map((fields) => fields.id)
    .sort();
}

describe('prefix tokens reproduce SQLite matching', () => {
  const db = openDatabase(':memory:');
  new SqliteDocumentStore(db).upsertAll(documents, new Date('2026-01-01T00:00:00Z'));
  const sqlite = new SqliteDocumentSearch(db, { rankWindow: COUNT });
  const textQueries = QUERIES.filter(({ text }) => {
    const parsed = parseQuery(text);
    return hasPositiveTerms(parsed) && !hasFilters(parsed.filters);
  });

  it('covers the query mix', () => {
    expect(textQueries.length).toBeGreaterThan(25);
  });

  it.each(textQueries.map((query) => [queryLabel(query.text), query.text]))('%s', async (_label, text) => {
    const parsed = parseQuery(text);
    const page = await sqlite.search({ query: parsed, preferredLanguage: 'en', offset: 0, limit: COUNT });
    expect(tokenMatches(parsed)).toEqual(page.hits.map((hit) => hit.document.id).sort());
  });
});

describe('prefixTokens', () => {
  it('holds each word, its prefixes from three letters and its family marker, once', () => {
    expect(prefixTokens('Deca, deca i ljudi')).toEqual(['deca', 'dec', 'qqfamilydete', 'i', 'ljudi', 'lju', 'ljud']);
  });

  it('stops at the longest token a query can ask for', () => {
    const tokens = prefixTokens('a'.repeat(10_000));
    expect(tokens).toHaveLength(62);
    expect(Math.max(...tokens.map((token) => token.length))).toBe(64);
    const word = 'b'.repeat(64);
    expect(prefixTokens(word)).toContain(word);
  });
});
