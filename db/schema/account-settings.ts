import { primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Settings of a platform account before membership exists (issue 6 builds members). */
export const accountSettings = sqliteTable(
  'account_settings',
  {
    platform: text('platform').notNull(),
    userId: text('user_id').notNull(),
    language: text('language').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.platform, table.userId] })],
);
