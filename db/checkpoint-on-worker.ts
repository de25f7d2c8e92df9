/**
 * A large import's WAL checkpoint runs on the preparing worker instead of
 * the writing thread (db/document-preparer.ts): automatic checkpoints are
 * off while the batch is written and committed, then the worker is asked
 * for one, and the main thread goes on with the next batch meanwhile.
 */
import type Database from 'better-sqlite3';
import { checkpointOnWorker } from './document-preparer.ts';

export function writeThenCheckpointOnWorker<T>(sqlite: Database.Database, write: () => T): T {
  if (sqlite.memory) return write();
  const every = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma('wal_autocheckpoint = 0');
  try {
    return write();
  } finally {
    sqlite.pragma(`wal_autocheckpoint = ${every}`);
    // No worker (it failed to start): the checkpoint SQLite would have done at commit.
    if (!checkpointOnWorker(sqlite.name)) sqlite.pragma('wal_checkpoint(PASSIVE)');
  }
}
