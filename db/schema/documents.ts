import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The library. `seq` is the integer key the FTS5 index (`documents_fts`,
 * created in a raw SQL migration) uses as its rowid; `id` is the publisher's
 * or importer's id, the one members see and type.
 */
export const documents = sqliteTable(
  'documents',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull().default(''),
    language: text('language').notNull(),
    languageGroup: text('language_group').notNull(),
    country: text('country').notNull().default(''),
    type: text('type').notNull().default(''),
    /** JSON array of topic labels as imported. */
    topics: text('topics').notNull().default('[]'),
    /** Folded topics between bars (`|violence and abuse|health|`), for `topic:` filters. */
    topicsKey: text('topics_key').notNull().default('||'),
    publisher: text('publisher').notNull().default(''),
    year: integer('year'),
    url: text('url').notNull().default(''),
    urlIsMirror: integer('url_is_mirror', { mode: 'boolean' }).notNull().default(false),
    /** Hash (SHA-1: change detection, not security) of the imported fields: a re-import of the same row changes nothing. */
    contentHash: text('content_hash').notNull(),
    importedAt: text('imported_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  // Filter-only listings (`country:RS`, `lang:ro year:2010-2020`) are
  // ordered newest first: (filter, year) indexes serve the filter and the
  // order at once, without reading every matching row to sort it.
  (table) => [
    index('documents_language_group_year').on(table.languageGroup, table.year),
    index('documents_year').on(table.year),
    index('documents_country_year').on(table.country, table.year),
  ],
);
