import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Documents changed or removed since a search index last caught up,
 * written by triggers on `documents` that exist only while some index is
 * kept in sync (db/search-outbox.ts creates and drops them): a trigger on
 * the table costs a write a quarter more (measured), so a hub that searches
 * SQLite alone has none. Added documents need no record: `seq` grows with
 * every insert, and SQLite has one writer at a time, so `seq > cursor` is
 * every document added since.
 */
export const searchOutbox = sqliteTable('search_outbox', {
  change: integer('change').primaryKey({ autoIncrement: true }),
  documentId: text('document_id').notNull(),
});

/** Each search index kept in sync with the library, and the last change it has. */
export const searchSyncState = sqliteTable('search_sync_state', {
  /** `typesense:<alias>`. */
  target: text('target').primaryKey(),
  /** The collection behind the alias when it was last rebuilt. */
  collection: text('collection').notNull(),
  /** The last `search_outbox.change` the index has. */
  cursor: integer('cursor').notNull().default(0),
  /** The highest `documents.seq` the index has: later ones were added since. */
  seqCursor: integer('seq_cursor').notNull().default(0),
  syncedAt: text('synced_at'),
});
