import { primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A question that waits for the account's next plain message (onboarding's
 * name or organisation): the router hands that message to the step instead
 * of searching for it. One per account; a command or an answer removes it.
 */
export const pendingInputs = sqliteTable(
  'pending_inputs',
  {
    platform: text('platform').notNull(),
    userId: text('user_id').notNull(),
    /** What the message answers (`onboard:name`); core reads it. */
    step: text('step').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.platform, table.userId] })],
);
