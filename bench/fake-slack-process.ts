/**
 * The fake Slack in its own process for the benchmark. Over IPC: `commands`
 * sends `/hub` envelopes (recording when), `timings` returns per command
 * when it was sent, acknowledged and answered (its response_url posted).
 */
import { startFakeSlack } from '../tests/support/fake-slack.ts';

const fake = await startFakeSlack();
const sentAt = new Map<string, { sent: number; acknowledged?: number }>();

type Command =
  | { id: number; type: 'commands'; commands: Array<Record<string, string>> }
  | { id: number; type: 'connected' }
  | { id: number; type: 'timings' }
  | { id: number; type: 'close' };

process.on('message', async (command: Command) => {
  switch (command.type) {
    case 'connected':
      await fake.waitForConnections(1, 30_000);
      process.send!({ id: command.id });
      break;
    case 'commands':
      for (const body of command.commands) {
        const timing: { sent: number; acknowledged?: number } = { sent: Date.now() };
        sentAt.set(body.trigger_id!, timing);
        const payload = { ...body, team_id: fake.teamId, api_app_id: fake.appId, response_url: fake.responseUrl(body.trigger_id!) };
        void fake.sendEnvelope('slash_commands', payload, { timeoutMs: 600_000 }).then((ack) => (timing.acknowledged = ack.at));
      }
      process.send!({ id: command.id });
      break;
    case 'timings': {
      const answered = new Map(fake.callsTo('response_url').map((call) => [String(call.params._id), call.at]));
      const timings = [...sentAt].map(([trigger, timing]) => ({ ...timing, answered: answered.get(trigger) }));
      process.send!({ id: command.id, timings });
      break;
    }
    case 'close':
      await fake.close();
      process.send!({ id: command.id });
      process.exit(0);
  }
});
process.send!({ ready: true, apiUrl: fake.apiUrl, botToken: fake.botToken, appToken: fake.appToken });
