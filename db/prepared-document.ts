/**
 * What writing a document needs besides the document itself: its content
 * hash, its topics as stored, and the folded text of its search index
 * entry. Pure and free of SQLite, so a worker thread can compute it while
 * the main thread writes (db/document-preparer.ts); plain strings only, so
 * it crosses between threads as it is.
 */
import type { LibraryDocument } from '../core/library/document.ts';
import { foldLabel, foldText } from '../core/search/fold.ts';
import { contentHash, topicsKey } from './document-rows.ts';
import { facetText } from './search-facets.ts';

export interface PreparedDocument {
  contentHash: string;
  /** JSON array, as the `topics` column holds it. */
  topics: string;
  topicsKey: string;
  /** The `documents_fts` columns in their order: title, summary, body, meta, facets. */
  index: [string, string, string, string, string];
}

/** Writes one document's index entry: rowid (its `seq`), then `PreparedDocument.index`. */
export const INSERT_INDEX_ENTRY = 'INSERT INTO documents_fts (rowid, title, summary, body, meta, facets) VALUES (?, ?, ?, ?, ?, ?)';

/** `hash` is the document's `contentHash`, computed first to skip an unchanged document. */
export function prepareDocument(document: LibraryDocument, hash = contentHash(document)): PreparedDocument {
  // Folding the labels one by one gives the same text as folding them joined:
  // nothing folds across the " | " between them.
  const meta = [...document.topics, document.publisher].map(foldLabel).join(' | ');
  return {
    contentHash: hash,
    topics: JSON.stringify(document.topics),
    topicsKey: topicsKey(document.topics),
    index: [foldText(document.title), foldText(document.summary), foldText(document.body), meta, facetText(document)],
  };
}
