/**
 * The weekly digest's figures: how long composing takes for 2,346 and for
 * 100,000 recipients (reading the subscriptions and the week once, then one
 * digest per recipient in their language and filters), and the fan-out rate
 * of the real job through the Telegram adapter against a fake Bot API that
 * enforces Telegram's broadcast limit (429 beyond 30 a second) in another
 * process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTelegramAdapter } from '../bots/telegram/telegram-adapter.ts';
import { DigestComposer } from '../core/digest/compose-digest.ts';
import { loadDigestWeek } from '../core/digest/digest-week.ts';
import type { ContentItem } from '../core/content/content-item.ts';
import { MEMBER_LANGUAGES } from '../core/library/language.ts';
import { openDatabase, type OpenDatabase } from '../db/open-database.ts';
import { createSqliteServices, type SqliteServices } from '../db/sqlite-services.ts';
import { createDigestJob } from '../jobs/digest/create-digest-job.ts';
import { createTranslator } from '../locales/translator.ts';
import { quietLogger } from './bench-hub.ts';
import { documentBatches } from './corpus.ts';
import { ForkedFake } from './forked-fake.ts';

const SCHEDULE = { weekday: 1, hour: 9, minute: 0, timeZone: 'Europe/Belgrade' };
/** Monday 2 March 2026, 09:00 in Belgrade: the period's send time. */
const DUE = new Date('2026-03-02T08:00:00Z');
const WEEK_START = new Date('2026-02-23T08:00:00Z');
const SUBSCRIBED = new Date('2026-02-01T00:00:00Z');
const ADDED = new Date('2026-02-26T10:00:00Z');
const COUNTRIES = ['RS', 'AL', 'BG', 'RO', 'HU', 'BA', 'MK', 'XK'];

export interface ComposeResult {
  recipients: number;
  /** Reading every subscription with its language and zone. */
  readMs: number;
  /** Reading the week's documents, news and events. */
  weekMs: number;
  composeMs: number;
  perRecipientUs: number;
  nonEmpty: number;
  /** Different digests among them (language × zone × filters). */
  distinct: number;
  /** Composing one of them, the cost the cache saves for every recipient reading alike. */
  perDigestMs: number;
}

export interface FanOutResult {
  /** `busy`: a week whose digest is often two messages; `quiet`: one message each. */
  week: 'busy' | 'quiet';
  limit: number;
  recipients: number;
  delivered: number;
  ratePerSecond: number;
  percentOfLimit: number;
  refused: number;
  /** The refusals by the limit each went over: overall (30 a second), one chat (one a second), one group (20 a minute). */
  refusedBy: { overall: number; chat: number; group: number };
  /** The same part to the same chat twice. */
  duplicates: number;
  /** Messages delivered (a digest over 4,096 characters is several). */
  messages: number;
}

export interface DigestBenchResult {
  compose: ComposeResult[];
  fanOut: FanOutResult[];
}

export async function benchDigest(options: { sizes?: number[]; fanOut?: number } = {}): Promise<DigestBenchResult> {
  const compose: ComposeResult[] = [];
  for (const size of options.sizes ?? [2_346, 100_000]) compose.push(await measureCompose(size));
  const fanOut = [await measureFanOut(options.fanOut ?? 600, 'quiet'), await measureFanOut(options.fanOut ?? 600, 'busy')];
  return { compose, fanOut };
}

interface Hub {
  db: OpenDatabase;
  services: SqliteServices;
  close(): void;
}

function openHub(name: string): Hub {
  const dir = mkdtempSync(join(tmpdir(), `cphub-bench-${name}-`));
  const db = openDatabase(join(dir, 'bench.db'));
  const services = createSqliteServices(db, { now: () => SUBSCRIBED });
  return { db, services, close: () => (db.close(), rmSync(dir, { recursive: true, force: true })) };
}

/** Members in every language, a quarter with a country filter, a quarter with a topic, subscribed on Telegram. */
function addSubscribers(hub: Hub, count: number): void {
  const sqlite = hub.db.sqlite;
  const at = SUBSCRIBED.toISOString();
  const member = sqlite.prepare("INSERT INTO members (id, language, country, topics, role, status, consent_version, consented_at, created_at, updated_at) VALUES (?, ?, ?, '[]', 'member', 'active', '1', ?, ?, ?)");
  const account = sqlite.prepare("INSERT INTO member_accounts (platform, user_id, member_id, linked_at) VALUES ('telegram', ?, ?, ?)");
  const subscription = sqlite.prepare("INSERT INTO digest_subscriptions (recipient_key, kind, member_id, platform, user_id, conversation_id, language, topics, countries, created_by, created_at, updated_at) VALUES (?, 'member', ?, 'telegram', ?, ?, '', ?, ?, ?, ?, ?)");
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = `m${i}`;
      const userId = String(10_000_000 + i);
      const country = COUNTRIES[i % COUNTRIES.length]!;
      member.run(id, MEMBER_LANGUAGES[i % MEMBER_LANGUAGES.length], country, at, at, at);
      account.run(userId, id, at);
      const topics = i % 4 === 1 ? '["online safety"]' : '[]';
      const countries = i % 4 === 2 ? JSON.stringify([country]) : '[]';
      subscription.run(`member:${id}`, id, userId, userId, topics, countries, id, at, at);
    }
  })();
}

