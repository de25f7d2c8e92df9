/** Maps between `content_items` rows and core's `ContentItem`; the filters they share. */
import { createHash } from 'node:crypto';
import type { ContentItem } from '../core/content/content-item.ts';
import type { ContentFilter } from '../core/content/content-ports.ts';
import { foldText } from '../core/search/fold.ts';
import type { contentItems } from './schema/content-items.ts';

export type ContentRow = typeof contentItems.$inferSelect;

export function toContentItem(row: ContentRow): ContentItem {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    url: row.url,
    language: row.language,
    languageGroup: row.languageGroup,
    country: row.country,
    topics: JSON.parse(row.topics) as string[],
    ...(row.startsAt ? { startsAt: new Date(row.startsAt) } : {}),
    ...(row.endsAt ? { endsAt: new Date(row.endsAt) } : {}),
    ...(row.timeZone ? { timeZone: row.timeZone } : {}),
    publishedAt: new Date(row.publishedAt),
  };
}

/** The columns of an item (without the bookkeeping ones). */
export function contentColumns(item: Omit<ContentItem, 'id'>) {
  return {
    kind: item.kind,
    title: item.title,
    summary: item.summary,
    url: item.url,
    language: item.language,
    languageGroup: item.languageGroup,
    country: item.country,
    topics: JSON.stringify(item.topics),
    startsAt: item.startsAt?.toISOString() ?? null,
    endsAt: item.endsAt?.toISOString() ?? null,
    timeZone: item.timeZone ?? null,
    publishedAt: item.publishedAt.toISOString(),
  };
}

/** A re-import of the same record changes nothing. */
export function contentItemHash(item: Omit<ContentItem, 'id'>): string {
  return createHash('sha1').update(JSON.stringify(contentColumns(item))).digest('base64url');
}

/** In memory: the lists are short (a page, a week) and topics are free labels. */
export function matchesFilter(item: ContentItem, filter: ContentFilter): boolean {
  if (filter.kinds?.length && !filter.kinds.includes(item.kind)) return false;
  if (filter.languageGroups?.length && !filter.languageGroups.includes(item.languageGroup)) return false;
  if (filter.countries?.length && item.country && !filter.countries.includes(item.country)) return false;
  if (filter.topics?.length) {
    const wanted = new Set(filter.topics.map((topic) => foldText(topic).trim()));
    if (!item.topics.some((topic) => wanted.has(foldText(topic).trim()))) return false;
  }
  return true;
}
