import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { documentBatches } from '../../bench/corpus.ts';
import type { LibraryDocument } from '../../core/library/document.ts';
import { prepareAhead, preparedOnWorker } from '../../db/document-preparer.ts';
import { openDatabase, type OpenDatabase } from '../../db/open-database.ts';
import { prepareDocument } from '../../db/prepared-document.ts';
import { SqliteDocumentStore } from '../../db/sqlite-document-store.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
const corpus = (size: number): LibraryDocument[] => [...documentBatches(size, size)].flat();

/**
 * Runs `work` (an import, or chunks asked for as the store asks) until the
 * worker took part in it: it takes a moment to start, and on a loaded
 * machine the main thread may prepare every chunk before the worker gets a
 * core. What `work` returned that time.
 */
async function withWorker<T>(work: () => T): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const before = preparedOnWorker();
    const result = work();
    if (preparedOnWorker() > before) return result;
    await sleep(50);
  }
  throw new Error('the preparing worker never took part');
}

/** The documents the worker prepared, by index, the main thread preparing the rest as the store does. */
function fromWarmWorker(documents: LibraryDocument[]): Promise<Map<number, unknown>> {
  return withWorker(() => {
    const ahead = prepareAhead(documents, 1);
    const prepared = new Map<number, unknown>();
    documents.forEach((_, index) => {
      const document = ahead.get(index);
      if (document) prepared.set(index, document);
      else prepareDocument(documents[index]!);
    });
    return prepared;
  });
}

/** Every indexed token with its document, column and position: the whole full-text index. */
function indexInstances(db: OpenDatabase): unknown[] {
  db.sqlite.exec("CREATE VIRTUAL TABLE temp.index_instances USING fts5vocab(main, 'documents_fts', 'instance')");
  return db.sqlite.prepare('SELECT term, doc, col, offset FROM temp.index_instances ORDER BY term, doc, col, offset').raw().all();
}

describe('preparing an import on a worker thread', () => {
  // First in this file: it needs the worker not started yet.
  it('a batch of 2,000 documents starts the worker; once it runs, it takes any batch of two chunks (400)', () => {
    const documents = corpus(2_000);
    expect(prepareAhead(documents.slice(0, 1_999)).onWorker).toBe(false);
    expect(prepareAhead(documents).onWorker).toBe(true);
    expect(prepareAhead(documents.slice(0, 400)).onWorker).toBe(true);
    expect(prepareAhead(documents.slice(0, 399)).onWorker).toBe(false);
  });

  it('the worker prepares exactly what the main thread would', async () => {
    const documents = corpus(1_000);
    const prepared = await fromWarmWorker(documents);
    expect(prepared.size).toBeGreaterThan(0);
    for (const [index, document] of prepared) expect(document).toEqual(prepareDocument(documents[index]!));
  });

  it('an import prepared on the worker writes the same rows and the same index', async () => {
    const documents = corpus(1_500);
    await fromWarmWorker(documents);
    const imported = (minWorkerBatch: number) => {
      const db = openDatabase(':memory:');
      expect(new SqliteDocumentStore(db, { minWorkerBatch }).upsertAll(documents, NOW)).toEqual({ added: 1_500, updated: 0, unchanged: 0 });
      return db;
    };
    const here = imported(Infinity);
    const worker = await withWorker(() => imported(1));
    const rows = (db: OpenDatabase) => db.sqlite.prepare('SELECT * FROM documents ORDER BY seq').raw().all();
    expect(rows(worker)).toEqual(rows(here));
    expect(indexInstances(worker)).toEqual(indexInstances(here));
  });

  it('a document the worker cannot prepare still fails the whole batch', async () => {
    const documents = corpus(1_000);
    await fromWarmWorker(documents);
    documents[900] = { ...documents[900]!, title: null as unknown as string };
    const db = openDatabase(':memory:');
    const store = new SqliteDocumentStore(db, { minWorkerBatch: 1 });
    expect(() => store.upsertAll(documents, NOW)).toThrow();
    expect(await store.count()).toBe(0);
  });

  it('after a large import the worker checkpoints the WAL into the database file, and the connection checkpoints again as before', async () => {
    const documents = corpus(2_000);
    await fromWarmWorker(documents);
    const dir = mkdtempSync(join(tmpdir(), 'cphub-checkpoint-'));
    const path = join(dir, 'library.db');
    const db = openDatabase(path);
    try {
      const emptyFile = statSync(path).size;
      expect(new SqliteDocumentStore(db, { minWorkerBatch: 1 }).upsertAll(documents, NOW).added).toBe(2_000);
      // The writing connection did not checkpoint at commit (its pages are all in the WAL)...
      expect(statSync(path).size).toBe(emptyFile);
      expect(db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      // ...the worker does, from a connection of its own.
      for (let wait = 0; wait < 100 && statSync(path).size === emptyFile; wait++) await sleep(50);
      expect(statSync(path).size).toBeGreaterThan(emptyFile + 1_000_000);
      const reader = new Database(path, { readonly: true });
      expect(reader.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 2_000 });
      reader.close();
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
