/**
 * Remembered searches (db/search-result-cache.ts) never show a library that
 * has changed since: not after an import in this process, not after one by
 * another process on the same file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseQuery } from '../../core/search/query-parser.ts';
import { openDatabase, type OpenDatabase } from '../../db/open-database.ts';
import { SqliteDocumentSearch } from '../../db/sqlite-document-search.ts';
import { SqliteDocumentStore } from '../../db/sqlite-document-store.ts';
import { sampleDocument } from '../support/core-harness.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
const opened: OpenDatabase[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open(path = ':memory:'): OpenDatabase {
  const db = openDatabase(path);
  opened.push(db);
  return db;
}

const ids = async (search: SqliteDocumentSearch, query: string, preferredLanguage = 'en', offset = 0) =>
  (await search.search({ query: parseQuery(query), preferredLanguage, offset, limit: 2 })).hits.map((hit) => hit.document.id);

describe('remembered searches', () => {
  it('answer a repeated search and its next page from the same ranking', async () => {
    const db = open();
    new SqliteDocumentStore(db).upsertAll(
      ['a', 'b', 'c'].map((id, i) => sampleDocument({ id, title: `Foster care ${'handbook '.repeat(i + 1)}`, year: 2010 + i })),
      NOW,
    );
    const search = new SqliteDocumentSearch(db);
    const first = await ids(search, 'foster');
    expect(await ids(search, 'foster')).toEqual(first);
    expect(await ids(search, 'foster', 'en', 2)).toHaveLength(1);
    expect(new Set([...first, ...(await ids(search, 'foster', 'en', 2))])).toEqual(new Set(['a', 'b', 'c']));
  });

  it('keep the member language apart: the same words rank the member’s own language first', async () => {
    const db = open();
    new SqliteDocumentStore(db).upsertAll(
      [
        sampleDocument({ id: 'en', title: 'Foster care', language: 'en', languageGroup: 'en', year: 2010 }),
        sampleDocument({ id: 'ro', title: 'Foster care', language: 'ro', languageGroup: 'ro', year: 2010 }),
      ],
      NOW,
    );
    const search = new SqliteDocumentSearch(db);
    expect((await ids(search, 'foster', 'en'))[0]).toBe('en');
    expect((await ids(search, 'foster', 'ro'))[0]).toBe('ro');
  });

  it('see a document this process imports after the search was remembered', async () => {
    const db = open();
    const store = new SqliteDocumentStore(db);
    store.upsertAll([sampleDocument({ id: 'old', title: 'Kinship care', year: 2000 })], NOW);
    const search = new SqliteDocumentSearch(db);
    expect(await ids(search, 'kinship')).toEqual(['old']);
    store.upsertAll([sampleDocument({ id: 'new', title: 'Kinship care', year: 2020 })], NOW);
    expect(await ids(search, 'kinship')).toEqual(['new', 'old']);
    store.upsertAll([sampleDocument({ id: 'new', title: 'Residential care', year: 2020 })], NOW);
    expect(await ids(search, 'kinship')).toEqual(['old']);
  });

  it('show a document as it is now: an edit in this process or by another process is seen by the same search', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cphub-cache-'));
    dirs.push(dir);
    const bot = open(join(dir, 'hub.db'));
    const store = new SqliteDocumentStore(bot);
    store.upsertAll([sampleDocument({ id: 'doc', title: 'Kinship care', summary: 'First summary', year: 2000 })], NOW);
    const search = new SqliteDocumentSearch(bot);
    const shown = async () => (await search.search({ query: parseQuery('kinship'), preferredLanguage: 'en', offset: 0, limit: 2 })).hits.map((hit) => hit.document.summary);
    expect(await shown()).toEqual(['First summary']);
    store.upsertAll([sampleDocument({ id: 'doc', title: 'Kinship care', summary: 'Second summary', year: 2000 })], NOW);
    expect(await shown()).toEqual(['Second summary']);
    new SqliteDocumentStore(open(join(dir, 'hub.db'))).upsertAll([sampleDocument({ id: 'doc', title: 'Kinship care', summary: 'Third summary', year: 2000 })], NOW);
    expect(await shown()).toEqual(['Third summary']);
  });

  it('see an import by another process on the same database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cphub-cache-'));
    dirs.push(dir);
    const bot = open(join(dir, 'hub.db'));
    new SqliteDocumentStore(bot).upsertAll([sampleDocument({ id: 'old', title: 'Kinship care', year: 2000 })], NOW);
    const search = new SqliteDocumentSearch(bot);
    expect(await ids(search, 'kinship')).toEqual(['old']);
    // `cphub import` is another connection: this process's counter does not see it.
    new SqliteDocumentStore(open(join(dir, 'hub.db'))).upsertAll([sampleDocument({ id: 'new', title: 'Kinship care', year: 2020 })], NOW);
    expect(await ids(search, 'kinship')).toEqual(['new', 'old']);
  });
});
