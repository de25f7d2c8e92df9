/**
 * A token that changes whenever the library may have changed, so search
 * results can be kept between identical searches (db/search-result-cache.ts).
 * Two parts: a counter this process bumps when it writes documents on a
 * connection, and SQLite's `data_version`, which changes when another
 * connection commits — a `cphub import` beside the running bot.
 */
import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';

const generations = new WeakMap<Database.Database, number>();

/** Call after a transaction that wrote documents on this connection. */
export function libraryChanged(sqlite: Database.Database): void {
  generations.set(sqlite, (generations.get(sqlite) ?? 0) + 1);
}

export class LibraryVersion {
  private readonly dataVersion: Statement<[], number>;

  constructor(private readonly sqlite: Database.Database) {
    this.dataVersion = sqlite.prepare<[], number>('PRAGMA data_version').pluck();
  }

  current(): string {
    return `${this.dataVersion.get()}.${generations.get(this.sqlite) ?? 0}`;
  }
}
