import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../core/search/query-parser.ts';
import { openDatabase, type OpenDatabase } from '../../db/open-database.ts';
import * as schema from '../../db/schema/index.ts';
import { SqliteDocumentSearch } from '../../db/sqlite-document-search.ts';
import { SqliteDocumentStore } from '../../db/sqlite-document-store.ts';
import { sampleDocument } from '../support/core-harness.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
const MIGRATIONS = fileURLToPath(new URL('../../db/migrations', import.meta.url));
const SETTINGS_MIGRATION = '0014_search_index_write_settings';

const settings = (sqlite: Database.Database) =>
  Object.fromEntries((sqlite.prepare('SELECT k, v FROM documents_fts_config').all() as Array<{ k: string; v: unknown }>).map((row) => [row.k, row.v]));

/** The migrations as they were before the write settings, in a folder of their own. */
function migrationsBeforeSettings(): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'cphub-migrations-')), 'migrations');
  cpSync(MIGRATIONS, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
  const index = journal.entries.findIndex((entry) => entry.tag === SETTINGS_MIGRATION);
  expect(index).toBeGreaterThan(0);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, index) }));
  return folder;
}

describe('how the search index is written', () => {
  it('a new database gathers index entries in 16 MB before writing a segment, and merges 8 segments at a time', () => {
    const db = openDatabase(':memory:');
    expect(settings(db.sqlite)).toMatchObject({ hashsize: 16_000_000, automerge: 8 });
    db.close();
  });

  it('an existing library gets the setting on upgrade and keeps every document findable', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cphub-upgrade-')), 'cphub.db');
    const old = new Database(path);
    migrate(drizzle(old, { schema }), { migrationsFolder: migrationsBeforeSettings() });
    const before: OpenDatabase = { sqlite: old, orm: drizzle(old, { schema }), ranking: 'bm25', close: () => old.close() };
    new SqliteDocumentStore(before).upsertAll([sampleDocument({ id: 'old', title: 'Foster care standards' })], NOW);
    expect(settings(old)).not.toHaveProperty('hashsize');
    old.close();

    const db = openDatabase(path);
    expect(settings(db.sqlite)).toMatchObject({ hashsize: 16_000_000, automerge: 8 });
    new SqliteDocumentStore(db).upsertAll([sampleDocument({ id: 'new', title: 'Foster care in families' })], NOW);
    const page = await new SqliteDocumentSearch(db).search({ query: parseQuery('foster'), preferredLanguage: 'en', offset: 0, limit: 10 });
    expect(page.hits.map((hit) => hit.document.id).sort()).toEqual(['new', 'old']);
    db.close();
  });
});
