import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A member of the network: one person, whatever platforms they use. Created
 * only after they consented to the privacy notice (`consent_version` says
 * which one); the profile fields (all optional: every onboarding step can be
 * skipped) are filled in by the onboarding that follows and by /profile.
 */
export const members = sqliteTable('members', {
  id: text('id').primaryKey(),
  displayName: text('display_name'),
  language: text('language'),
  /** ISO 3166-1 alpha-2 (`XK` Kosovo), or `other`. */
  country: text('country'),
  /** One of core/members/profile-options.ts PROFESSIONS. */
  profession: text('profession'),
  organisation: text('organisation'),
  /** JSON array of topic keys (core/members/profile-options.ts TOPICS). */
  topics: text('topics').notNull().default('[]'),
  role: text('role', { enum: ['member', 'expert', 'moderator', 'admin'] }).notNull(),
  status: text('status', { enum: ['pending', 'active', 'suspended'] }).notNull(),
  consentVersion: text('consent_version').notNull(),
  consentedAt: text('consented_at').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Which platform accounts belong to which member (one per platform account). */
export const memberAccounts = sqliteTable(
  'member_accounts',
  {
    platform: text('platform').notNull(),
    userId: text('user_id').notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    linkedAt: text('linked_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.platform, table.userId] }), index('member_accounts_member').on(table.memberId)],
);
