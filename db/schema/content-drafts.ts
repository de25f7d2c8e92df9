import { primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A `/post` an admin is filling in, one per account: the guided form's answers so far. */
export const contentDrafts = sqliteTable(
  'content_drafts',
  {
    platform: text('platform').notNull(),
    userId: text('user_id').notNull(),
    /** JSON of the fields answered so far. */
    draft: text('draft').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.platform, table.userId] })],
);
