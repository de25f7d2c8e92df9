/**
 * The library in SQLite: documents and their full-text index, written
 * together so the index never disagrees with the table.
 *
 * The write path uses prepared statements rather than drizzle's query
 * builder: an import writes tens of thousands of rows, and building each
 * query anew cost more than the write itself (measured: 600 µs vs 60 µs a row).
 */
import { count, eq } from 'drizzle-orm';
import type { LibraryDocument } from '../core/library/document.ts';
import type { DocumentRepository } from '../core/ports.ts';
import { writeThenCheckpointOnWorker } from './checkpoint-on-worker.ts';
import { prepareAhead, startPreparer } from './document-preparer.ts';
import { contentHash, toLibraryDocument } from './document-rows.ts';
import { libraryChanged } from './library-version.ts';
import type { OpenDatabase } from './open-database.ts';
import { INSERT_INDEX_ENTRY, prepareDocument, type PreparedDocument } from './prepared-document.ts';
import { documents } from './schema/documents.ts';

export interface UpsertCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * The written columns in the order of the statements' `?`s: positional
 * values bind faster than named ones (better-sqlite3 looks each name up on
 * the object: binding was 5% of an import's CPU; positional, the import
 * measured 1.15x the documents a CPU second).
 */
const COLUMNS = `title, summary, body, language, language_group, country, type, topics,
  topics_key, publisher, year, url, url_is_mirror, content_hash`;
const ASSIGN = COLUMNS.split(',').map((column) => `${column.trim()} = ?`).join(', ');

function columnValues(document: LibraryDocument, prepared: PreparedDocument): unknown[] {
  const { title, summary, body, language, languageGroup, country, type, publisher, year, url } = document;
  return [title, summary, body, language, languageGroup, country, type, prepared.topics,
    prepared.topicsKey, publisher, year, url, document.urlIsMirror ? 1 : 0, prepared.contentHash];
}

export interface StoreOptions {
  /** Batches from this many documents are prepared on a worker thread (tests set it; by default see db/document-preparer.ts). */
  minWorkerBatch?: number;
}

export class SqliteDocumentStore implements DocumentRepository {
  private readonly statements;

  constructor(
    private readonly db: OpenDatabase,
    private readonly options: StoreOptions = {},
  ) {
    const sqlite = db.sqlite;
    this.statements = {
      existing: sqlite.prepare<[string], { seq: number; hash: string }>(
        'SELECT seq, content_hash AS hash FROM documents WHERE id = ?',
      ),
      insert: sqlite.prepare<unknown[]>(
        `INSERT INTO documents (${COLUMNS}, id, imported_at, updated_at)
         VALUES (${'?, '.repeat(16)}?)`,
      ),
      update: sqlite.prepare<unknown[]>(`UPDATE documents SET ${ASSIGN}, updated_at = ? WHERE seq = ?`),
      insertIndex: sqlite.prepare(INSERT_INDEX_ENTRY),
      deleteIndex: sqlite.prepare('DELETE FROM documents_fts WHERE rowid = ?'),
    };
  }

  async findById(id: string): Promise<LibraryDocument | undefined> {
    const row = this.db.orm.select().from(documents).where(eq(documents.id, id)).get();
    return row ? toLibraryDocument(row) : undefined;
  }

  async count(): Promise<number> {
    return this.db.orm.select({ n: count() }).from(documents).get()?.n ?? 0;
  }

  /** A large batch is coming: its preparing worker starts now, beside whatever comes first (reading the file). */
  expectLargeBatch(): void {
    startPreparer();
  }

  /**
   * Adds or updates by id, all in one transaction: all land or none. A
   * large batch is prepared on a worker thread meanwhile (db/document-preparer.ts),
   * which then also checkpoints it (db/checkpoint-on-worker.ts).
   */
  upsertAll(batch: Iterable<LibraryDocument>, now: Date): UpsertCounts {
    const list = [...batch];
    const ahead = prepareAhead(list, this.options.minWorkerBatch);
    const write = this.db.sqlite.transaction(() => {
      const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0 };
      const stamp = now.toISOString();
      for (let index = 0; index < list.length; index++) counts[this.upsertOne(list[index]!, stamp, ahead.get(index))] += 1;
      if (counts.added + counts.updated > 0) libraryChanged(this.db.sqlite);
      return counts;
    });
    return ahead.onWorker ? writeThenCheckpointOnWorker(this.db.sqlite, write) : write();
  }

  /** `ahead`: the document prepared by the worker, else prepared here once it is known to have changed. */
  private upsertOne(document: LibraryDocument, now: string, ahead: PreparedDocument | undefined): keyof UpsertCounts {
    const hash = ahead?.contentHash ?? contentHash(document);
    const existing = this.statements.existing.get(document.id);
    if (existing?.hash === hash) return 'unchanged';
    const prepared = ahead ?? prepareDocument(document, hash);
    const { insert, update, insertIndex, deleteIndex } = this.statements;
    let seq: number;
    if (existing) {
      update.run(...columnValues(document, prepared), now, existing.seq);
      deleteIndex.run(existing.seq);
      seq = existing.seq;
    } else {
      seq = Number(insert.run(...columnValues(document, prepared), document.id, now, now).lastInsertRowid);
    }
    insertIndex.run(seq, ...prepared.index);
    return existing ? 'updated' : 'added';
  }
}
