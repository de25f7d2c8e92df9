import { primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The conversations the bot is in: groups it was added to and private chats
 * of members. `status` says whether a message can go there: `active`, `left`
 * (removed from the group), `unreachable` (the platform refused: blocked,
 * kicked, deleted). A Telegram group that becomes a supergroup keeps its row
 * under the new id.
 */
export const chats = sqliteTable(
  'chats',
  {
    platform: text('platform').notNull(),
    chatId: text('chat_id').notNull(),
    kind: text('kind', { enum: ['private', 'group'] }).notNull(),
    title: text('title'),
    /** The language greetings and group posts use: that of the member who added the bot. */
    language: text('language'),
    status: text('status', { enum: ['active', 'left', 'unreachable'] }).notNull(),
    statusReason: text('status_reason'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.platform, table.chatId] })],
);
