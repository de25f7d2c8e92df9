/**
 * One library size: import the generated corpus into a fresh SQLite file in
 * batches, measure the file, then time the query mix through the real
 * parser and `SqliteDocumentSearch`, as a member's `/search` runs it (first
 * page of 5), without the result cache: each search's own cost.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentSearch } from '../core/ports.ts';
import { parseQuery } from '../core/search/query-parser.ts';
import { openDatabase, type OpenDatabase } from '../db/open-database.ts';
import { SqliteDocumentSearch } from '../db/sqlite-document-search.ts';
import { SqliteDocumentStore } from '../db/sqlite-document-store.ts';
import { documentBatches, mulberry32 } from './corpus.ts';
import { QUERIES, type BenchQuery } from './queries.ts';
import { latency, type Latency } from './stats.ts';

export const BATCH_SIZE = 5_000;
const PAGE_SIZE = 5;
const WARM_UP_ROUNDS = 2;
/** The member languages' search groups, rotated as the preferred language. */
const PREFERRED = ['en', 'sh', 'sq', 'mk', 'bg', 'ro', 'hu'];
const NOW = new Date('2026-03-01T09:00:00Z');

export interface ImportResult {
  documents: number;
  /** Time inside `upsertAll` only; generating the text is not the import's cost. */
  seconds: number;
  docsPerSecond: number;
  /**
   * Documents per second of this process's CPU time in `upsertAll`: on a
   * machine shared with other work the wall clock waits for a core, the
   * CPU time much less, so this compares runs at different loads.
   */
  cpuDocsPerSecond: number;
  slowestBatchMs: number;
  dbBytes: number;
}

export interface QueryResult {
  text: string;
  kind: BenchQuery['kind'];
  total: number;
  latency: Latency;
}

export interface SizeResult {
  size: number;
  /** cphub_rank, or bm25 when the native extension was not built. */
  ranking: OpenDatabase['ranking'];
  import: ImportResult;
  search: Latency;
  /** The same searches in this process's CPU time (see `ImportResult.cpuDocsPerSecond`). */
  searchCpu: Latency;
  queries: QueryResult[];
  /** Peak resident set of this process so far, bytes. */
  maxRssBytes: number;
}

export async function benchLibrary(size: number, rounds: number): Promise<SizeResult> {
  const dir = mkdtempSync(join(tmpdir(), 'cphub-bench-'));
  const path = join(dir, 'bench.db');
  const db = openDatabase(path);
  try {
    const imported = importCorpus(db, path, size);
    const { overall, overallCpu, queries } = await timeQueries(new SqliteDocumentSearch(db, { cachedSearches: 0 }), rounds);
    return {
      size,
      ranking: db.ranking,
      import: imported,
      search: overall,
      searchCpu: overallCpu,
      queries,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function importCorpus(db: OpenDatabase, path: string, size: number): ImportResult {
  const store = new SqliteDocumentStore(db);
  // As `cphub import` does while it reads and checks a large file.
  store.expectLargeBatch();
  let elapsed = 0;
  let cpuMicros = 0;
  let slowest = 0;
  for (const batch of documentBatches(size, BATCH_SIZE)) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    store.upsertAll(batch, NOW);
    cpuMicros += cpuSince(cpuStart);
    const batchMs = performance.now() - start;
    elapsed += batchMs;
    slowest = Math.max(slowest, batchMs);
  }
  db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const seconds = elapsed / 1000;
  return {
    documents: size,
    seconds,
    docsPerSecond: size / seconds,
    cpuDocsPerSecond: size / (cpuMicros / 1e6),
    slowestBatchMs: slowest,
    dbBytes: fileBytes(path),
  };
}

/** Microseconds of this process's CPU time (user and system) since `start`. */
function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

function fileBytes(path: string): number {
  return ['', '-wal', '-shm'].reduce((total, suffix) => {
    try {
      return total + statSync(path + suffix).size;
    } catch {
      return total;
    }
  }, 0);
}

/** Fixed-seed shuffle of the query order per round, so no query always runs cache-hot after its twin. */
function roundOrder(round: number): number[] {
  const random = mulberry32(0xbe4c + round);
  const order = QUERIES.map((_, index) => index);
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

export async function timeQueries(
  search: DocumentSearch,
  rounds: number,
): Promise<{ overall: Latency; overallCpu: Latency; queries: QueryResult[] }> {
  const samples: number[][] = QUERIES.map(() => []);
  const cpuSamples: number[] = [];
  const totals: number[] = QUERIES.map(() => 0);
  let turn = 0;
  for (let round = -WARM_UP_ROUNDS; round < rounds; round += 1) {
    for (const index of roundOrder(round)) {
      const preferredLanguage = PREFERRED[turn++ % PREFERRED.length]!;
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      // Parsing is part of a member's search: timed with it.
      const page = await search.search({
        query: parseQuery(QUERIES[index]!.text),
        preferredLanguage,
        offset: 0,
        limit: PAGE_SIZE,
      });
      const elapsed = performance.now() - start;
      const cpuMs = cpuSince(cpuStart) / 1000;
      if (round >= 0) {
        samples[index]!.push(elapsed);
        cpuSamples.push(cpuMs);
      }
      totals[index] = page.total;
    }
  }
  const queries = QUERIES.map((query, index) => ({
    text: query.text,
    kind: query.kind,
    total: totals[index]!,
    latency: latency(samples[index]!),
  }));
  return { overall: latency(samples.flat()), overallCpu: latency(cpuSamples), queries };
}
