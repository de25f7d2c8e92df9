/**
 * What a search index needs from the library to stay in sync: the changes
 * since its cursor (search_outbox, written by triggers: migration 0011),
 * the documents as they are now, and the whole library page by page for a
 * rebuild. SQLite stays the source of truth; this only reads it, and moves
 * the cursors.
 */
import type { Statement } from 'better-sqlite3';
import type { LibraryDocument } from '../core/library/document.ts';
import { toLibraryDocument, type DocumentRow } from './document-rows.ts';
import type { OpenDatabase } from './open-database.ts';

export interface StoredDocument {
  seq: number;
  document: LibraryDocument;
}

export interface SyncState {
  target: string;
  collection: string;
  cursor: number;
  syncedAt?: string;
}

const COLUMNS = `seq, id, title, summary, body, language, language_group AS languageGroup, country, type, topics,
  topics_key AS topicsKey, publisher, year, url, url_is_mirror AS urlIsMirror`;

export class SqliteSearchOutbox {
  private readonly statements: Record<string, Statement>;

  constructor(private readonly db: OpenDatabase) {
    const sqlite = db.sqlite;
    this.statements = {
      state: sqlite.prepare('SELECT target, collection, cursor, synced_at AS syncedAt FROM search_sync_state WHERE target = ?'),
      lastChange: sqlite.prepare('SELECT coalesce(max(change), 0) AS change FROM search_outbox'),
      changes: sqlite.prepare('SELECT change, document_id AS documentId FROM search_outbox WHERE change > ? ORDER BY change LIMIT ?'),
      pending: sqlite.prepare('SELECT count(*) AS n FROM search_outbox WHERE change > ?'),
      page: sqlite.prepare(`SELECT ${COLUMNS} FROM documents WHERE seq > ? ORDER BY seq LIMIT ?`),
      count: sqlite.prepare('SELECT count(*) AS n FROM documents'),
      register: sqlite.prepare(
        `INSERT INTO search_sync_state (target, collection, cursor) VALUES (?, ?, ?)
         ON CONFLICT (target) DO NOTHING`,
      ),
      advance: sqlite.prepare('UPDATE search_sync_state SET cursor = ?, synced_at = ? WHERE target = ?'),
      rebuilt: sqlite.prepare(
        `INSERT INTO search_sync_state (target, collection, cursor, synced_at) VALUES (@target, @collection, @cursor, @now)
         ON CONFLICT (target) DO UPDATE SET collection = @collection, cursor = @cursor, synced_at = @now`,
      ),
      forget: sqlite.prepare('DELETE FROM search_sync_state WHERE target = ?'),
      prune: sqlite.prepare('DELETE FROM search_outbox WHERE change <= (SELECT min(cursor) FROM search_sync_state)'),
      pruneAll: sqlite.prepare('DELETE FROM search_outbox WHERE NOT EXISTS (SELECT 1 FROM search_sync_state)'),
    };
  }

  state(target: string): SyncState | undefined {
    const row = this.statements.state!.get(target) as (SyncState & { syncedAt: string | null }) | undefined;
    if (!row) return undefined;
    const { syncedAt, ...state } = row;
    return syncedAt ? { ...state, syncedAt } : state;
  }

  /**
   * Starts recording changes for `target` (a rebuild in progress) and
   * returns the last change before it: everything after it is replayed
   * once the rebuild is done. One transaction, so no write falls between.
   */
  begin(target: string): number {
    return this.db.sqlite.transaction(() => {
      const last = (this.statements.lastChange!.get() as { change: number }).change;
      this.statements.register!.run(target, '', last);
      return last;
    }).immediate();
  }

  /** Up to `limit` changed document ids after `cursor`, each once, and the last change read. */
  changesAfter(cursor: number, limit: number): { ids: string[]; last: number } {
    const rows = this.statements.changes!.all(cursor, limit) as Array<{ change: number; documentId: string }>;
    return { ids: [...new Set(rows.map((row) => row.documentId))], last: rows.at(-1)?.change ?? cursor };
  }

  pendingAfter(cursor: number): number {
    return (this.statements.pending!.get(cursor) as { n: number }).n;
  }

  /** The documents with these ids as they are now (a removed one is simply not there). */
  documents(ids: string[]): StoredDocument[] {
    if (ids.length === 0) return [];
    const rows = this.db.sqlite
      .prepare(`SELECT ${COLUMNS} FROM documents WHERE id IN (${ids.map(() => '?').join(', ')})`)
      .all(...ids) as Array<DocumentRow & { seq: number }>;
    return rows.map((row) => ({ seq: row.seq, document: toLibraryDocument(row) }));
  }

  /** The library in `seq` order, `limit` at a time after `afterSeq`. */
  page(afterSeq: number, limit: number): StoredDocument[] {
    const rows = this.statements.page!.all(afterSeq, limit) as Array<DocumentRow & { seq: number }>;
    return rows.map((row) => ({ seq: row.seq, document: toLibraryDocument(row) }));
  }

  count(): number {
    return (this.statements.count!.get() as { n: number }).n;
  }

  /** The index has every change up to `cursor`; changes every index has are removed. */
  advance(target: string, cursor: number, now: Date): void {
    this.db.sqlite.transaction(() => {
      this.statements.advance!.run(cursor, now.toISOString(), target);
      this.statements.prune!.run();
    })();
  }

  /** A rebuild finished: `target` is now `collection`, with every change up to `cursor`. */
  rebuilt(target: string, collection: string, cursor: number, now: Date): void {
    this.statements.rebuilt!.run({ target, collection, cursor, now: now.toISOString() });
  }

  /** A rebuild's own marker is gone; with no index left to sync, the outbox empties. */
  forget(target: string): void {
    this.db.sqlite.transaction(() => {
      this.statements.forget!.run(target);
      this.statements.pruneAll!.run();
      this.statements.prune!.run();
    })();
  }
}
