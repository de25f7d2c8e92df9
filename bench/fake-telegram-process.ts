/**
 * The fake Bot API in its own process for the benchmark, so the bot under
 * measurement has its core to itself. Driven over IPC: `push` queues
 * updates, `calls` returns the arrival times of a method's calls (with their
 * chats and texts), `arrivals` returns only the arrival times, from the
 * `from`th call on, once there are `count` of them (waiting here).
 */
import { startFakeTelegram } from '../tests/support/fake-telegram.ts';

// CPHUB_FAKE_RATE: the broadcast limit the fake enforces (429 beyond it), as Telegram does — with
// Telegram's one message a second to a chat and 20 a minute to a group.
const rate = Number(process.env.CPHUB_FAKE_RATE ?? 0);
const enforceRate = { perSecond: rate, perChatPerSecond: 1, perGroupPerMinute: 20 };
const fake = await startFakeTelegram({ longPollCapMs: 50, ...(rate > 0 ? { enforceRate } : {}) });

type Command =
  | { id: number; type: 'push'; updates: object[] }
  | { id: number; type: 'calls'; method: string }
  | { id: number; type: 'arrivals'; method: string; from: number; count?: number }
  | { id: number; type: 'rateLimited' }
  | { id: number; type: 'close' };

/**
 * Arrival times of each method's calls, read from `fake.calls` as it grows.
 * Waiting is done here, on a counter: asking for every call's text every few
 * milliseconds cost the bot's process, whose core is being measured, more
 * than a tenth of it (parsing megabytes of IPC messages).
 */
const arrivals = new Map<string, number[]>();
let scanned = 0;
function arrivalsOf(method: string): number[] {
  for (; scanned < fake.calls.length; scanned += 1) {
    const call = fake.calls[scanned]!;
    const times = arrivals.get(call.method) ?? [];
    times.push(call.at);
    arrivals.set(call.method, times);
  }
  return arrivals.get(method) ?? [];
}

async function awaitArrivals(method: string, from: number, count = 0): Promise<number[]> {
  while (arrivalsOf(method).length < from + count) await new Promise((resolve) => setTimeout(resolve, 5));
  return arrivalsOf(method).slice(from);
}

process.on('message', async (command: Command) => {
  if (command.type === 'push') {
    fake.pushUpdates(...command.updates);
    process.send!({ id: command.id });
  } else if (command.type === 'rateLimited') {
    process.send!({ id: command.id, refused: fake.rateLimited(), by: fake.rateLimitedBy() });
  } else if (command.type === 'arrivals') {
    process.send!({ id: command.id, times: await awaitArrivals(command.method, command.from, command.count) });
  } else if (command.type === 'calls') {
    const calls = fake.callsTo(command.method);
    process.send!({ id: command.id, times: calls.map((call) => call.at), chats: calls.map((call) => String(call.params.chat_id ?? '')), texts: calls.map((call) => String(call.params.text ?? '')) });
  } else {
    await fake.close();
    process.send!({ id: command.id });
    process.exit(0);
  }
});
process.send!({ ready: true, url: fake.url, token: fake.token });
