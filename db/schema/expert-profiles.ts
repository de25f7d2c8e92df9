import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { members } from './members.ts';

/**
 * What an expert tells the network about their expertise, and whether they
 * want to be listed in the directory (/experts). One per member; it goes
 * with the member (ON DELETE CASCADE: /forget, a declined newcomer).
 */
export const expertProfiles = sqliteTable('expert_profiles', {
  memberId: text('member_id')
    .primaryKey()
    .references(() => members.id, { onDelete: 'cascade' }),
  /** JSON arrays of keys: core/members/profile-options.ts TOPICS, language groups (`sh`, `mk`), ISO country codes. */
  topics: text('topics').notNull().default('[]'),
  languages: text('languages').notNull().default('[]'),
  countries: text('countries').notNull().default('[]'),
  /** The expert opted in to the directory; nobody is listed without it. */
  listed: integer('listed', { mode: 'boolean' }).notNull().default(false),
  updatedAt: text('updated_at').notNull(),
});
