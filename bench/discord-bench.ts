/**
 * Discord through the real stack: `/search` interactions dispatched by the
 * fake gateway (in a child process) through discord.js + core + SQLite on
 * the generated 16,400-document library; interactions answered per second,
 * and the time from dispatch to the acknowledgement Discord needs within 3 s.
 */
import { createDiscordAdapter } from '../bots/discord/discord-adapter.ts';
import { openBenchHub, quietLogger } from './bench-hub.ts';
import { ForkedFake } from './forked-fake.ts';
import { QUERIES } from './queries.ts';
import { latency, type Latency } from './stats.ts';

export interface DiscordBenchResult {
  library: number;
  interactions: number;
  seconds: number;
  interactionsPerSecond: number;
  /** Dispatch → the deferral callback arriving at Discord, ms. */
  acknowledgement: Latency;
  /** Dispatch → the answer (the deferred reply edited), ms. */
  answer: Latency;
}

type Timing = { dispatched: number; acknowledged?: number; answered?: number };

export async function benchDiscord(options: { library?: number; interactions?: number } = {}): Promise<DiscordBenchResult> {
  const library = options.library ?? 16_400;
  const count = options.interactions ?? 2_000;
  const hub = openBenchHub(library, 'dc');
  const fake = await ForkedFake.start<{ apiUrl: string; token: string; applicationId: string }>('./fake-discord-process.ts');
  const { apiUrl, token, applicationId } = fake.info;
  const adapter = createDiscordAdapter({ config: { token, applicationId, apiUrl }, router: hub.router, ...hub.services, logger: quietLogger });
  try {
    await adapter.start();
    await fake.ask({ type: 'identified' });
    const start = Date.now();
    for (let i = 0; i < count; i += 250) {
      const batch = Array.from({ length: Math.min(250, count - i) }, (_, j) => searchInteraction(i + j));
      await fake.ask({ type: 'dispatch', interactions: batch });
    }
    let timings: Timing[] = [];
    const deadline = Date.now() + 300_000;
    while (timings.filter((timing) => timing.answered).length < count) {
      if (Date.now() > deadline) throw new Error(`discord bench: ${timings.filter((timing) => timing.answered).length} of ${count} answered after 5 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      timings = (await fake.ask({ type: 'timings' })).timings;
    }
    const seconds = (Math.max(...timings.map((timing) => timing.answered!)) - start) / 1000;
    return {
      library,
      interactions: count,
      seconds,
      interactionsPerSecond: count / seconds,
      acknowledgement: latency(timings.map((timing) => timing.acknowledged! - timing.dispatched)),
      answer: latency(timings.map((timing) => timing.answered! - timing.dispatched)),
    };
  } finally {
    await adapter.stop();
    await fake.close();
    hub.close();
  }
}

/** A guild `/search` as Discord sends it (shape of tests/fixtures/discord's slash-command example). */
function searchInteraction(n: number): Record<string, unknown> {
  const user = { id: String(100_000_000_000_000_000n + BigInt(n % 1000)), username: `member${n % 1000}`, discriminator: '0', avatar: null, global_name: null };
  return {
    id: String(786_008_729_714_688_003n + BigInt(n)),
    token: `bench-token-${n}`,
    type: 2,
    version: 1,
    guild_id: '290926798626095108',
    channel_id: '645027906669510662',
    channel: { id: '645027906669510662', type: 0 },
    member: { user, roles: [], permissions: '2147483647', joined_at: '2017-03-13T19:19:14.040000+00:00', deaf: false, mute: false },
    app_permissions: '442368',
    locale: 'sr',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: {},
    context: 0,
    data: { id: '771825006014365701', type: 1, name: 'search', options: [{ type: 3, name: 'query', value: QUERIES[n % QUERIES.length]!.text.slice(0, 500) }] },
  };
}
