import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../core/search/query-parser.ts';
import { openDatabase } from '../../db/open-database.ts';
import { SqliteDocumentSearch } from '../../db/sqlite-document-search.ts';
import { SqliteDocumentStore } from '../../db/sqlite-document-store.ts';
import { sampleDocument } from '../support/core-harness.ts';
import { databaseBefore } from '../support/database-before.ts';

const NOW = new Date('2026-01-01T00:00:00Z');

const settings = (sqlite: Database.Database) =>
  Object.fromEntries((sqlite.prepare('SELECT k, v FROM documents_fts_config').all() as Array<{ k: string; v: unknown }>).map((row) => [row.k, row.v]));

describe('how the search index is written', () => {
  it('a new database gathers index entries in 16 MB before writing a segment, and merges 8 segments at a time', () => {
    const db = openDatabase(':memory:');
    expect(settings(db.sqlite)).toMatchObject({ hashsize: 16_000_000, automerge: 8 });
    db.close();
  });

  it('an existing library gets the setting on upgrade and keeps every document findable', async () => {
    const { path, db: old } = databaseBefore('0014_search_index_write_settings');
    new SqliteDocumentStore(old).upsertAll([sampleDocument({ id: 'old', title: 'Foster care standards' })], NOW);
    expect(settings(old.sqlite)).not.toHaveProperty('hashsize');
    old.close();

    const db = openDatabase(path);
    expect(settings(db.sqlite)).toMatchObject({ hashsize: 16_000_000, automerge: 8 });
    new SqliteDocumentStore(db).upsertAll([sampleDocument({ id: 'new', title: 'Foster care in families' })], NOW);
    const page = await new SqliteDocumentSearch(db).search({ query: parseQuery('foster'), preferredLanguage: 'en', offset: 0, limit: 10 });
    expect(page.hits.map((hit) => hit.document.id).sort()).toEqual(['new', 'old']);
    db.close();
  });
});

describe('the search index prefixes (migration 0015)', () => {
  const ftsSql = (sqlite: Database.Database) =>
    (sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'documents_fts'").get() as { sql: string }).sql;
  const ids = async (db: ReturnType<typeof openDatabase>, query: string) =>
    (await new SqliteDocumentSearch(db, { cachedSearches: 0 }).search({ query: parseQuery(query), preferredLanguage: 'en', offset: 0, limit: 10 }))
      .hits.map((hit) => hit.document.id).sort();

  it('an existing library is re-indexed once on upgrade, and every document is found as before', async () => {
    const { path, db: old } = databaseBefore('0015_search_index_prefixes');
    new SqliteDocumentStore(old).upsertAll([
      sampleDocument({ id: 'sr', title: 'Насиље у породици', language: 'sr-Cyrl', languageGroup: 'sh' }),
      sampleDocument({ id: 'hr', title: 'Zaštita djece od nasilja', summary: 'Smjernice za škole', language: 'hr', languageGroup: 'sh' }),
      sampleDocument({ id: 'en', title: 'Foster care standards', topics: ['alternative care'], publisher: 'UNICEF' }),
    ], NOW);
    expect(ftsSql(old.sqlite)).toContain("'4 5 6'");
    old.close();

    const db = openDatabase(path);
    expect(ftsSql(db.sqlite)).toContain("prefix = '4 5'");
    expect(settings(db.sqlite)).toMatchObject({ hashsize: 16_000_000, automerge: 8 });
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM documents_fts_docsize').get()).toEqual({ n: 3 });
    expect(await ids(db, 'nasilje')).toEqual(['hr', 'sr']);
    expect(await ids(db, 'smjernica skola')).toEqual(['hr']);
    expect(await ids(db, 'unicef')).toEqual(['en']);
    expect(await ids(db, 'foster -unicef')).toEqual([]);
    // An update after the upgrade replaces its entry: the old title is gone from the index.
    new SqliteDocumentStore(db).upsertAll([sampleDocument({ id: 'en', title: 'Kinship care' })], NOW);
    expect(await ids(db, 'foster')).toEqual([]);
    db.close();

    // Opened again: the index has entries, nothing is indexed twice.
    const again = openDatabase(path);
    expect(again.sqlite.prepare('SELECT count(*) AS n FROM documents_fts_docsize').get()).toEqual({ n: 3 });
    expect(await ids(again, 'kinship')).toEqual(['en']);
    again.close();
  });
});
