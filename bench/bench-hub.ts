/**
 * What every platform benchmark stands on: a fresh SQLite file holding the
 * generated library, the SQLite services, the translator and a core router.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCoreRouter } from '../core/commands/index.ts';
import type { Logger, Translator } from '../core/ports.ts';
import type { Router } from '../core/router/router.ts';
import { openDatabase, type OpenDatabase } from '../db/open-database.ts';
import { createSqliteServices, type SqliteServices } from '../db/sqlite-services.ts';
import { createTranslator } from '../locales/translator.ts';
import { documentBatches } from './corpus.ts';

export const BENCH_NOW = new Date('2026-03-01T09:00:00Z');
export const quietLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

export interface BenchHub {
  db: OpenDatabase;
  services: SqliteServices;
  translator: Translator;
  router: Router;
  close(): void;
}

/** `cachedSearches: 0` measures every search's own cost; the default keeps the hub's cache. */
export function openBenchHub(library: number, name: string, options: { cachedSearches?: number } = {}): BenchHub {
  const dir = mkdtempSync(join(tmpdir(), `cphub-bench-${name}-`));
  const db = openDatabase(join(dir, 'bench.db'));
  const clock = { now: () => BENCH_NOW };
  const services = createSqliteServices(db, clock, { searchLimits: { cachedSearches: options.cachedSearches } });
  for (const batch of documentBatches(library, 5_000)) services.store.upsertAll(batch, BENCH_NOW);
  const translator = createTranslator();
  // The clock stands still in the bench: a member pace would count every command as at once.
  const router = createCoreRouter({ ...services, documents: services.store, translator, clock, logger: quietLogger }, { memberRateLimit: false });
  return {
    db,
    services,
    translator,
    router,
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
