/**
 * Fills an empty search index from the documents table. A migration that
 * changes how `documents_fts` is built (0015: its prefix indexes) has to
 * drop and recreate it, and a contentless FTS5 table cannot be rebuilt
 * from itself: its text is the folded search keys, which only the code
 * computes. Runs at open, after the migrations, in one transaction; a
 * library of 16,400 documents takes about a second, once.
 */
import { asc, gt } from 'drizzle-orm';
import { toLibraryDocument } from './document-rows.ts';
import type { OpenDatabase } from './open-database.ts';
import { INSERT_INDEX_ENTRY, prepareDocument } from './prepared-document.ts';
import { documents } from './schema/documents.ts';

/** Rows read at a time: better-sqlite3 cannot write while a read is still iterating. */
const PAGE = 1_000;

/** The number of documents indexed: 0 when the index already had entries or there are no documents. */
export function rebuildEmptySearchIndex(db: Pick<OpenDatabase, 'sqlite' | 'orm'>): number {
  const { sqlite, orm } = db;
  const hasDocuments = sqlite.prepare('SELECT 1 FROM documents LIMIT 1').get() !== undefined;
  const hasIndex = sqlite.prepare('SELECT 1 FROM documents_fts_docsize LIMIT 1').get() !== undefined;
  if (!hasDocuments || hasIndex) return 0;
  const insert = sqlite.prepare(INSERT_INDEX_ENTRY);
  return sqlite.transaction(() => {
    let indexed = 0;
    let after = 0;
    for (;;) {
      const rows = orm.select().from(documents).where(gt(documents.seq, after)).orderBy(asc(documents.seq)).limit(PAGE).all();
      for (const row of rows) insert.run(row.seq, ...prepareDocument(toLibraryDocument(row), row.contentHash).index);
      indexed += rows.length;
      if (rows.length < PAGE) return indexed;
      after = rows[rows.length - 1]!.seq;
    }
  })();
}
