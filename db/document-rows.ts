/** Maps between `documents` rows and core's `LibraryDocument`. */
import { createHash } from 'node:crypto';
import type { LibraryDocument } from '../core/library/document.ts';
import { foldLabel } from '../core/search/fold.ts';
import type { documents } from './schema/documents.ts';

export type DocumentRow = typeof documents.$inferSelect;

export function toLibraryDocument(row: DocumentRow): LibraryDocument {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    body: row.body,
    language: row.language,
    languageGroup: row.languageGroup,
    country: row.country,
    type: row.type,
    topics: JSON.parse(row.topics) as string[],
    publisher: row.publisher,
    year: row.year,
    url: row.url,
    urlIsMirror: Boolean(row.urlIsMirror),
  };
}

/** The fields a re-import compares: same hash, nothing to write. */
export function contentHash(document: LibraryDocument): string {
  return createHash('sha1').update(JSON.stringify(document)).digest('base64url');
}

export function topicsKey(topics: string[]): string {
  return `|${topics.map((topic) => foldLabel(topic).trim()).join('|')}|`;
}
