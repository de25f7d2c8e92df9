/**
 * Telegram through the real stack: updates handled per second (grammY
 * runner + core + SQLite on the generated 16,400-document library) and the
 * sustained rate of unprompted sends against the configured limit. The fake
 * Bot API runs in a child process, so this process's core is the bot's.
 */
import diagnostics from 'node:diagnostics_channel';
import { createTelegramAdapter, type TelegramAdapter } from '../bots/telegram/telegram-adapter.ts';
import { paragraph, reply, text } from '../core/model/reply-builders.ts';
import { openBenchHub, quietLogger, type BenchHub } from './bench-hub.ts';
import { ForkedFake } from './forked-fake.ts';
import { QUERIES } from './queries.ts';


export interface InboundResult {
  command: string;
  /** 'no result cache': every search ranked anew (the cache is on in the hub, and in the target row). */
  variant?: string;
  updates: number;
  seconds: number;
  updatesPerSecond: number;
  /**
   * This process's CPU time (user + system) an update, µs: the bot's own
   * cost, whatever else the machine is doing (the fake runs in another
   * process), and 1e6 / that = the updates a second one core of its own
   * would handle.
   */
  cpuMicrosPerUpdate: number;
}

export interface TelegramBenchResult {
  library: number;
  /**
   * `/search` with the query mix (61 queries, so most are remembered by the
   * search result cache, as a member's next page or a colleague's repeat
   * is), the same with the cache off, and `/help` (no search: the adapter's
   * own ceiling).
   */
  inbound: InboundResult[];
  /**
   * `busiestSecond`: the most sendMessage arrivals at the fake in a sliding
   * second; `busiestSecondSent`: the most requests the bot started in one,
   * as it made them (undici's diagnostics channel) — what the limiter
   * decides, before the scheduling of either process bunches the arrivals.
   */
  sends: Array<{ limit: number; messages: number; ratePerSecond: number; percentOfLimit: number; busiestSecond: number; busiestSecondSent: number }>;
}

export async function benchTelegram(options: { library?: number; updates?: number } = {}): Promise<TelegramBenchResult> {
  const library = options.library ?? 16_400;
  const updates = options.updates ?? 3_000;
  const hub = openBenchHub(library, 'tg');
  const fake = await FakeProcess.start();
  const search = (i: number) => `/search ${QUERIES[i % QUERIES.length]!.text}`;
  try {
    // Warm-up, not measured: a running bot has its code compiled (JIT) and its
    // connections open; without it the first row alone paid for that. Other
    // members, and /help searches nothing: the /search row still starts with
    // no search remembered and its 1,000 members unknown.
    await measureInbound(hub, fake, WARM_UP_UPDATES, () => '/help', 2_000_000);
    const inbound = [await measureInbound(hub, fake, updates, search)];
    const uncached = openBenchHub(library, 'tg-uncached', { cachedSearches: 0 });
    try {
      inbound.push({ ...(await measureInbound(uncached, fake, updates, search)), variant: 'no result cache' });
    } finally {
      uncached.close();
    }
    inbound.push(await measureInbound(hub, fake, updates, () => '/help'));
    const sends = [];
    for (const [limit, messages] of [[30, 300], [200, 1_000]] as const) sends.push(await measureSends(hub, fake, limit, messages));
    return { library, inbound, sends };
  } finally {
    await fake.close();
    hub.close();
  }
}

function createAdapter(hub: BenchHub, fake: FakeProcess, sendsPerSecond: number): TelegramAdapter {
  const { services } = hub;
  return createTelegramAdapter({
    config: { token: fake.token, apiRoot: fake.url, sendsPerSecond },
    router: hub.router,
    translator: hub.translator,
    chats: services.chats,
    ledger: services.ledger,
    buttons: services.buttons,
    logger: quietLogger,
    pollTimeoutSeconds: 1,
  });
}

let nextUpdateId = 1;
const WARM_UP_UPDATES = 1_000;

/** N updates from 1,000 members (ids from `firstMember`); timed from the first push until the last answer arrives. */
export async function measureInbound(
  hub: BenchHub,
  fake: FakeProcess,
  count: number,
  command: (i: number) => string,
  firstMember = 1_000_000,
): Promise<InboundResult> {
  const adapter = createAdapter(hub, fake, 30);
  await adapter.start();
  const before = (await fake.arrivals('sendMessage')).length;
  const updates = Array.from({ length: count }, (_, i) => commandUpdate(nextUpdateId++, firstMember + (i % 1000), command(i)));
  const start = Date.now();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < updates.length; i += 500) await fake.push(updates.slice(i, i + 500));
  // Until the fake has received the answer to every update (each is one sendMessage).
  const answered = await fake.arrivals('sendMessage', before, count);
  const cpu = process.cpuUsage(cpuStart);
  const seconds = (Math.max(...answered) - start) / 1000;
  await adapter.stop();
  hub.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { command: command(0).split(' ')[0]!, updates: count, seconds, updatesPerSecond: count / seconds, cpuMicrosPerUpdate: (cpu.user + cpu.system) / count };
}

/** Unprompted messages to distinct chats as fast as the limiter allows. */
async function measureSends(hub: BenchHub, fake: FakeProcess, limit: number, messages: number) {
  const adapter = createAdapter(hub, fake, limit);
  const before = (await fake.arrivals('sendMessage')).length;
  const note = reply([paragraph(text('Weekly digest'))]);
  const started: number[] = [];
  const onRequest = (message: unknown) => {
    if ((message as { request: { path: string } }).request.path.endsWith('/sendMessage')) started.push(performance.now());
  };
  diagnostics.subscribe('undici:request:create', onRequest);
  try {
    await Promise.all(Array.from({ length: messages }, (_, i) => adapter.messenger.send({ conversationId: String(5_000_000 + i) }, note)));
  } finally {
    diagnostics.unsubscribe('undici:request:create', onRequest);
  }
  const times = (await fake.arrivals('sendMessage', before)).sort((a, b) => a - b);
  // Evenly spaced sends: n - 1 intervals between the first and the last arrival.
  const ratePerSecond = ((times.length - 1) / (times.at(-1)! - times[0]!)) * 1000;
  return {
    limit, messages, ratePerSecond, percentOfLimit: (ratePerSecond / limit) * 100,
    busiestSecond: busiestWindow(times, 1000), busiestSecondSent: busiestWindow(started, 1000),
  };
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
export class FakeProcess {
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

  /** Arrival times of `method`'s calls from the `from`th on, once there are `count` of them (the fake waits). */
  async arrivals(method: string, from = 0, count = 0): Promise<number[]> {
    return (await this.fake.ask({ type: 'arrivals', method, from, count })).times;
  }

  close(): Promise<unknown> {
    return this.fake.close();
  }
}
