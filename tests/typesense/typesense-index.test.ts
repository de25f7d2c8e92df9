/**
 * Keeping Typesense in step with SQLite: rebuild, sync of added, changed and
 * removed documents in batches, status, and the sync job — the real
 * `typesense` client against a fake node, the real migrations underneath.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryDocument } from '../../core/library/document.ts';
import { openDatabase, type OpenDatabase } from '../../db/open-database.ts';
import { SqliteSearchOutbox } from '../../db/search-outbox.ts';
import { SqliteDocumentStore } from '../../db/sqlite-document-store.ts';
import { run as runSearchSync } from '../../jobs/search-sync.ts';
import { createTypesenseClient } from '../../typesense/typesense-client.ts';
import { BATCH_SIZE, TypesenseIndex } from '../../typesense/typesense-index.ts';
import { sampleDocument as doc } from '../support/core-harness.ts';
import { startFakeTypesense, type FakeTypesense } from '../support/fake-typesense.ts';
import { recordingLogger } from '../support/recording-logger.ts';

const NOW = new Date('2026-03-14T09:00:00Z');
const LATER = new Date('2026-03-14T09:01:00Z');

let fake: FakeTypesense;
let db: OpenDatabase;
let store: SqliteDocumentStore;
let index: TypesenseIndex;

const imports = () => fake.requests.filter((request) => request.path.endsWith('/documents/import'));
const importedIds = () => imports().flatMap((request) => request.body.split('\n').map((line) => (JSON.parse(line) as { id: string }).id));
const idsIn = (name: string) => [...(fake.documentsOf(name)?.keys() ?? [])].sort();
const outboxRows = () => (db.sqlite.prepare('SELECT count(*) AS n FROM search_outbox').get() as { n: number }).n;

function library(count: number): LibraryDocument[] {
  return Array.from({ length: count }, (_, n) => doc({ id: `d${n}`, title: `Document ${n}` }));
}

beforeAll(async () => {
  fake = await startFakeTypesense();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.collections.clear();
  fake.aliases.clear();
  db = openDatabase(':memory:');
  store = new SqliteDocumentStore(db);
  const client = createTypesenseClient({ nodes: [fake.node], apiKey: fake.apiKey, collection: 'hub', timeoutSeconds: 2 });
  index = new TypesenseIndex(client, new SqliteSearchOutbox(db), 'hub');
});

describe('cphub search reindex', () => {
  it('builds a new collection with the schema, imports every document in batches, and points the alias at it', async () => {
    store.upsertAll([
      doc({ id: 'sr', title: 'Zaštita dece od nasilja', language: 'sr-Latn', languageGroup: 'sh', country: 'RS', type: 'training material', topics: ['violence and abuse'], publisher: 'UNICEF', year: null }),
      ...library(BATCH_SIZE + 20),
    ], NOW);
    const built = await index.reindex(NOW);
    expect(built).toEqual({ collection: `hub_${NOW.getTime()}`, documents: BATCH_SIZE + 21, replayed: { upserted: 0, deleted: 0 } });

    const create = fake.requests.find((request) => request.method === 'POST' && request.path === '/collections')!;
    const schema = JSON.parse(create.body) as { name: string; fields: Array<Record<string, unknown>>; default_sorting_field: string };
    expect(schema.name).toBe(built.collection);
    expect(schema.default_sorting_field).toBe('seq');
    const field = (name: string) => schema.fields.find((entry) => entry.name === name);
    for (const facet of ['language', 'type', 'country', 'year', 'topics']) expect(field(facet)).toMatchObject({ facet: true });
    expect(field('title_p')).toEqual({ name: 'title_p', type: 'string[]' });
    expect(field('text_en')).toEqual({ name: 'text_en', type: 'string', optional: true, locale: 'en', stem: true });
    expect(field('text_bg')).toEqual({ name: 'text_bg', type: 'string', optional: true, locale: 'bg' });

    expect(imports().map((request) => [request.path, request.query.action, request.body.split('\n').length])).toEqual([
      [`/collections/${built.collection}/documents/import`, 'upsert', BATCH_SIZE],
      [`/collections/${built.collection}/documents/import`, 'upsert', 21],
    ]);
    const first = JSON.parse(imports()[0]!.body.split('\n')[0]!) as Record<string, unknown>;
    expect(first).toMatchObject({
      id: 'sr',
      seq: 1,
      language: 'sh',
      type: 'training material',
      type_key: 'trainingmaterial',
      country: 'RS',
      year_sort: 0,
      topics: ['violence and abuse'],
      topic_words: 'violence and abuse',
      title: 'zastita dece od nasilja',
      meta: 'violence and abuse unicef',
      text_sh: 'Zaštita dece od nasilja',
    });
    expect(first).not.toHaveProperty('year');
    expect(first.title_p).toEqual(['zastita', 'zas', 'zast', 'zasti', 'zastit', 'dece', 'dec', 'qqfamilydete', 'od', 'nasilja', 'nas', 'nasi', 'nasil', 'nasilj']);

    expect(fake.aliases.get('hub')).toBe(built.collection);
    expect(fake.documentsOf('hub')!.size).toBe(BATCH_SIZE + 21);
    expect(await index.status()).toMatchObject({ sqliteDocuments: BATCH_SIZE + 21, typesenseDocuments: BATCH_SIZE + 21, pendingChanges: 0, inSync: true });
  });

  it('a second rebuild moves the alias to a fresh collection and drops the old one', async () => {
    store.upsertAll(library(3), NOW);
    const first = await index.reindex(NOW);
    const second = await index.reindex(LATER);
    expect(fake.aliases.get('hub')).toBe(second.collection);
    expect([...fake.collections.keys()]).toEqual([second.collection]);
    expect(first.collection).not.toBe(second.collection);
  });

  it('a rebuild that fails leaves the alias and the old collection as they were', async () => {
    store.upsertAll(library(3), NOW);
    const first = await index.reindex(NOW);
    fake.failNext(/import$/, 503);
    fake.failNext(/import$/, 503);
    await expect(index.reindex(LATER)).rejects.toThrow();
    expect(fake.aliases.get('hub')).toBe(first.collection);
    expect([...fake.collections.keys()]).toEqual([first.collection]);
  });
});

describe('the search sync', () => {
  it('pushes only what was added, changed or removed since the last sync, then nothing', async () => {
    store.upsertAll(library(5), NOW);
    await index.reindex(NOW);
    fake.requests.length = 0;
    store.upsertAll([doc({ id: 'd1', title: 'Document one, revised' }), doc({ id: 'new', title: 'A new one' }), doc({ id: 'd2', title: 'Document 2' })], LATER);
    db.sqlite.prepare('DELETE FROM documents WHERE id = ?').run('d3');

    expect(await index.status()).toMatchObject({ pendingChanges: 3, inSync: false });
    expect(await index.sync(LATER)).toEqual({ upserted: 2, deleted: 1 });
    expect(importedIds().sort()).toEqual(['d1', 'new']);
    const removal = fake.requests.find((request) => request.method === 'DELETE')!;
    expect(removal.path).toBe('/collections/hub/documents');
    expect(removal.query.filter_by).toBe('id:[`d3`]');
    expect(idsIn('hub')).toEqual(['d0', 'd1', 'd2', 'd4', 'new']);
    expect(fake.documentsOf('hub')!.get('d1')!.title).toBe('document one revised');
    expect(await index.status()).toMatchObject({ sqliteDocuments: 5, typesenseDocuments: 5, pendingChanges: 0, inSync: true, lastSync: LATER.toISOString() });
    expect(outboxRows()).toBe(0);

    fake.requests.length = 0;
    expect(await index.sync(LATER)).toEqual({ upserted: 0, deleted: 0 });
    expect(fake.requests).toEqual([]);
  });

  it('a failed push is pushed again at the next run, and lands once', async () => {
    store.upsertAll(library(2), NOW);
    await index.reindex(NOW);
    store.upsertAll([doc({ id: 'd0', title: 'Revised' })], LATER);
    fake.failNext(/import$/, 500);
    fake.failNext(/import$/, 500);
    await expect(index.sync(LATER)).rejects.toThrow();
    expect((await index.status()).pendingChanges).toBe(1);
    expect(await index.sync(LATER)).toEqual({ upserted: 1, deleted: 0 });
    expect(fake.documentsOf('hub')!.get('d0')!.title).toBe('revised');
  });

  it('an id that cannot be a filter literal is removed by its path', async () => {
    store.upsertAll([doc({ id: 'odd`id', title: 'Odd' }), doc({ id: 'plain', title: 'Plain' })], NOW);
    await index.reindex(NOW);
    db.sqlite.prepare('DELETE FROM documents').run();
    expect(await index.sync(LATER)).toEqual({ upserted: 0, deleted: 2 });
    const removals = fake.requests.filter((request) => request.method === 'DELETE').map((request) => [request.path, request.query.filter_by]);
    expect(removals).toEqual([
      ['/collections/hub/documents', 'id:[`plain`]'],
      ['/collections/hub/documents/odd%60id', undefined],
    ]);
    expect(idsIn('hub')).toEqual([]);
  });

  it('no trigger on documents while no index is kept in sync (they cost every write); the rebuild adds them', async () => {
    const triggers = () => db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all();
    store.upsertAll(library(3), NOW);
    expect(triggers()).toEqual([]);
    expect(outboxRows()).toBe(0);
    await index.reindex(NOW);
    expect(triggers()).toEqual(['documents_outbox_delete', 'documents_outbox_update']);
  });

  it('a document added and changed before the sync is pushed once; added and removed, not at all', async () => {
    store.upsertAll(library(1), NOW);
    await index.reindex(NOW);
    fake.requests.length = 0;
    store.upsertAll([doc({ id: 'fresh', title: 'First' }), doc({ id: 'brief', title: 'Gone soon' })], LATER);
    store.upsertAll([doc({ id: 'fresh', title: 'Second' })], LATER);
    db.sqlite.prepare('DELETE FROM documents WHERE id = ?').run('brief');
    expect(await index.sync(LATER)).toEqual({ upserted: 1, deleted: 1 });
    expect(importedIds()).toEqual(['fresh']);
    expect(fake.documentsOf('hub')!.get('fresh')!.title).toBe('second');
    expect(idsIn('hub')).toEqual(['d0', 'fresh']);
  });

  it('the job builds the collection when members search it and it was never built, else only syncs', async () => {
    const { logger, lines } = recordingLogger();
    store.upsertAll(library(2), NOW);
    expect(await runSearchSync({ index, buildWhenMissing: false, logger }, NOW)).toEqual({ kind: 'skipped' });
    expect(fake.requests).toEqual([]);
    expect(await runSearchSync({ index, buildWhenMissing: true, logger }, NOW)).toEqual({ kind: 'built', documents: 2 });
    store.upsertAll([doc({ id: 'x', title: 'X' })], LATER);
    expect(await runSearchSync({ index, buildWhenMissing: true, logger }, LATER)).toEqual({ kind: 'synced', report: { upserted: 1, deleted: 0 } });
    expect(lines.map((line) => line.message)).toEqual(['search sync: built the Typesense collection', 'search sync: pushed changes to Typesense']);
  });
});
