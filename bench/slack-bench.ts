/**
 * Slack through the real stack: `/hub search` commands sent as Socket Mode
 * envelopes by the fake (in a child process) through Bolt + core + SQLite on
 * the generated 16,400-document library; commands answered per second, and
 * the time from sending to the acknowledgement Slack needs within 3 s.
 */
import { createSlackAdapter } from '../bots/slack/slack-adapter.ts';
import { openBenchHub, quietLogger } from './bench-hub.ts';
import { ForkedFake } from './forked-fake.ts';
import { QUERIES } from './queries.ts';
import { latency, type Latency } from './stats.ts';

export interface SlackBenchResult {
  library: number;
  commands: number;
  seconds: number;
  commandsPerSecond: number;
  /** Envelope sent → its ack back at Slack, ms. */
  acknowledgement: Latency;
  /** Envelope sent → the answer posted to the response_url, ms. */
  answer: Latency;
}

type Timing = { sent: number; acknowledged?: number; answered?: number };

export async function benchSlack(options: { library?: number; commands?: number } = {}): Promise<SlackBenchResult> {
  const library = options.library ?? 16_400;
  const count = options.commands ?? 2_000;
  const hub = openBenchHub(library, 'sl');
  const fake = await ForkedFake.start<{ apiUrl: string; botToken: string; appToken: string }>('./fake-slack-process.ts');
  const { apiUrl, botToken, appToken } = fake.info;
  const config = { botToken, apiUrl, mode: { kind: 'socket' as const, appToken } };
  const adapter = createSlackAdapter({ config, router: hub.router, translator: hub.translator, ...hub.services, logger: quietLogger });
  try {
    await adapter.start();
    await fake.ask({ type: 'connected' });
    const start = Date.now();
    for (let i = 0; i < count; i += 250) {
      const batch = Array.from({ length: Math.min(250, count - i) }, (_, j) => hubSearch(i + j));
      await fake.ask({ type: 'commands', commands: batch });
    }
    const timings = await waitForAnswers(fake, count);
    const seconds = (Math.max(...timings.map((timing) => timing.answered!)) - start) / 1000;
    return {
      library,
      commands: count,
      seconds,
      commandsPerSecond: count / seconds,
      acknowledgement: latency(timings.map((timing) => timing.acknowledged! - timing.sent)),
      answer: latency(timings.map((timing) => timing.answered! - timing.sent)),
    };
  } finally {
    await adapter.stop();
    await fake.close();
    hub.close();
  }
}

async function waitForAnswers(fake: ForkedFake<unknown>, count: number): Promise<Timing[]> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const timings: Timing[] = (await fake.ask({ type: 'timings' })).timings;
    if (timings.filter((timing) => timing.answered && timing.acknowledged).length >= count) return timings;
    if (Date.now() > deadline) throw new Error('slack bench: not every command was answered within 5 minutes');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A `/hub search …` slash command as Slack sends it (fields of tests/fixtures/slack's recorded command). */
function hubSearch(n: number): Record<string, string> {
  return {
    token: 'verification-token',
    team_domain: 'bench',
    channel_id: 'C00BENCH001',
    channel_name: 'library',
    user_id: `U00BENCH${String(n % 1000).padStart(4, '0')}`,
    user_name: `member${n % 1000}`,
    command: '/hub',
    text: `search ${QUERIES[n % QUERIES.length]!.text.slice(0, 3000)}`,
    is_enterprise_install: 'false',
    trigger_id: `bench.${n}`,
  };
}
