import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { members } from './members.ts';

/**
 * Who receives the weekly digest. `recipient_key` is `member:<id>` for a
 * member's private digest (one per member, however many accounts are
 * linked: it goes to the account they subscribed from) or
 * `chat:<platform>:<id>` for a group an admin subscribed.
 */
export const digestSubscriptions = sqliteTable(
  'digest_subscriptions',
  {
    recipientKey: text('recipient_key').primaryKey(),
    kind: text('kind', { enum: ['member', 'chat'] }).notNull(),
    memberId: text('member_id').references(() => members.id, { onDelete: 'cascade' }),
    platform: text('platform').notNull(),
    /** The member's account the digest goes to (their preferred platform); empty for a chat. */
    userId: text('user_id'),
    /** `user:<id>` (Telegram: the user id) for a member's DM, the channel or group id for a chat. */
    conversationId: text('conversation_id').notNull(),
    threadId: text('thread_id'),
    /** The language a group's digest is written in (a member's follows the member). */
    language: text('language').notNull(),
    /** JSON arrays; empty: everything. */
    topics: text('topics').notNull().default('[]'),
    countries: text('countries').notNull().default('[]'),
    /** The member who decided (the member, or the admin for a group). */
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [index('digest_subscriptions_member').on(table.memberId)],
);

/**
 * The delivery ledger: one row per digest period and recipient, claimed
 * before anything is sent and marked after each part. See
 * db/sqlite-digest-ledger.ts for the states and how a crash is resumed.
 */
export const digestDeliveries = sqliteTable(
  'digest_deliveries',
  {
    /** The ISO week of the scheduled send, `2026-W12`. */
    period: text('period').notNull(),
    recipientKey: text('recipient_key').notNull(),
    status: text('status', { enum: ['claimed', 'sent', 'empty', 'unreachable', 'failed'] }).notNull(),
    /** Which process holds the claim: `host:pid:start` (db/process-owner.ts). */
    owner: text('owner').notNull(),
    claimedAt: text('claimed_at').notNull(),
    /** Parts confirmed by the platform; the part after them may be in flight. */
    partsSent: integer('parts_sent').notNull().default(0),
    /** The part that went out last without a confirmation yet (−1: none). */
    partInFlight: integer('part_in_flight').notNull().default(-1),
    /** The composed digest while it is being sent, so a resumed send sends the same parts. */
    replyJson: text('reply_json'),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    finishedAt: text('finished_at'),
  },
  (table) => [primaryKey({ columns: [table.period, table.recipientKey] }), index('digest_deliveries_status').on(table.period, table.status)],
);
