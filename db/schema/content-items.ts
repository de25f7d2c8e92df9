import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * News, events, trainings and webinars: imported (`cphub import`), posted by
 * admins in chat (`/post`), or read from the RSS/Atom feeds in config.
 * Times are UTC ISO strings; `time_zone` is the zone the organiser gave, so
 * an event can also be shown in its own local time.
 */
export const contentItems = sqliteTable(
  'content_items',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    /** The importer's id; `post-…` for chat posts, `feed-…` for feed items. */
    id: text('id').notNull().unique(),
    kind: text('kind', { enum: ['news', 'event', 'training', 'webinar'] }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    url: text('url').notNull().default(''),
    language: text('language').notNull(),
    languageGroup: text('language_group').notNull(),
    /** ISO 3166-1 alpha-2; empty for regional items. */
    country: text('country').notNull().default(''),
    /** JSON array of topic labels. */
    topics: text('topics').notNull().default('[]'),
    startsAt: text('starts_at'),
    endsAt: text('ends_at'),
    timeZone: text('time_zone'),
    /** When the news was published (news and feeds); the time it was added otherwise. */
    publishedAt: text('published_at').notNull(),
    source: text('source', { enum: ['import', 'chat', 'feed'] }).notNull(),
    /** The feed's address for feed items; the member id for chat posts. */
    sourceRef: text('source_ref'),
    /** The feed item's GUID, or its link when it has none: never stored twice for one feed. */
    feedKey: text('feed_key'),
    contentHash: text('content_hash').notNull(),
    /** First seen: what "new this week" means in the digest. */
    addedAt: text('added_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [
    index('content_items_kind_starts').on(table.kind, table.startsAt),
    index('content_items_added').on(table.addedAt),
    index('content_items_published').on(table.kind, table.publishedAt),
    index('content_items_url').on(table.url),
  ],
);
