/** The ports of content items (news, events, trainings, webinars); db/ implements them. */
import type { ContentItem, ContentKind, ContentSource } from './content-item.ts';

/** Narrowing a listing: each list empty or absent means "any". */
export interface ContentFilter {
  kinds?: readonly ContentKind[];
  /** ISO codes; regional items (no country) always pass. */
  countries?: readonly string[];
  /** Topic labels, compared folded; an item passes with any one of them. */
  topics?: readonly string[];
  /** Language groups (`sh`, `en`); absent: every language. */
  languageGroups?: readonly string[];
}

export interface ContentRepository {
  findById(id: string): Promise<ContentItem | undefined>;
  /** News, newest first. */
  latestNews(filter: ContentFilter, limit: number): Promise<ContentItem[]>;
  /** Dated items that have not ended at `from` and start before `until`, soonest first. */
  upcoming(filter: ContentFilter, from: Date, until: Date | undefined, limit: number): Promise<ContentItem[]>;
  /** Items first seen in [from, to): "new this week". */
  addedBetween(from: Date, to: Date): Promise<ContentItem[]>;
  /** A chat post: stored under a new id, which is returned. */
  publish(item: Omit<ContentItem, 'id'>, source: ContentSource): Promise<string>;
  /**
   * Feed items not seen before (by feed and GUID or link, and by link across
   * everything): returns how many were added.
   */
  addFeedItems(items: Array<{ item: Omit<ContentItem, 'id'>; feedUrl: string; feedKey: string }>, now: Date): Promise<number>;
}
