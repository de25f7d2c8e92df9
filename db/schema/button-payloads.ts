import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A button whose action and value do not fit the platform's payload limit
 * (Telegram: 64 bytes of callback data) carries a short token; the payload
 * lives here.
 */
export const buttonPayloads = sqliteTable(
  'button_payloads',
  {
    token: text('token').primaryKey(),
    actionId: text('action_id').notNull(),
    value: text('value').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('button_payloads_created_at').on(table.createdAt)],
);
