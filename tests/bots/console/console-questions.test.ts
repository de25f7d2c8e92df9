/**
 * The console is a platform that receives unprompted messages: the real
 * `cphub start --console` as a child process beside Telegram (the fake Bot
 * API). A question asked at the terminal and answered from Telegram shows
 * up in the running chat, marked as arriving, with a button that accepts
 * it; a question asked on Telegram reaches the console member as an expert,
 * who answers it there, and the asker on Telegram gets the answer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PRIVACY_VERSION } from '../../../core/commands/privacy.ts';
import type { PlatformName } from '../../../core/model/incoming.ts';
import { openDatabase } from '../../../db/open-database.ts';
import { createSqliteServices } from '../../../db/sqlite-services.ts';
import { freshDatabaseFolder, startCliSession, type CliSession } from '../../support/cli-session.ts';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram.ts';
import { privateMessage } from '../../support/telegram-harness.ts';
import { press } from '../../support/telegram-members.ts';

const TIMEOUT = 60_000;
const TELEGRAM_MEMBER = 100000010;
let fake: FakeTelegram | undefined;
let cli: CliSession | undefined;
let cleanUp: (() => void) | undefined;
afterEach(async () => {
  if (cli && cli.child.exitCode === null) cli.child.kill('SIGTERM');
  await cli?.exited;
  await fake?.close();
  cleanUp?.();
  fake = cli = cleanUp = undefined;
});

/** Members made in the database before cphub starts: the console's `local` and a Telegram member; `expert` is the one with the expert role. */
async function hubWith(expert: 'telegram' | 'console'): Promise<string> {
  const folder = freshDatabaseFolder('cphub-console-qa-');
  cleanUp = folder.cleanUp;
  const db = openDatabase(folder.database);
  const services = createSqliteServices(db, { now: () => new Date() });
  const join = async (platform: PlatformName, userId: string, name: string) => {
    const member = await services.members.join({ platform, userId, displayName: name, language: 'en' }, PRIVACY_VERSION);
    await services.members.updateProfile(member.id, { displayName: name });
    if (platform === expert) {
      await services.members.setRole(member.id, 'expert', 'cli');
      await services.experts.update(member.id, { topics: ['alternative care'], languages: ['en'], countries: [] });
    }
  };
  await join('console', 'local', 'Ana');
  await join('telegram', String(TELEGRAM_MEMBER), 'Goran');
  db.close();
  return folder.database;
}

async function startBesideTelegram(database: string): Promise<CliSession> {
  fake = await startFakeTelegram();
  const session = startCliSession(['start', '--console'], database, { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.url, CPHUB_SAMPLE_LIBRARY: 'off' });
  await session.waitFor(/telegram is running/, 'stderr');
  return session;
}

describe('the console receives what other platforms send it', () => {
  it('asked at the terminal, answered from Telegram: the answer arrives in the chat and is accepted there', async () => {
    cli = await startBesideTelegram(await hubWith('telegram'));
    const routed = fake!.waitForCall('sendMessage', (call) => call.params.chat_id === TELEGRAM_MEMBER && /A question for you as an expert/.test(call.params.text), 30_000);
    cli.write('/ask How do we find foster families for teenagers?');
    await cli.waitFor(/Your question, not posted yet/);
    cli.write('post');
    const id = (await cli.waitFor(/Posted as (Q[A-Z0-9]+)/))[1]!;
    expect((await routed).params.text).toContain(id);

    const confirmed = fake!.waitForCall('sendMessage', (call) => call.params.chat_id === TELEGRAM_MEMBER && /sent to the asker/.test(call.params.text), 30_000);
    fake!.pushUpdates(privateMessage(1, `/answer ${id} Start with the regional foster care centre.`, { id: TELEGRAM_MEMBER, language_code: 'en' }));
    await confirmed;
    const arrived = await cli.waitFor(/── A message for you ──\n([\s\S]*?)\n\n(?=\S|$)/);
    expect(arrived[1]).toContain(`has an answer`);
    expect(arrived[1]).toContain('Start with the regional foster care centre.');
    expect(arrived[1]).toContain('Goran');
    expect(arrived[1]).toMatch(/\[1\] Accept this answer/);

    // Its button is the one a number presses now; the accepted answer is printed again, marked.
    cli.write('1');
    await cli.waitFor(/Answer 1 to Q[A-Z0-9]+ is accepted/);
    const updated = await cli.waitFor(/── A message above, updated ──\n([\s\S]*?)\n\n/);
    expect(updated[1]).toContain('Accepted by the asker');
    cli.child.stdin.end();
    expect(await cli.exited).toBe(0);
  }, TIMEOUT);

  it('asked on Telegram, routed to the console member as an expert, answered at the terminal and delivered back', async () => {
    cli = await startBesideTelegram(await hubWith('console'));
    const preview = fake!.waitForCall('sendMessage', (call) => /not posted yet/.test(call.params.text), 30_000);
    fake!.pushUpdates(privateMessage(1, '/ask How do we find foster families for teenagers?', { id: TELEGRAM_MEMBER, language_code: 'en' }));
    fake!.pushUpdates(press(2, TELEGRAM_MEMBER, (await preview).params.reply_markup, 'Post'));
    const routed = await cli.waitFor(/── A message for you ──\n([\s\S]*?)\n\n(?=\S|$)/);
    expect(routed[1]).toContain('A question for you as an expert');
    expect(routed[1]).toContain('Asked by Goran');
    expect(routed[1]).toMatch(/\[1\] Answer\s+\[2\] Not for me/);
    const id = /Question (Q[A-Z0-9]+)/.exec(routed[1]!)![1]!;

    const delivered = fake!.waitForCall('sendMessage', (call) => call.params.chat_id === TELEGRAM_MEMBER && /has an answer/.test(call.params.text), 30_000);
    cli.write('1');
    await cli.waitFor(new RegExp(`Write your answer to ${id} as your next message`));
    cli.write('Start with the regional foster care centre.');
    await cli.waitFor(/sent to the asker/);
    const answer = await delivered;
    expect(answer.params.text).toContain('Start with the regional foster care centre.');
    expect(answer.params.text).toContain('Ana');
    cli.child.stdin.end();
    expect(await cli.exited).toBe(0);
  }, TIMEOUT);
});
