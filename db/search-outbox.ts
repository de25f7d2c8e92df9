/**
 * What a search index needs from the library to stay in sync: the documents
 * added since its `seq` cursor, the ones changed or removed since its outbox
 * cursor (search_outbox), the documents as they are now, and the whole
 * library page by page for a rebuild. SQLite stays the source of truth;
 * this only reads it, and moves the cursors.
 *
 * Changes and removals are recorded by triggers that exist only while an
 * index is kept in sync: with any trigger on `documents` a write costs about
 * a quarter more (measured: 660 → 900 µs CPU an updated document, inserts
 * 230 → 360 µs with an insert trigger), so there is none on a hub that
 * searches SQLite alone, and never one on insert (the `seq` cursor finds
 * added documents: SQLite has one writer at a time, so seqs commit in order).
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
  /** The last outbox change the index has. */
  cursor: number;
  /** The highest document seq the index has. */
  seqCursor: number;
  syncedAt?: string;
}

export interface Changes {
  /** Changed or removed since the outbox cursor (look each up: gone means removed). */
  changedIds: string[];
  lastChange: number;
  /** Added since the seq cursor, as they are now. */
  added: StoredDocument[];
  lastSeq: number;
}

const COLUMNS = `seq, id, title, summary, body, language, language_group AS languageGroup, country, type, topics,
  topics_key AS topicsKey, publisher, year, url, url_is_mirror AS urlIsMirror`;

const TRIGGERS = `
  CREATE TRIGGER IF NOT EXISTS documents_outbox_update AFTER UPDATE ON documents BEGIN
    INSERT INTO search_outbox (document_id) VALUES (new.id);
    INSERT INTO search_outbox (document_id) SELECT old.id WHERE old.id <> new.id;
  END;
  CREATE TRIGGER IF NOT EXISTS documents_outbox_delete AFTER DELETE ON documents BEGIN
    INSERT INTO search_outbox (document_id) VALUES (old.id);
  END;`;
const DROP_TRIGGERS = 'DROP TRIGGER IF EXISTS documents_outbox_update; DROP TRIGGER IF EXISTS documents_outbox_delete;';

type Row = DocumentRow & { seq: number };
const stored = (row: Row): StoredDocument => ({ seq: row.seq, document: toLibraryDocument(row) });

export class SqliteSearchOutbox {
  private readonly statements: Record<string, Statement>;

  constructor(private readonly db: OpenDatabase) {
    const sqlite = db.sqlite;
    const prepare = (sql: string): Statement => sqlite.prepare(sql);
    this.statements = {
      state: prepare('SELECT target, collection, cursor, seq_cursor AS seqCursor, synced_at AS syncedAt FROM search_sync_state WHERE target = ?'),
      lastChange: prepare('SELECT coalesce(max(change), 0) AS n FROM search_outbox'),
      changes: prepare('SELECT change, document_id AS documentId FROM search_outbox WHERE change > ? ORDER BY change LIMIT ?'),
      pendingChanges: prepare('SELECT count(*) AS n FROM search_outbox WHERE change > ?'),
      pendingAdded: prepare('SELECT count(*) AS n FROM documents WHERE seq > ?'),
      page: prepare(`SELECT ${COLUMNS} FROM documents WHERE seq > ? ORDER BY seq LIMIT ?`),
      count: prepare('SELECT count(*) AS n FROM documents'),
      register: prepare("INSERT INTO search_sync_state (target, collection, cursor) VALUES (?, '', ?) ON CONFLICT (target) DO NOTHING"),
      advance: prepare('UPDATE search_sync_state SET cursor = ?, seq_cursor = ?, synced_at = ? WHERE target = ?'),
      rebuilt: prepare(
        `INSERT INTO search_sync_state (target, collection, cursor, seq_cursor, synced_at) VALUES (@target, @collection, @cursor, @seqCursor, @now)
         ON CONFLICT (target) DO UPDATE SET collection = @collection, cursor = @cursor, seq_cursor = @seqCursor, synced_at = @now`,
      ),
      forget: prepare('DELETE FROM search_sync_state WHERE target = ?'),
      anyTarget: prepare('SELECT count(*) AS n FROM search_sync_state'),
      prune: prepare('DELETE FROM search_outbox WHERE change <= (SELECT min(cursor) FROM search_sync_state)'),
      pruneAll: prepare('DELETE FROM search_outbox'),
    };
  }

