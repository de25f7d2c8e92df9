import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { members } from './members.ts';

/** A member's own settings beyond the profile: the time zone times are shown in. */
export const memberPreferences = sqliteTable('member_preferences', {
  memberId: text('member_id')
    .primaryKey()
    .references(() => members.id, { onDelete: 'cascade' }),
  /** IANA zone (`Europe/Sofia`); without it, the zone of the member's country, else the hub's. */
  timeZone: text('time_zone'),
  updatedAt: text('updated_at').notNull(),
});
