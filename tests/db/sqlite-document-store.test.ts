import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../core/search/query-parser.ts';
import { openDatabase } from '../../db/open-database.ts';
import { SqliteDocumentSearch } from '../../db/sqlite-document-search.ts';
import { SqliteDocumentStore } from '../../db/sqlite-document-store.ts';
import { sampleDocument } from '../support/core-harness.ts';

const NOW = new Date('2026-01-01T00:00:00Z');

function library() {
  const db = openDatabase(':memory:');
  const store = new SqliteDocumentStore(db);
  const search = new SqliteDocumentSearch(db);
  const find = async (query: string) =>
    (await search.search({ query: parseQuery(query), preferredLanguage: 'en', offset: 0, limit: 10 })).hits.map(
      (hit) => hit.document.id,
    );
  return { db, store, find };
}

describe('the library in SQLite', () => {
  it('a changed document is found by its new words only; the index keeps one row per document', async () => {
    const { db, store, find } = library();
    store.upsertAll([sampleDocument({ id: 'a', title: 'Foster care handbook' })], NOW);
    expect(store.upsertAll([sampleDocument({ id: 'a', title: 'Kinship care handbook' })], NOW)).toEqual({
      added: 0, updated: 1, unchanged: 0,
    });
    expect(await find('foster')).toEqual([]);
    expect(await find('kinship')).toEqual(['a']);
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM documents_fts').get()).toEqual({ n: 1 });
  });

  it('the same document again changes nothing, not even its timestamp', async () => {
    const { db, store } = library();
    const document = sampleDocument({ id: 'a', title: 'Foster care handbook' });
    store.upsertAll([document], NOW);
    store.upsertAll([document], new Date('2026-06-01T00:00:00Z'));
    expect(db.sqlite.prepare('SELECT updated_at FROM documents').get()).toEqual({ updated_at: NOW.toISOString() });
  });

  it('a batch that fails half-way leaves nothing behind', async () => {
    const { store } = library();
    const broken = { ...sampleDocument({ id: 'b', title: 'x' }), title: null as unknown as string };
    expect(() => store.upsertAll([sampleDocument({ id: 'a', title: 'Foster care' }), broken], NOW)).toThrow();
    expect(await store.count()).toBe(0);
  });

  it('a database file is created with its folder, in WAL mode, with every migration applied', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cphub-db-')), 'nested', 'cphub.db');
    const db = openDatabase(path);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    expect(tables).toEqual(expect.arrayContaining([{ name: 'documents' }, { name: 'documents_fts' }, { name: 'search_sessions' }]));
    db.close();
    // Opening again applies nothing twice.
    openDatabase(path).close();
  });
});

describe('ranking a very common word', () => {
  it('ranks and counts only the newest matches when more than the window match', async () => {
    const db = openDatabase(':memory:');
    const store = new SqliteDocumentStore(db);
    // 30 documents mention foster care; the strongest match (title) is old, one is new.
    store.upsertAll(
      [
        sampleDocument({ id: 'old-title', title: 'Foster care' }),
        ...Array.from({ length: 28 }, (_, index) =>
          sampleDocument({ id: `body-${index}`, title: 'Annual report', body: `Chapter ${index} on foster care and other services.` }),
        ),
        sampleDocument({ id: 'new-title', title: 'Foster care standards' }),
      ],
      NOW,
    );
    const search = new SqliteDocumentSearch(db, { rankWindow: 10 });
    const pageAt = (offset: number) =>
      search.search({ query: parseQuery('foster'), preferredLanguage: 'en', offset, limit: 5 });
    const [first, second] = [await pageAt(0), await pageAt(5)];
    expect(first).toMatchObject({ total: 10, totalIsAtLeast: true });
    const found = [...first.hits, ...second.hits].map((hit) => hit.document.id);
    expect(new Set(found).size).toBe(10);
    expect(found[0]).toBe('new-title');
    expect(found).not.toContain('old-title');
    expect(found).toContain('body-27');
    expect(found).not.toContain('body-0');
    // Under the window, the old title match wins as BM25 says.
    const full = await new SqliteDocumentSearch(db).search({ query: parseQuery('foster'), preferredLanguage: 'en', offset: 0, limit: 5 });
    expect(full.hits[0]!.document.id).toMatch(/title/);
    expect(full.hits.map((hit) => hit.document.id)).toContain('old-title');
  });
});

describe('counting a very broad query', () => {
  it('stops counting at the rank window and says the total is a lower bound', async () => {
    const db = openDatabase(':memory:');
    new SqliteDocumentStore(db).upsertAll(
      Array.from({ length: 30 }, (_, index) => sampleDocument({ id: `d${index}`, title: `Foster care ${index}` })),
      NOW,
    );
    const search = (rankWindow: number) =>
      new SqliteDocumentSearch(db, { rankWindow }).search({ query: parseQuery('foster'), preferredLanguage: 'en', offset: 0, limit: 5 });
    expect(await search(20)).toMatchObject({ total: 20, totalIsAtLeast: true });
    expect((await search(20)).hits).toHaveLength(5);
    expect(await search(30)).toMatchObject({ total: 30, totalIsAtLeast: false });
  });
});

describe('listing by filters alone', () => {
  it('lists newest first, undated documents last', async () => {
    const { store, find } = library();
    store.upsertAll(
      [
        sampleDocument({ id: 'undated', title: 'A', country: 'RS', year: null }),
        sampleDocument({ id: 'old', title: 'B', country: 'RS', year: 1999 }),
        sampleDocument({ id: 'new', title: 'C', country: 'RS', year: 2024 }),
        sampleDocument({ id: 'elsewhere', title: 'D', country: 'AL', year: 2025 }),
      ],
      NOW,
    );
    expect(await find('country:RS')).toEqual(['new', 'old', 'undated']);
  });
});
