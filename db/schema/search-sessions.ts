import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A search behind pagination buttons: the button carries only the short
 * token (Telegram allows 64 bytes of callback data), the query lives here.
 */
export const searchSessions = sqliteTable(
  'search_sessions',
  {
    token: text('token').primaryKey(),
    query: text('query').notNull(),
    platform: text('platform').notNull(),
    userId: text('user_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('search_sessions_created_at').on(table.createdAt)],
);
