/**
 * The fake Discord (REST + gateway) in its own process for the benchmark.
 * Over IPC: `dispatch` sends interactions (recording when), `requests`
 * returns the arrival times of matching requests by interaction token.
 */
import { startFakeDiscord } from '../tests/support/fake-discord.ts';

const fake = await startFakeDiscord();
const dispatchedAt = new Map<string, number>();

type Command =
  | { id: number; type: 'dispatch'; interactions: Array<Record<string, any>> }
  | { id: number; type: 'timings' }
  | { id: number; type: 'identified' }
  | { id: number; type: 'close' };

/** Per interaction token: when it was dispatched, acknowledged (callback) and answered (@original edited). */
function timings(): Array<{ dispatched: number; acknowledged?: number; answered?: number }> {
  const byToken = new Map<string, { dispatched: number; acknowledged?: number; answered?: number }>();
  for (const [token, dispatched] of dispatchedAt) byToken.set(token, { dispatched });
  for (const request of fake.requests) {
    const callback = /^\/interactions\/[^/]+\/([^/]+)\/callback$/.exec(request.path);
    const edit = /^\/webhooks\/[^/]+\/([^/]+)\/messages\/@original$/.exec(request.path);
    const entry = byToken.get((callback ?? edit)?.[1] ?? '');
    if (entry && callback) entry.acknowledged ??= request.at;
    if (entry && edit && request.method === 'PATCH') entry.answered ??= request.at;
  }
  return [...byToken.values()];
}

process.on('message', async (command: Command) => {
  switch (command.type) {
    case 'dispatch':
      for (const interaction of command.interactions) {
        dispatchedAt.set(interaction.token, Date.now());
        fake.dispatch('INTERACTION_CREATE', { ...interaction, application_id: fake.applicationId });
      }
      process.send!({ id: command.id });
      break;
    case 'identified':
      await fake.identified(30_000);
      process.send!({ id: command.id });
      break;
    case 'timings':
      process.send!({ id: command.id, timings: timings() });
      break;
    case 'close':
      await fake.close();
      process.send!({ id: command.id });
      process.exit(0);
  }
});
process.send!({ ready: true, apiUrl: fake.apiUrl, token: fake.token, applicationId: fake.applicationId });
