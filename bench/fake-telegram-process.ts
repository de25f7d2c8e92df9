/**
 * The fake Bot API in its own process for the benchmark, so the bot under
 * measurement has its core to itself. Driven over IPC: `push` queues
 * updates, `calls` returns the arrival times of a method's calls.
 */
import { startFakeTelegram } from '../tests/support/fake-telegram.ts';

const fake = await startFakeTelegram({ longPollCapMs: 50 });

type Command = { id: number; type: 'push'; updates: object[] } | { id: number; type: 'calls'; method: string } | { id: number; type: 'close' };

process.on('message', async (command: Command) => {
  if (command.type === 'push') {
    fake.pushUpdates(...command.updates);
    process.send!({ id: command.id });
  } else if (command.type === 'calls') {
    process.send!({ id: command.id, times: fake.callsTo(command.method).map((call) => call.at) });
  } else {
    await fake.close();
    process.send!({ id: command.id });
    process.exit(0);
  }
});
process.send!({ ready: true, url: fake.url, token: fake.token });
