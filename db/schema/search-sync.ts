import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Documents added, changed or removed since a search index last caught up.
 * Written by triggers on `documents` (migration 0011), and only while some
 * index is being kept in sync (a row in `search_sync_state`): a hub that
 * searches SQLite alone pays one lookup a written row, nothing more.
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
  syncedAt: text('synced_at'),
});
