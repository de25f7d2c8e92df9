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

/** A `/post` being filled in: what the admin answered so far (times as ISO strings). */
export interface PostDraft {
  kind?: ContentKind;
  title?: string;
  summary?: string;
  url?: string;
  language?: string;
  country?: string;
  topics?: string[];
  /** Topics pressed so far; they become `topics` at Done. */
  topicsPicked?: string[];
  startsAt?: string;
  endsAt?: string;
  timeZone?: string;
  /** Steps the admin skipped, so they are not asked again. */
  skipped?: string[];
}

/** One draft per account: the guided form's memory between messages. */
export interface PostDrafts {
  get(account: { platform: string; userId: string }): Promise<PostDraft | undefined>;
  save(account: { platform: string; userId: string }, draft: PostDraft): Promise<void>;
  clear(account: { platform: string; userId: string }): Promise<void>;
}
