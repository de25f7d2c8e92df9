import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { members } from './members.ts';

/**
 * Questions and answers (issue 7). A question row exists only after the
 * asker decided how it is posted: what they typed waits in
 * `question_drafts` first, where the safeguarding check's findings are
 * shown to them alone. Everything of a member goes with the member
 * (ON DELETE CASCADE: /forget).
 */

/** What an asker typed, before they decided (post / redact / anonymous / rephrase); erased once decided or after an hour. */
export const questionDrafts = sqliteTable('question_drafts', {
  id: text('id').primaryKey(),
  memberId: text('member_id')
    .notNull()
    .references(() => members.id, { onDelete: 'cascade' }),
  platform: text('platform').notNull(),
  userId: text('user_id').notNull(),
  /** Where it was asked: a group gets the question posted, a private chat only the Q&A channels. */
  conversationId: text('conversation_id').notNull(),
  conversationKind: text('conversation_kind', { enum: ['private', 'group'] }).notNull(),
  threadId: text('thread_id'),
  text: text('text').notNull(),
  anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
  /** JSON array of topic keys, best first (detected, or the asker's correction). */
  topics: text('topics').notNull().default('[]'),
  createdAt: text('created_at').notNull(),
});

export const questions = sqliteTable(
  'questions',
  {
    /** The short id members type: `Q7K2P` (core/questions/question-id.ts). */
    id: text('id').primaryKey(),
    askerId: text('asker_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    /** The account answers are delivered to. */
    askerPlatform: text('asker_platform').notNull(),
    askerUserId: text('asker_user_id').notNull(),
    text: text('text').notNull(),
    topics: text('topics').notNull().default('[]'),
    /** The asker's country and language group when they asked: routing and the digest's filters. */
    country: text('country'),
    languageGroup: text('language_group').notNull(),
    /** The asker's identity is never shown to anyone else. */
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: ['open', 'answered'] }).notNull().default('open'),
    originPlatform: text('origin_platform').notNull(),
    /** The group it was asked in (null: asked privately). */
    originConversationId: text('origin_conversation_id'),
    originThreadId: text('origin_thread_id'),
    createdAt: text('created_at').notNull(),
    firstAnsweredAt: text('first_answered_at'),
    /** Moderators reminded (72 h unanswered). */
    moderatorsRemindedAt: text('moderators_reminded_at'),
    hiddenAt: text('hidden_at'),
  },
  (table) => [index('questions_status').on(table.status, table.createdAt)],
);

export const answers = sqliteTable(
  'answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    questionId: text('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    /** 1, 2, … within the question: `/accept Q7K2P 2`. */
    number: integer('number').notNull(),
    answererId: text('answerer_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    platform: text('platform').notNull(),
    text: text('text').notNull(),
    accepted: integer('accepted', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    hiddenAt: text('hidden_at'),
  },
  (table) => [index('answers_question').on(table.questionId, table.number)],
);

/** The experts a question was sent to, and what became of it. */
export const questionRoutes = sqliteTable(
  'question_routes',
  {
    questionId: text('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    expertId: text('expert_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    platform: text('platform').notNull(),
    userId: text('user_id').notNull(),
    status: text('status', { enum: ['sent', 'declined', 'answered'] }).notNull().default('sent'),
    sentAt: text('sent_at').notNull(),
    remindedAt: text('reminded_at'),
  },
  (table) => [primaryKey({ columns: [table.questionId, table.expertId] })],
);

/**
 * Every platform message cphub posted for a question or an answer (the group
 * post, Q&A channels, the DMs to experts and to the asker), so that an
 * accepted answer can be marked and a hidden one taken down where it was posted.
 * Kind `member`: the member's own message an answer was taken from (a
 * Telegram reply to the question), which hiding the answer deletes too
 * where the bot may; cphub never edits it.
 */
export const questionPosts = sqliteTable(
  'question_posts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    questionId: text('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    /** Null: the question itself; else the answer's number. */
    answerNumber: integer('answer_number'),
    kind: text('kind', { enum: ['group', 'channel', 'expert', 'asker', 'moderator', 'member'] }).notNull(),
    platform: text('platform').notNull(),
    conversationId: text('conversation_id').notNull(),
    /** The language it was written in, so a change (an accepted answer) is written in it too. */
    language: text('language').notNull(),
    /** JSON array of the platform's message ids (a long text is several messages), first first. */
    messageIds: text('message_ids').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('question_posts_question').on(table.questionId, table.answerNumber)],
);
