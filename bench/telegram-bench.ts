/**
 * Telegram through the real stack: updates handled per second (grammY
 * runner + core + SQLite on the generated 16,400-document library) and the
 * sustained rate of unprompted sends against the configured limit. The fake
 * Bot API runs in a child process, so this process's core is the bot's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTelegramAdapter, type TelegramAdapter } from '../bots/telegram/telegram-adapter.ts';
import { createCoreRouter } from '../core/commands/index.ts';
import { paragraph, reply, text } from '../core/model/reply-builders.ts';
import type { Logger } from '../core/ports.ts';
import { openDatabase, type OpenDatabase } from '../db/open-database.ts';
import { createSqliteServices, type SqliteServices } from '../db/sqlite-services.ts';
import { createTranslator } from '../locales/translator.ts';
import { documentBatches } from './corpus.ts';
import { ForkedFake } from './forked-fake.ts';
import { QUERIES } from './queries.ts';

const NOW = new Date('2026-03-01T09:00:00Z');
const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };

export interface InboundResult {
  command: string;
  updates: number;
  seconds: number;
  updatesPerSecond: number;
}

export interface TelegramBenchResult {
  library: number;
  /** `/search` with the query mix, and `/help` (no search: the adapter's own ceiling). */
  inbound: InboundResult[];
  sends: Array<{ limit: number; messages: number; ratePerSecond: number; percentOfLimit: number; busiestSecond: number }>;
}

export async function benchTelegram(options: { library?: number; updates?: number } = {}): Promise<TelegramBenchResult> {
  const library = options.library ?? 16_400;
  const updates = options.updates ?? 3_000;
  const dir = mkdtempSync(join(tmpdir(), 'cphub-bench-tg-'));
  const db = openDatabase(join(dir, 'bench.db'));
  const fake = await FakeProcess.start();
  try {
    const services = createSqliteServices(db, { now: () => NOW });
    for (const batch of documentBatches(library, 5_000)) services.store.upsertAll(batch, NOW);
    const inbound = [
      await measureInbound(db, services, fake, updates, (i) => `/search ${QUERIES[i % QUERIES.length]!.text}`),
      await measureInbound(db, services, fake, updates, () => '/help'),
    ];
    const sends = [];
    for (const [limit, messages] of [[30, 300], [200, 1_000]] as const) sends.push(await measureSends(services, fake, limit, messages));
    return { library, inbound, sends };
  } finally {
    await fake.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function createAdapter(services: SqliteServices, fake: FakeProcess, sendsPerSecond: number): TelegramAdapter {
  const translator = createTranslator();
  // The clock stands still in the bench: a member pace would count every command as at once.
  const router = createCoreRouter({ ...services, documents: services.store, translator, clock: { now: () => NOW }, logger: quiet }, { memberRateLimit: false });
  return createTelegramAdapter({
    config: { token: fake.token, apiRoot: fake.url, sendsPerSecond },
    router,
    translator,
    chats: services.chats,
    ledger: services.ledger,
    buttons: services.buttons,
    logger: quiet,
    pollTimeoutSeconds: 1,
  });
}

let nextUpdateId = 1;

/** N updates from 1,000 members; timed from the first push until the last answer arrives. */
async function measureInbound(
  db: OpenDatabase,
  services: SqliteServices,
  fake: FakeProcess,
  count: number,
  command: (i: number) => string,
): Promise<InboundResult> {
  const adapter = createAdapter(services, fake, 30);
  await adapter.start();
  const before = (await fake.callTimes('sendMessage')).length;
  const updates = Array.from({ length: count }, (_, i) => commandUpdate(nextUpdateId++, 1_000_000 + (i % 1000), command(i)));
  const start = Date.now();
  for (let i = 0; i < updates.length; i += 500) await fake.push(updates.slice(i, i + 500));
  let answered: number[] = [];
  while (answered.length - before < count) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    answered = await fake.callTimes('sendMessage');
  }
  const seconds = (Math.max(...answered.slice(before)) - start) / 1000;
  await adapter.stop();
  db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { command: command(0).split(' ')[0]!, updates: count, seconds, updatesPerSecond: count / seconds };
}

/** Unprompted messages to distinct chats as fast as the limiter allows. */
async function measureSends(services: SqliteServices, fake: FakeProcess, limit: number, messages: number) {
  const adapter = createAdapter(services, fake, limit);
  const before = (await fake.callTimes('sendMessage')).length;
  const note = reply([paragraph(text('Weekly digest'))]);
  await Promise.all(Array.from({ length: messages }, (_, i) => adapter.messenger.send({ conversationId: String(5_000_000 + i) }, note)));
  const times = (await fake.callTimes('sendMessage')).slice(before).sort((a, b) => a - b);
  // Evenly spaced sends: n - 1 intervals between the first and the last arrival.
  const ratePerSecond = ((times.length - 1) / (times.at(-1)! - times[0]!)) * 1000;
  return { limit, messages, ratePerSecond, percentOfLimit: (ratePerSecond / limit) * 100, busiestSecond: busiestWindow(times, 1000) };
}

function busiestWindow(sorted: number[], windowMs: number): number {
  let best = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last += 1) {
    while (sorted[last]! - sorted[first]! >= windowMs) first += 1;
    best = Math.max(best, last - first + 1);
  }
  return best;
}

function commandUpdate(updateId: number, userId: number, text: string): object {
  const command = text.split(' ')[0]!;
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1_700_000_000,
      chat: { id: userId, type: 'private', first_name: 'Member' },
      from: { id: userId, is_bot: false, first_name: 'Member', language_code: 'sr' },
      text: text.slice(0, 4096),
      entities: [{ type: 'bot_command', offset: 0, length: command.length }],
    },
  };
}

/** The fake Bot API in its child process. */
class FakeProcess {
  private constructor(private readonly fake: ForkedFake<{ url: string; token: string }>) {}

  static async start(): Promise<FakeProcess> {
    return new FakeProcess(await ForkedFake.start('./fake-telegram-process.ts'));
  }

  get url(): string {
    return this.fake.info.url;
  }

  get token(): string {
    return this.fake.info.token;
  }

  push(updates: object[]): Promise<unknown> {
    return this.fake.ask({ type: 'push', updates });
  }

  async callTimes(method: string): Promise<number[]> {
    return (await this.fake.ask({ type: 'calls', method })).times;
  }

  close(): Promise<unknown> {
    return this.fake.close();
  }
}
