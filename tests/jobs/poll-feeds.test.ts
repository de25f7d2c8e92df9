/**
 * The feed job against feeds served on 127.0.0.1: RSS and Atom flow in as
 * news, deduplicated by GUID or link; a malformed, failing or slow feed is
 * logged and skipped, and the slow one does not hold up the others.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open-database.ts';
import { SqliteContentStore } from '../../db/sqlite-content-store.ts';
import { pollFeeds } from '../../jobs/feeds/poll-feeds.ts';
import { recordingLogger } from '../support/recording-logger.ts';

const NOW = new Date('2026-03-14T09:00:00Z');

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Network news</title><link>https://news.example.org/</link><language>sq</language>
<item><title>Linjë e re për fëmijët</title><link>https://news.example.org/linja</link><guid>urn:news:1</guid><pubDate>Tue, 10 Mar 2026 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Një linjë &lt;b&gt;telefonike&lt;/b&gt; e re.&lt;/p&gt;</description><category>online safety</category></item>
<item><title>Without a GUID</title><link>https://news.example.org/no-guid</link></item>
<item><title>Shared story</title><link>https://shared.example.org/story</link><guid>rss-shared</guid></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Trainings</title><id>urn:feed:atom</id><updated>2026-03-12T10:00:00Z</updated>
<entry><title>Atom entry</title><link href="https://atom.example.org/entry-1"/><id>urn:atom:1</id><updated>2026-03-12T10:00:00Z</updated><summary>An Atom summary.</summary></entry>
<entry><title>Shared story</title><link href="https://shared.example.org/story"/><id>urn:atom:shared</id><updated>2026-03-12T10:00:00Z</updated></entry>
</feed>`;

let server: Server;
let base: string;
let db: OpenDatabase;
let store: SqliteContentStore;
let rss = RSS;

beforeEach(async () => {
  rss = RSS;
  server = createServer((req, res) => {
    if (req.url === '/rss.xml') return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss);
    if (req.url === '/atom.xml') return void res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(ATOM);
    if (req.url === '/malformed.xml') return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss><channel><item><title>Broken</item></rss');
    if (req.url === '/down.xml') return void res.writeHead(503).end('maintenance');
    // /slow.xml: headers now, the body never.
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  db = openDatabase(':memory:');
  store = new SqliteContentStore(db, { now: () => NOW });
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  db.close();
});

const titles = () => (db.sqlite.prepare('SELECT title, url, language, country, kind FROM content_items ORDER BY title').all() as Array<Record<string, string>>);

describe('the feed job', () => {
  it('stores RSS and Atom items as news, and skips broken, failing and slow feeds without waiting for them', async () => {
    const { logger, lines } = recordingLogger();
    const feeds = [
      { url: `${base}/slow.xml` },
      { url: `${base}/rss.xml`, country: 'AL' },
      { url: `${base}/malformed.xml` },
      { url: `${base}/down.xml` },
      { url: `${base}/atom.xml`, language: 'en' },
    ];
    const started = Date.now();
    const outcomes = await pollFeeds({ feeds, content: store, logger, timeoutMs: 500 }, NOW);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(outcomes.map((outcome) => [outcome.url.slice(base.length), outcome.added, Boolean(outcome.error)])).toEqual([
      ['/slow.xml', 0, true], ['/rss.xml', 3, false], ['/malformed.xml', 0, true], ['/down.xml', 0, true], ['/atom.xml', 1, false],
    ]);
    expect(titles()).toEqual([
      { title: 'Atom entry', url: 'https://atom.example.org/entry-1', language: 'en', country: '', kind: 'news' },
      { title: 'Linjë e re për fëmijët', url: 'https://news.example.org/linja', language: 'sq', country: 'AL', kind: 'news' },
      // The same link in two feeds is one item.
      { title: 'Shared story', url: 'https://shared.example.org/story', language: 'sq', country: 'AL', kind: 'news' },
      { title: 'Without a GUID', url: 'https://news.example.org/no-guid', language: 'sq', country: 'AL', kind: 'news' },
    ]);
    const helpline = await store.latestNews({ countries: ['AL'] }, 5);
    expect(helpline.find((item) => item.title.startsWith('Linjë'))).toMatchObject({ summary: 'Një linjë telefonike e re.', topics: ['online safety'], publishedAt: new Date('2026-03-10T08:00:00Z') });
    const skipped = lines.filter((line) => line.message === 'feeds: skipped a feed this round');
    expect(skipped).toHaveLength(3);
    expect(skipped.map((line) => (line.details as { err: string }).err).join(' | ')).toMatch(/HTTP 503/);
  });

  it('adds nothing twice when polled again, and only the new items of a changed feed', async () => {
    const { logger } = recordingLogger();
    const deps = { feeds: [{ url: `${base}/rss.xml` }], content: store, logger, timeoutMs: 1000 };
    expect((await pollFeeds(deps, NOW))[0]!.added).toBe(3);
    expect((await pollFeeds(deps, NOW))[0]!.added).toBe(0);
    // The publisher edits a title (same GUID) and adds one item.
    rss = RSS.replace('Linjë e re për fëmijët', 'Linjë e re (edited)').replace('</channel>', '<item><title>Fresh</title><link>https://news.example.org/fresh</link><guid>urn:news:9</guid></item></channel>');
    expect((await pollFeeds(deps, NOW))[0]!.added).toBe(1);
    expect(titles().map((row) => row.title)).toEqual(['Fresh', 'Linjë e re për fëmijët', 'Shared story', 'Without a GUID']);
  });
});
