import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { members } from './members.ts';

/**
 * One-time codes that join a second platform account to a member: valid ten
 * minutes, used once, and only from another account.
 */
export const linkCodes = sqliteTable('link_codes', {
  code: text('code').primaryKey(),
  memberId: text('member_id')
    .notNull()
    .references(() => members.id, { onDelete: 'cascade' }),
  /** The account that asked for the code (`platform:userId`): it cannot use it itself. */
  issuedTo: text('issued_to').notNull(),
  expiresAt: text('expires_at').notNull(),
  usedAt: text('used_at'),
});
