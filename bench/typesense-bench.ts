/**
 * `npm run bench -- --typesense`: the same generated libraries and query mix
 * through the Typesense backend, when TYPESENSE_NODES and TYPESENSE_API_KEY
 * point at a server (a throw-away alias and collection, removed after):
 * rebuild rate (SQLite → Typesense through the import endpoint), search
 * latency as a member's /search runs it (the page loaded from SQLite), and
 * the server's own memory (`/metrics.json`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TypesenseConfig } from '../config.ts';
import { openDatabase } from '../db/open-database.ts';
import { SqliteSearchOutbox } from '../db/search-outbox.ts';
import { SqliteDocumentStore } from '../db/sqlite-document-store.ts';
import { createTypesenseClient } from '../typesense/typesense-client.ts';
import { TypesenseDocumentSearch } from '../typesense/typesense-document-search.ts';
import { TypesenseIndex } from '../typesense/typesense-index.ts';
import { importCorpus, timeQueries } from './library-bench.ts';
import type { Latency } from './stats.ts';

export interface TypesenseBenchResult {
  size: number;
  rebuildSeconds: number;
  rebuildDocsPerSecond: number;
  search: Latency;
  /** typesense_memory_active_bytes after the rebuild (every collection on the server). */
  serverMemoryBytes: number;
}

export async function benchTypesense(size: number, rounds: number, config: TypesenseConfig): Promise<TypesenseBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'cphub-bench-ts-'));
  const path = join(dir, 'bench.db');
  const db = openDatabase(path);
  const indexClient = createTypesenseClient(config, 'index');
  const alias = `cphub_bench_${Date.now()}`;
  try {
    importCorpus(db, path, size);
    const index = new TypesenseIndex(indexClient, new SqliteSearchOutbox(db), alias);
    const started = performance.now();
    await index.reindex(new Date());
    const rebuildSeconds = (performance.now() - started) / 1000;
    const metrics = await indexClient.metrics.retrieve();
    const search = new TypesenseDocumentSearch(createTypesenseClient(config, 'search'), { collection: alias, documents: new SqliteDocumentStore(db) });
    const { overall } = await timeQueries(search, rounds);
    return { size, rebuildSeconds, rebuildDocsPerSecond: size / rebuildSeconds, search: overall, serverMemoryBytes: Number(metrics.typesense_memory_active_bytes) };
  } finally {
    await dropAlias(indexClient, alias);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function dropAlias(client: ReturnType<typeof createTypesenseClient>, alias: string): Promise<void> {
  try {
    const target = await client.aliases(alias).retrieve();
    await client.aliases(alias).delete();
    await client.collections(target.collection_name).delete();
  } catch {
    // Nothing was built: nothing to remove.
  }
}
