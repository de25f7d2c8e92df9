/**
 * Content items in SQLite: imported files (upsert by id, one transaction),
 * chat posts and feed items. Listings read a bounded window and filter in
 * memory (db/content-rows.ts): topics are free labels, and a page is short.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import { DATED_KINDS, type ContentItem } from '../core/content/content-item.ts';
import type { ContentFilter, ContentRepository } from '../core/content/content-ports.ts';
import type { ContentSource } from '../core/content/content-item.ts';
import type { Clock } from '../core/ports.ts';
import { contentColumns, contentItemHash, matchesFilter, toContentItem } from './content-rows.ts';
import type { OpenDatabase } from './open-database.ts';
import { contentItems } from './schema/content-items.ts';
import type { UpsertCounts } from './sqlite-document-store.ts';

/** Rows read for one filtered listing: enough for a page after filtering in all but odd cases. */
const WINDOW = 500;

export class SqliteContentStore implements ContentRepository {
  constructor(
    private readonly db: OpenDatabase,
    private readonly clock: Clock,
  ) {}

  async findById(id: string): Promise<ContentItem | undefined> {
    const row = this.db.orm.select().from(contentItems).where(eq(contentItems.id, id)).get();
    return row ? toContentItem(row) : undefined;
  }

  async latestNews(filter: ContentFilter, limit: number): Promise<ContentItem[]> {
    const rows = this.db.orm.select().from(contentItems).where(eq(contentItems.kind, 'news'))
      .orderBy(desc(contentItems.publishedAt), desc(contentItems.seq)).limit(WINDOW).all();
    return rows.map(toContentItem).filter((item) => matchesFilter(item, filter)).slice(0, limit);
  }

  async upcoming(filter: ContentFilter, from: Date, until: Date | undefined, limit: number): Promise<ContentItem[]> {
    const now = from.toISOString();
    const rows = this.db.orm.select().from(contentItems)
      .where(and(
        inArray(contentItems.kind, [...DATED_KINDS]),
        isNotNull(contentItems.startsAt),
        // Still on: not ended yet, or (without an end) not started yet.
        or(gte(contentItems.endsAt, now), and(sql`${contentItems.endsAt} IS NULL`, gte(contentItems.startsAt, now))),
        ...(until ? [lt(contentItems.startsAt, until.toISOString())] : []),
      ))
      .orderBy(asc(contentItems.startsAt), asc(contentItems.seq)).limit(WINDOW).all();
    return rows.map(toContentItem).filter((item) => matchesFilter(item, filter)).slice(0, limit);
  }

  async addedBetween(from: Date, to: Date): Promise<ContentItem[]> {
    const rows = this.db.orm.select().from(contentItems)
      .where(and(gte(contentItems.addedAt, from.toISOString()), lt(contentItems.addedAt, to.toISOString())))
      .orderBy(desc(contentItems.publishedAt), asc(contentItems.seq)).all();
    return rows.map(toContentItem);
  }

  /** Adds or updates by id, all in one transaction: all land or none. */
  upsertAll(batch: Iterable<ContentItem>, now: Date): UpsertCounts {
    const at = now.toISOString();
    return this.db.sqlite.transaction(() => {
      const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0 };
      for (const item of batch) {
        const hash = contentItemHash(item);
        const existing = this.db.orm.select({ hash: contentItems.contentHash }).from(contentItems).where(eq(contentItems.id, item.id)).get();
        if (existing?.hash === hash) {
          counts.unchanged += 1;
          continue;
        }
        const columns = { ...contentColumns(item), contentHash: hash, updatedAt: at };
        if (existing) this.db.orm.update(contentItems).set(columns).where(eq(contentItems.id, item.id)).run();
        else this.db.orm.insert(contentItems).values({ ...columns, id: item.id, source: 'import', addedAt: at }).run();
        counts[existing ? 'updated' : 'added'] += 1;
      }
      return counts;
    })();
  }

  async publish(item: Omit<ContentItem, 'id'>, source: ContentSource): Promise<string> {
    const id = `post-${randomBytes(5).toString('hex')}`;
    const at = this.clock.now().toISOString();
    const sourceRef = source.kind === 'chat' ? source.memberId : null;
    this.db.orm.insert(contentItems).values({
      ...contentColumns(item), id, source: source.kind, sourceRef, contentHash: contentItemHash(item), addedAt: at, updatedAt: at,
    }).run();
    return id;
  }

  async addFeedItems(items: Array<{ item: Omit<ContentItem, 'id'>; feedUrl: string; feedKey: string }>, now: Date): Promise<number> {
    const at = now.toISOString();
    return this.db.sqlite.transaction(() => {
      let added = 0;
      for (const { item, feedUrl, feedKey } of items) {
        const id = feedItemId(feedUrl, feedKey);
        const seen = this.db.orm.select({ id: contentItems.id }).from(contentItems)
          .where(item.url ? or(eq(contentItems.id, id), eq(contentItems.url, item.url)) : eq(contentItems.id, id)).get();
        if (seen) continue;
        this.db.orm.insert(contentItems).values({
          ...contentColumns(item), id, source: 'feed', sourceRef: feedUrl, feedKey, contentHash: contentItemHash(item), addedAt: at, updatedAt: at,
        }).run();
        added += 1;
      }
      return added;
    })();
  }
}

/** Stable per feed and item: a feed polled again finds the same id. */
export function feedItemId(feedUrl: string, feedKey: string): string {
  return `feed-${createHashHex(`${feedUrl}\n${feedKey}`).slice(0, 20)}`;
}

function createHashHex(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
