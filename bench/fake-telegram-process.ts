/**
 * The fake Bot API in its own process for the benchmark, so the bot under
 * measurement has its core to itself. Driven over IPC: `push` queues
 * updates, `calls` returns the arrival times of a method's calls.
 */
import { startFakeTelegram } from '../tests/support/fake-telegram.ts';

// CPHUB_FAKE_RATE: the broadcast limit the fake enforces (429 beyond it), as Telegram does — with
// Telegram's one message a second to a chat and 20 a minute to a group.
const rate = Number(process.env.CPHUB_FAKE_RATE ?? 0);
const enforceRate = { perSecond: rate, perChatPerSecond: 1, perGroupPerMinute: 20 };
const fake = await startFakeTelegram({ longPollCapMs: 50, ...(rate > 0 ? { enforceRate } : {}) });

type Command = { id: number; type: 'push'; updates: object[] } | { id: number; type: 'calls'; method: string } | { id: number; type: 'rateLimited' } | { id: number; type: 'close' };

process.on('message', async (command: Command) => {
  if (command.type === 'push') {
    fake.pushUpdates(...command.updates);
    process.send!({ id: command.id });
  } else if (command.type === 'rateLimited') {
    process.send!({ id: command.id, refused: fake.rateLimited(), by: fake.rateLimitedBy() });
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
