/**
 * Exactly once on Discord and Slack: `cphub digest send` killed with SIGKILL
 * while a digest is on its way — after the platform took it but before the
 * answer came back, or before the platform had it — and run again. What the
 * fake platform holds is the truth: every member one digest, none twice,
 * none missing. Telegram cannot tell a resend from a new message, so there
 * the part on its way counts as delivered (digest-crash.test.ts); Discord
 * repeats it with the same nonce (Discord keeps the first), Slack looks for
 * it in the DM by its metadata.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countsOf, digestSend, prepareDigestHub, type DigestSendProcess } from '../support/digest-process.ts';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';

const MEMBERS = 12;
/** The request the sender dies on. */
const KILLED_AT = 5;
/** Long enough that the killed sender never hears the answer. */
const NEVER = 10_000;

type Arrival = 'taken' | 'lost';
const arrivals: Arrival[] = ['taken', 'lost'];

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cphub-digest-crash-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Kills `sender` at the KILLED_AT-th call; `taken`: the platform keeps that message first, `lost`: it never has it. */
function killer(sender: () => DigestSendProcess | undefined) {
  let calls = 0;
  return <T>(arrival: Arrival, deliver: () => T, refuse: () => T): { answer: T; killed: boolean } => {
    calls += 1;
    if (calls !== KILLED_AT) return { answer: deliver(), killed: false };
    const answer = arrival === 'taken' ? deliver() : refuse();
    sender()!.child.kill('SIGKILL');
    return { answer, killed: true };
  };
}

async function killAndResume(env: Record<string, string>, arm: (sender: () => DigestSendProcess | undefined) => void): Promise<string> {
  let first: DigestSendProcess | undefined;
  arm(() => first);
  first = digestSend(env);
  const killed = await first.done;
  expect(killed.signal).toBe('SIGKILL');
  const second = await digestSend(env).done;
  expect(second.code, second.stdout).toBe(0);
  // A third run finds everything done.
  const third = await digestSend(env).done;
  expect(third.stdout).toContain(`0 sent, 0 with nothing to send, ${MEMBERS} sent before`);
  return second.stdout;
}

describe('cphub digest send killed half-way on Discord', () => {
  let fake: FakeDiscord;
  beforeEach(async () => {
    fake = await startFakeDiscord();
  });
  afterEach(async () => {
    await fake.close();
  });

  const members = Array.from({ length: MEMBERS }, (_, i) => String(310_000_000_000_000_001n + BigInt(i)));
  const posts = () => fake.requestsTo('POST', /^\/channels\/\d+\/messages$/);

  it.each(arrivals)('the message on its way was %s by Discord: resumed, each member has one digest', async (arrival) => {
    const env = await prepareDigestHub(dir, 'discord', members, { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl });
    await killAndResume(env, (sender) => {
      const kill = killer(sender);
      fake.script('POST', /^\/channels\/\d+\/messages$/, (request) => {
        const { answer, killed } = kill(arrival, () => fake.answerDefault(request), () => ({ status: 500, body: { message: '500: Internal Server Error', code: 0 } }));
        return killed ? { ...answer, delayMs: NEVER } : answer;
      }, MEMBERS);
    });
    const channels = [...new Set(posts().map((request) => request.path.split('/')[2]!))];
    expect(channels).toHaveLength(MEMBERS);
    // What members see: one message in each DM.
    expect(channels.map((channel) => fake.channelMessages(channel).length)).toEqual(channels.map(() => 1));
    // The messages on their way when the sender died (the killed one, and any sent beside it) went
    // again with the same nonce: Discord kept the one it had, or made the one it did not.
    const perChannel = countsOf(posts().map((request) => request.path));
    const repeatedIn = [...perChannel].filter(([, n]) => n > 1).map(([path]) => path);
    expect(repeatedIn.length).toBeGreaterThan(0);
    expect([...perChannel.values()].every((n) => n <= 2)).toBe(true);
    for (const path of repeatedIn) {
      const [a, b] = posts().filter((request) => request.path === path);
      expect(b!.body.nonce).toBe(a!.body.nonce);
    }
    expect(posts().every((request) => request.body.enforce_nonce === true && typeof request.body.nonce === 'string')).toBe(true);
  }, 60_000);
});

describe('cphub digest send killed half-way on Slack', () => {
  let fake: FakeSlack;
  beforeEach(async () => {
    fake = await startFakeSlack();
  });
  afterEach(async () => {
    await fake.close();
  });

  const members = Array.from({ length: MEMBERS }, (_, i) => `U0MEMBER${String(i).padStart(3, '0')}`);

  it.each(arrivals)('the message on its way was %s by Slack: resumed, each member has one digest', async (arrival) => {
    const env = await prepareDigestHub(dir, 'slack', members, { SLACK_BOT_TOKEN: fake.botToken, SLACK_APP_TOKEN: fake.appToken, SLACK_API_URL: fake.apiUrl });
    await killAndResume(env, (sender) => {
      const kill = killer(sender);
      fake.script('chat.postMessage', (call) => {
        const { answer, killed } = kill(arrival, () => ({ body: fake.answerDefault(call) }), () => ({ status: 500, body: 'Internal Server Error' }));
        return killed ? { ...answer, delayMs: NEVER } : answer;
      }, MEMBERS);
    });
    const channels = [...new Set(fake.callsTo('chat.postMessage').map((call) => String(call.params.channel)))];
    expect(channels).toHaveLength(MEMBERS);
    // What members see: one message in each DM, carrying its delivery in its metadata.
    expect(channels.map((channel) => fake.channelMessages(channel).length)).toEqual(channels.map(() => 1));
    const posted = channels.map((channel) => fake.channelMessages(channel)[0]!);
    expect(posted.every((message) => (message.metadata as { event_type: string }).event_type === 'cphub_digest_part')).toBe(true);
    // The resumed sender looked in the DM of each message on its way when the sender died, and sent
    // one again only if it was not there: only the lost one.
    const looked = fake.callsTo('conversations.history');
    expect(looked.length).toBeGreaterThan(0);
    expect(looked.every((call) => ['true', true, '1'].includes(call.params.include_all_metadata as never))).toBe(true);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(arrival === 'taken' ? MEMBERS : MEMBERS + 1);
  }, 60_000);
});
