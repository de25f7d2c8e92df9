import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Every platform event as it arrives, before it is handled: an event that
 * was received but not finished when the process stopped is handled at the
 * next start (nothing a member wrote is lost), and one that was finished is
 * not handled again when the platform delivers it a second time.
 */
export const inboundEvents = sqliteTable(
  'inbound_events',
  {
    platform: text('platform').notNull(),
    eventId: text('event_id').notNull(),
    /** The raw event (JSON), to handle it again after a crash. */
    payload: text('payload').notNull(),
    receivedAt: text('received_at').notNull(),
    finishedAt: text('finished_at'),
  },
  (table) => [
    primaryKey({ columns: [table.platform, table.eventId] }),
    index('inbound_events_finished_at').on(table.finishedAt),
  ],
);
