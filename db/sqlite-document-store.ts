/**
 * The library in SQLite: documents and their full-text index, written
 * together so the index never disagrees with the table.
 */
import { count, eq } from 'drizzle-orm';
import type { LibraryDocument } from '../core/library/document.ts';
import type { DocumentRepository } from '../core/ports.ts';
import { foldText } from '../core/search/fold.ts';
import { contentHash, toLibraryDocument, topicsKey } from './document-rows.ts';
import type { OpenDatabase } from './open-database.ts';
import { documents } from './schema/documents.ts';

export interface UpsertCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export class SqliteDocumentStore implements DocumentRepository {
  private readonly insertIndex;
  private readonly deleteIndex;

  constructor(private readonly db: OpenDatabase) {
    this.insertIndex = db.sqlite.prepare(
      'INSERT INTO documents_fts (rowid, title, summary, body) VALUES (?, ?, ?, ?)',
    );
    this.deleteIndex = db.sqlite.prepare('DELETE FROM documents_fts WHERE rowid = ?');
  }

  async findById(id: string): Promise<LibraryDocument | undefined> {
    const row = this.db.orm.select().from(documents).where(eq(documents.id, id)).get();
    return row ? toLibraryDocument(row) : undefined;
  }

  async count(): Promise<number> {
    return this.db.orm.select({ n: count() }).from(documents).get()?.n ?? 0;
  }

  /** Adds or updates by id, all in one transaction: all land or none. */
  upsertAll(batch: Iterable<LibraryDocument>, now: Date): UpsertCounts {
    return this.db.sqlite.transaction(() => {
      const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0 };
      for (const document of batch) counts[this.upsertOne(document, now.toISOString())] += 1;
      return counts;
    })();
  }

  private upsertOne(document: LibraryDocument, now: string): keyof UpsertCounts {
    const hash = contentHash(document);
    const existing = this.db.orm
      .select({ seq: documents.seq, contentHash: documents.contentHash })
      .from(documents)
      .where(eq(documents.id, document.id))
      .get();
    if (existing?.contentHash === hash) return 'unchanged';
    const values = {
      ...document,
      topics: JSON.stringify(document.topics),
      topicsKey: topicsKey(document.topics),
      contentHash: hash,
      updatedAt: now,
    };
    let seq: number;
    if (existing) {
      this.db.orm.update(documents).set(values).where(eq(documents.seq, existing.seq)).run();
      this.deleteIndex.run(existing.seq);
      seq = existing.seq;
    } else {
      const inserted = this.db.orm
        .insert(documents)
        .values({ ...values, importedAt: now })
        .returning({ seq: documents.seq })
        .get();
      seq = inserted.seq;
    }
    this.insertIndex.run(seq, foldText(document.title), foldText(document.summary), foldText(document.body));
    return existing ? 'updated' : 'added';
  }
}
