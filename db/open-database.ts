/**
 * Opens the SQLite database: creates the file and its folder on first start,
 * WAL mode, and applies every committed drizzle-kit migration.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { rebuildEmptySearchIndex } from './rebuild-search-index.ts';
import * as schema from './schema/index.ts';
import { repoPath } from '../repo-root.ts';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface OpenDatabase {
  sqlite: Database.Database;
  orm: Orm;
  /**
   * How search ranks: `cphub_rank` (native/cphub-rank.c, built at install)
   * or FTS5's own `bm25`, the same scores at a cost that grows with the
   * library (see the C file).
   */
  ranking: 'cphub_rank' | 'bm25';
  close(): void;
}

export interface OpenOptions {
  /** false: rank with bm25() even when the extension is built (tests of the fallback). */
  rankingExtension?: boolean;
}

const MIGRATIONS = repoPath('db', 'migrations');
/** Without a suffix: SQLite adds the platform's (.so, .dylib, .dll). */
const RANKING_EXTENSION = repoPath('build', 'cphub-rank');

/** `path` is a file, or `:memory:` for tests. */
export function openDatabase(path: string, options: OpenOptions = {}): OpenDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  const ranking = options.rankingExtension === false ? 'bm25' : loadRanking(sqlite);
  sqlite.pragma('journal_mode = WAL');
  // WAL + NORMAL is durable against a crash of the process; a power cut may
  // lose the last transaction, never corrupt the file.
  sqlite.pragma('synchronous = NORMAL');
  // The WAL file keeps its largest size unless limited: a large import can
  // grow it to hundreds of MB (its checkpoints run beside the next batch,
  // db/checkpoint-on-worker.ts); it is cut back to this when SQLite next
  // starts it over.
  sqlite.pragma('journal_size_limit = 67108864');
  sqlite.pragma('foreign_keys = ON');
  // A second process (an import while the bot runs) waits instead of failing.
  sqlite.pragma('busy_timeout = 5000');
  const orm = drizzle(sqlite, { schema });
  migrate(orm, { migrationsFolder: MIGRATIONS });
  // After a migration that recreated the search index (0015).
  rebuildEmptySearchIndex({ sqlite, orm });
  return { sqlite, orm, ranking, close: () => sqlite.close() };
}

/** The ranking extension when `npm install` could build it; bm25() otherwise. */
function loadRanking(sqlite: Database.Database): OpenDatabase['ranking'] {
  try {
    sqlite.loadExtension(RANKING_EXTENSION);
    return 'cphub_rank';
  } catch {
    return 'bm25';
  }
}
