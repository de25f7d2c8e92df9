/**
 * A database file as an older cphub left it: every migration before `tag`
 * applied, none after, so a test can open it with today's `openDatabase`
 * and see the upgrade.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { OpenDatabase } from '../../db/open-database.ts';
import * as schema from '../../db/schema/index.ts';
import { repoPath } from '../../repo-root.ts';

const MIGRATIONS = repoPath('db', 'migrations');

/** The committed migrations up to, not including, `tag`, in a folder of their own. */
function migrationsBefore(tag: string): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'cphub-migrations-')), 'migrations');
  cpSync(MIGRATIONS, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
  const index = journal.entries.findIndex((entry) => entry.tag === tag);
  if (index <= 0) throw new Error(`no migration ${tag}`);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, index) }));
  return folder;
}

/** A new database file migrated up to before `tag`; `path` is where it is, for `openDatabase` later. */
export function databaseBefore(tag: string): { path: string; db: OpenDatabase } {
  const path = join(mkdtempSync(join(tmpdir(), 'cphub-upgrade-')), 'cphub.db');
  const sqlite = new Database(path);
  const orm = drizzle(sqlite, { schema });
  migrate(orm, { migrationsFolder: migrationsBefore(tag) });
  return { path, db: { sqlite, orm, ranking: 'bm25', close: () => sqlite.close() } };
}
