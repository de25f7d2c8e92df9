/**
 * The hourly feed job: every feed in CPHUB_FEEDS is fetched at once, each
 * with its own timeout, and parsed with rss-parser (RSS 0.9–2.0 and Atom);
 * new items become news, deduplicated by the feed's GUID (Atom: id), else
 * the link, and by link across everything (one article in two feeds is one
 * item). A feed that is slow, down or malformed is logged and skipped for
 * this round; it never holds up the others.
 */
import type Parser from 'rss-parser';
import type { ContentItem } from '../../core/content/content-item.ts';
import { shorten } from '../../core/content/format-content.ts';
import { parseLanguageTag } from '../../core/library/language.ts';
import type { Logger } from '../../core/ports.ts';
import type { FeedSource } from './feed-list.ts';

export interface FeedSink {
  addFeedItems(items: Array<{ item: Omit<ContentItem, 'id'>; feedUrl: string; feedKey: string }>, now: Date): Promise<number>;
}

export interface FeedDeps {
  feeds: readonly FeedSource[];
  content: FeedSink;
  logger: Logger;
  timeoutMs: number;
  /** A feed larger than this is not a feed (or not one worth reading whole). */
  maxBytes?: number;
}

export interface FeedOutcome {
  url: string;
  added: number;
  error?: string;
}

const MAX_BYTES = 5 * 1024 * 1024;
const SUMMARY_MAX = 600;
type FeedItem = Parser.Item & { id?: string };
type FeedParser = Parser<{ language?: string }, { id?: string }>;
let parser: Promise<FeedParser> | undefined;

/** rss-parser and its XML stack load on the first poll: a hub without feeds (the console on a fresh clone) never loads them. */
function feedParser(): Promise<FeedParser> {
  parser ??= import('rss-parser').then(({ default: RssParser }) => new RssParser<{ language?: string }, { id?: string }>({ customFields: { feed: ['language'] } }));
  return parser;
}

export async function pollFeeds(deps: FeedDeps, now: Date): Promise<FeedOutcome[]> {
  const outcomes = await Promise.all(deps.feeds.map((feed) => pollOne(deps, feed, now)));
  const added = outcomes.reduce((sum, outcome) => sum + outcome.added, 0);
  if (deps.feeds.length > 0) deps.logger.info({ feeds: deps.feeds.length, added, failed: outcomes.filter((outcome) => outcome.error).length }, 'feeds: polled');
  return outcomes;
}

async function pollOne(deps: FeedDeps, feed: FeedSource, now: Date): Promise<FeedOutcome> {
  const host = new URL(feed.url).host;
  try {
    const xml = await fetchFeed(feed.url, deps.timeoutMs, deps.maxBytes ?? MAX_BYTES);
    const parsed = await (await feedParser()).parseString(xml);
    const language = parseLanguageTag(feed.language ?? parsed.language ?? '') ?? parseLanguageTag('en')!;
    const items = parsed.items.flatMap((entry) => toItem(entry, feed, language, now));
    return { url: feed.url, added: await deps.content.addFeedItems(items, now) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The address may carry a key: the host names the feed in the log.
    deps.logger.warn({ feed: host, err: message }, 'feeds: skipped a feed this round');
    return { url: feed.url, added: 0, error: message };
  }
}

/** The whole body within the timeout and the size limit. */
async function fetchFeed(url: string, timeoutMs: number, maxBytes: number): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'cphub feed reader', accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.5' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new Error(`larger than ${maxBytes} bytes`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    if (size > maxBytes) throw new Error(`larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function toItem(entry: FeedItem, feed: FeedSource, language: { tag: string; group: string }, now: Date) {
  const title = entry.title?.replace(/\s+/g, ' ').trim();
  const link = entry.link?.trim() ?? '';
  const feedKey = (entry.guid ?? entry.id ?? link).trim();
  if (!title || !feedKey) return [];
  const url = /^https?:\/\//.test(link) ? link : '';
  const published = entry.isoDate ? new Date(entry.isoDate) : now;
  const item: Omit<ContentItem, 'id'> = {
    kind: 'news',
    title: shorten(title, 300),
    summary: shorten(entry.contentSnippet ?? entry.summary ?? '', SUMMARY_MAX),
    url,
    language: language.tag,
    languageGroup: language.group,
    country: feed.country ?? '',
    topics: (entry.categories ?? []).filter((category): category is string => typeof category === 'string').map((category) => category.trim()).filter(Boolean),
    // A feed that dates an item in the future (or not at all) is taken to publish it now.
    publishedAt: Number.isNaN(published.getTime()) || published > now ? now : published,
  };
  return [{ item, feedUrl: feed.url, feedKey }];
}
