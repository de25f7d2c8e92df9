import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * What was done to memberships and roles, for admins (`/audit`, a later
 * slice). An erasure is recorded as having happened, never whose it was:
 * `subject` is empty then.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    action: text('action').notNull(),
    /** The member acted on, when keeping it is allowed. */
    subject: text('subject'),
    /** Counts and the like; never personal data. */
    details: text('details'),
  },
  (table) => [index('audit_log_at').on(table.at)],
);