/**
 * A busy week: 60 new documents, 40 news and 25 events and trainings in the
 * region's languages. A quiet one: 3 documents, 4 news, 3 events.
 */
function addWeek(hub: Hub, week: 'busy' | 'quiet' = 'busy'): void {
  const busy = week === 'busy';
  const [documents = []] = documentBatches(busy ? 60 : 3, 60);
  hub.services.store.upsertAll(documents, ADDED);
  const items: ContentItem[] = [];
  const languages = [['en', 'en'], ['sq', 'sq'], ['sr-Latn', 'sh'], ['bg', 'bg'], ['hu', 'hu'], ['ro', 'ro']] as const;
  const news = busy ? 40 : 4;
  for (let i = 0; i < (busy ? 65 : 7); i++) {
    const [language, languageGroup] = busy ? languages[i % languages.length]! : languages[0];
    const dated = i >= news;
    items.push({
      id: `c-${i}`, kind: dated ? (i % 2 ? 'event' : 'training') : 'news', title: `Item ${i} on child protection in the region`,
      summary: 'A summary of a sentence or two about the item, as organisers write them.', url: `https://example.org/item/${i}`,
      language, languageGroup, country: COUNTRIES[i % COUNTRIES.length]!, topics: i % 3 ? ['online safety'] : ['alternative care'],
      ...(dated ? { startsAt: new Date(DUE.getTime() + (1 + (i % 12)) * 86_400_000) } : {}),
      publishedAt: ADDED,
    });
  }
  hub.services.content.upsertAll(items, ADDED);
}

async function measureCompose(size: number): Promise<ComposeResult> {
  const hub = openHub('digest');
  try {
    addSubscribers(hub, size);
    addWeek(hub);
    const translator = createTranslator();
    let started = performance.now();
    const recipients = await hub.services.subscriptions.recipients(DUE, 'Europe/Belgrade');
    const readMs = performance.now() - started;
    started = performance.now();
    const week = await loadDigestWeek(hub.services.digestSources, WEEK_START, DUE);
    const weekMs = performance.now() - started;
    started = performance.now();
    // As the job does: recipients who read alike share one composed digest.
    const composer = new DigestComposer(week, translator);
    let nonEmpty = 0;
    for (const recipient of recipients) {
      const reader = { language: recipient.language, timeZone: recipient.timeZone, filter: recipient.filter, command: (name: string) => `/${name}`, commandPrefix: '/' };
      if (composer.compose(reader)) nonEmpty += 1;
    }
    const composeMs = performance.now() - started;
    return { recipients: recipients.length, readMs, weekMs, composeMs, perRecipientUs: (composeMs * 1000) / recipients.length, nonEmpty, distinct: composer.distinct, perDigestMs: composeMs / composer.distinct };
  } finally {
    hub.close();
  }
}

/** The real job and Telegram adapter, at the default 30/s, against a fake that refuses the 31st message in any second. */
async function measureFanOut(count: number, week: 'busy' | 'quiet'): Promise<FanOutResult> {
  const limit = 30;
  const fake = await ForkedFake.start<{ url: string; token: string }>('./fake-telegram-process.ts', { CPHUB_FAKE_RATE: String(limit) });
  const hub = openHub('fanout');
  try {
    addSubscribers(hub, count);
    addWeek(hub, week);
    const adapter = createTelegramAdapter({
      config: { token: fake.info.token, apiRoot: fake.info.url, sendsPerSecond: limit },
      router: { handle: async () => [] } as never,
      translator: createTranslator(),
      chats: hub.services.chats,
      ledger: hub.services.ledger,
      buttons: hub.services.buttons,
      logger: quietLogger,
    });
    const job = createDigestJob({ services: hub.services, translator: createTranslator(), logger: quietLogger, schedule: SCHEDULE, hubTimeZone: 'Europe/Belgrade', messengers: [adapter.messenger] });
    await job.run(DUE);
    const { times, chats, texts } = (await fake.ask({ type: 'calls', method: 'sendMessage' })) as { times: number[]; chats: string[]; texts: string[] };
    const { refused, by: refusedBy } = (await fake.ask({ type: 'rateLimited' })) as { refused: number; by: FanOutResult['refusedBy'] };
    const sorted = [...times].sort((a, b) => a - b);
    // Messages delivered, not requests: a refused (429) request is not part of the rate the limit allows.
    const ratePerSecond = ((sorted.length - refused - 1) / (sorted.at(-1)! - sorted[0]!)) * 1000;
    return { week, limit, recipients: count, delivered: new Set(chats).size, ratePerSecond, percentOfLimit: (ratePerSecond / limit) * 100, refused, refusedBy, duplicates: chats.length - refused - new Set(chats.map((chat, i) => `${chat}\n${texts[i]}`)).size, messages: chats.length - refused };
  } finally {
    await fake.close();
    hub.close();
  }
}