  state(target: string): SyncState | undefined {
    const row = this.statements.state!.get(target) as (Omit<SyncState, 'syncedAt'> & { syncedAt: string | null }) | undefined;
    if (!row) return undefined;
    const { syncedAt, ...state } = row;
    return syncedAt ? { ...state, syncedAt } : state;
  }

  /**
   * Starts recording changes for `target` (a rebuild about to read the
   * library) and returns the last change before it: whatever changes after
   * it is replayed once the rebuild is done. One transaction, so no write
   * falls between.
   */
  begin(target: string): number {
    return this.db.sqlite.transaction(() => {
      this.db.sqlite.exec(TRIGGERS);
      const last = this.number('lastChange');
      this.statements.register!.run(target, last);
      return last;
    }).immediate();
  }

  /** Up to `limit` changed ids and `limit` added documents after the cursors, each id once. */
  changesAfter(state: Pick<SyncState, 'cursor' | 'seqCursor'>, limit: number): Changes {
    const rows = this.statements.changes!.all(state.cursor, limit) as Array<{ change: number; documentId: string }>;
    const added = this.page(state.seqCursor, limit);
    return {
      changedIds: [...new Set(rows.map((row) => row.documentId))],
      lastChange: rows.at(-1)?.change ?? state.cursor,
      added,
      lastSeq: added.at(-1)?.seq ?? state.seqCursor,
    };
  }

  pending(state: Pick<SyncState, 'cursor' | 'seqCursor'>): number {
    return this.number('pendingChanges', state.cursor) + this.number('pendingAdded', state.seqCursor);
  }

  /** The documents with these ids as they are now (a removed one is simply not there). */
  documents(ids: string[]): StoredDocument[] {
    if (ids.length === 0) return [];
    const rows = this.db.sqlite.prepare(`SELECT ${COLUMNS} FROM documents WHERE id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as Row[];
    return rows.map(stored);
  }

  /** The library in `seq` order, `limit` at a time after `afterSeq`. */
  page(afterSeq: number, limit: number): StoredDocument[] {
    return (this.statements.page!.all(afterSeq, limit) as Row[]).map(stored);
  }

  count(): number {
    return this.number('count');
  }

  /** The index has every change up to `cursor` and every document up to `seqCursor`; changes every index has are removed. */
  advance(target: string, cursors: Pick<SyncState, 'cursor' | 'seqCursor'>, now: Date): void {
    this.db.sqlite.transaction(() => {
      this.statements.advance!.run(cursors.cursor, cursors.seqCursor, now.toISOString(), target);
      this.statements.prune!.run();
    })();
  }

  /** A rebuild finished: `target` is now `collection`, with every change up to `cursor` and document up to `seqCursor`. */
  rebuilt(target: string, collection: string, cursors: Pick<SyncState, 'cursor' | 'seqCursor'>, now: Date): void {
    this.statements.rebuilt!.run({ target, collection, ...cursors, now: now.toISOString() });
  }

  /** A target is no longer kept in sync (a rebuild's marker); with none left, no trigger and no outbox either. */
  forget(target: string): void {
    this.db.sqlite.transaction(() => {
      this.statements.forget!.run(target);
      if (this.number('anyTarget') > 0) {
        this.statements.prune!.run();
        return;
      }
      this.db.sqlite.exec(DROP_TRIGGERS);
      this.statements.pruneAll!.run();
    })();
  }

  private number(statement: string, ...params: number[]): number {
    return (this.statements[statement]!.get(...params) as { n: number }).n;
  }
}
