/**
 * The Typesense collection that mirrors the library (SQLite stays the
 * source of truth: the sync job pushes every change here).
 *
 * - Filters and facets: `language` (the language group, `sh` for BCMS),
 *   `type`, `country`, `year`, `topics`; plus `type_key` and `topic_words`,
 *   the folded forms the `type:` and `topic:` filters match by prefix, as
 *   the SQLite backend does (db/search-facets.ts).
 * - Text, folded (core/search/fold.ts): `title`, `summary`, `meta` (topics
 *   and publisher), `body` for phrases, and their `_p` prefix fields for
 *   words (search-tokens.ts).
 * - Text as written, one field per hub language with that `locale` (ICU
 *   tokenizing) and Snowball stemming where Snowball has the language
 *   (English, Hungarian, Romanian; not Albanian, Bulgarian, Macedonian, and
 *   BCMS is left to the folded fields, whose stems join Latin and Cyrillic).
 *   https://typesense.org/docs/29.0/api/stemming.html
 * - `seq` (SQLite's row order: newest first among equals) and `year_sort`
 *   (the year, 0 when unknown, so undated documents list last).
 */
import type { CollectionCreateSchema, CollectionFieldSchema } from 'typesense';

/** The hub's document languages that get a field of their own, with locale and stemming. */
export const LANGUAGE_FIELDS: ReadonlyArray<{ group: string; locale: string; stem: boolean }> = [
  { group: 'en', locale: 'en', stem: true },
  { group: 'sq', locale: 'sq', stem: false },
  { group: 'sh', locale: 'sr', stem: false },
  { group: 'bg', locale: 'bg', stem: false },
  { group: 'hu', locale: 'hu', stem: true },
  { group: 'ro', locale: 'ro', stem: true },
  { group: 'mk', locale: 'mk', stem: false },
];

export const languageField = (group: string): string => `text_${group}`;

/** Folded text columns and their weights, as SQLite's BM25 weights (title 10, summary 4, meta 2, body 1). */
export const TEXT_FIELDS = [
  { name: 'title', weight: 10 },
  { name: 'summary', weight: 4 },
  { name: 'meta', weight: 2 },
  { name: 'body', weight: 1 },
] as const;

export const prefixField = (name: string): string => `${name}_p`;

export function collectionSchema(name: string): CollectionCreateSchema {
  const fields: CollectionFieldSchema[] = [
    { name: 'seq', type: 'int64', sort: true },
    { name: 'language', type: 'string', facet: true },
    { name: 'type', type: 'string', facet: true },
    { name: 'type_key', type: 'string' },
    { name: 'country', type: 'string', facet: true },
    { name: 'year', type: 'int32', facet: true, optional: true },
    { name: 'year_sort', type: 'int32', sort: true },
    { name: 'topics', type: 'string[]', facet: true },
    { name: 'topic_words', type: 'string' },
    ...TEXT_FIELDS.flatMap(({ name }): CollectionFieldSchema[] => [
      { name, type: 'string' },
      { name: prefixField(name), type: 'string[]' },
    ]),
    ...LANGUAGE_FIELDS.map(({ group, locale, stem }): CollectionFieldSchema => ({
      name: languageField(group),
      type: 'string',
      optional: true,
      locale,
      ...(stem ? { stem: true } : {}),
    })),
  ];
  return { name, fields, default_sorting_field: 'seq' };
}
