/**
 * Smoke tests of the fake Telegram Bot API, driven by the real grammY client
 * and @grammyjs/runner polling loop over 127.0.0.1.
 */
import { run, type RunnerHandle } from '@grammyjs/runner';
import { Bot, GrammyError } from 'grammy';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from './fake-telegram.ts';

const CHAT_ID = 4242;
const open: FakeTelegram[] = [];
const runners: RunnerHandle[] = [];

afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => (runner.isRunning() ? runner.stop() : undefined)));
  await Promise.all(open.splice(0).map((fake) => fake.close()));
});

async function fakeAndBot(options: Parameters<typeof startFakeTelegram>[0] = {}, token?: string) {
  const fake = await startFakeTelegram(options);
  open.push(fake);
  const bot = new Bot(token ?? fake.token, { botInfo: fake.botInfo, client: { apiRoot: fake.url } });
  return { fake, bot };
}

function commandUpdate(updateId: number, command: string): object {
  const user = { id: CHAT_ID, is_bot: false, first_name: 'Ada' };
  return {
    update_id: updateId,
    message: {
      message_id: 7, date: 1_700_000_000, from: user, chat: { ...user, type: 'private' }, text: command,
      entities: [{ type: 'bot_command', offset: 0, length: command.length }],
    },
  };
}

describe('fake Telegram Bot API', () => {
  it('serves the runner: a /ping update is answered with pong and then confirmed', async () => {
    const { fake, bot } = await fakeAndBot();
    bot.command('ping', (ctx) => ctx.reply('pong'));
    const runner = run(bot);
    runners.push(runner);

    fake.pushUpdates(commandUpdate(10, '/ping'));
    const reply = await fake.waitForCall('sendMessage');
    expect(reply.params).toEqual({ chat_id: CHAT_ID, text: 'pong' });
    // The runner confirms an update only by sending offset = update_id + 1 on its next getUpdates.
    await vi.waitFor(() => expect(fake.confirmedOffset()).toBe(11));
    expect(fake.pendingUpdates()).toEqual([]);

    await vi.waitFor(() => expect(fake.heldPolls()).toBe(1));
    await runner.stop(); // aborts the held getUpdates mid-request
    await vi.waitFor(() => expect(fake.heldPolls()).toBe(0));
    await expect(bot.api.getMe()).resolves.toMatchObject({ username: 'ExampleBot' });
  });

  it('a scripted 429 reaches grammY as a GrammyError with retry_after', async () => {
    const { fake, bot } = await fakeAndBot();
    fake.script('sendMessage', {
      ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 },
    });

    const error = await bot.api.sendMessage(CHAT_ID, 'hello').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 429, parameters: { retry_after: 1 } });
    const sent = await bot.api.sendMessage(-100123, 'again', { message_thread_id: 5 });
    expect(sent).toMatchObject({ message_id: 1, chat: { id: -100123, type: 'supergroup' }, message_thread_id: 5 });
    expect(fake.callsTo('sendMessage')).toHaveLength(2);
  });

  it('enforces the broadcast limits it is given: 30 a second overall and one a second to a chat', async () => {
    const { fake, bot } = await fakeAndBot({ enforceRate: { perSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 } });
    const refusal = (chatId: number) => bot.api.sendMessage(chatId, 'x').then(() => 'ok', (error: GrammyError) => error.error_code);
    expect(await refusal(1)).toBe('ok');
    expect(await refusal(1)).toBe(429);
    // A refused message counts in no window: the second chat still has its one.
    expect(await refusal(2)).toBe('ok');
    const overall = await Promise.all(Array.from({ length: 30 }, (_, i) => refusal(100 + i)));
    expect(overall.filter((answer) => answer === 429)).toHaveLength(2);
    expect(fake.rateLimited()).toBe(3);
    expect(fake.rateLimitedBy()).toEqual({ overall: 2, chat: 1, group: 0 });
  });

  it('rejects a wrong token with 401 Unauthorized', async () => {
    const { fake, bot } = await fakeAndBot({}, '999:wrong');
    const error = await bot.api.getMe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 401, description: 'Unauthorized' });
    expect(fake.calls).toMatchObject([{ method: 'getMe', token: '999:wrong' }]);
  });

  it('delivers a slow scripted answer after its delay', async () => {
    const { fake, bot } = await fakeAndBot();
    fake.script('setMyCommands', async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { ok: true, result: true };
    });
    const started = Date.now();
    await expect(bot.api.setMyCommands([{ command: 'ping', description: 'Ping' }])).resolves.toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('close() releases a held getUpdates promptly', async () => {
    const { fake, bot } = await fakeAndBot({ longPollCapMs: 60_000 });
    const polling = bot.api.getUpdates({ timeout: 50 });
    await vi.waitFor(() => expect(fake.heldPolls()).toBe(1));

    const started = Date.now();
    await fake.close();
    await expect(polling).resolves.toEqual([]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('answers with Telegram HTTP statuses and accepts form-encoded params', async () => {
    const { fake } = await fakeAndBot();
    fake.script('sendMessage', { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    const endpoint = `${fake.url}/bot${fake.token}/sendMessage`;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };

    const blocked = await fetch(endpoint, { method: 'POST', headers: form, body: 'chat_id=5&text=hi' });
    expect(blocked.status).toBe(403);
    const sent = await fetch(`${endpoint}?chat_id=5`, { method: 'POST', headers: form, body: 'text=hi' });
    expect(await sent.json()).toMatchObject({ ok: true, result: { message_id: 1, text: 'hi' } });
    expect(fake.callsTo('sendMessage').map((call) => call.params)).toEqual([
      { chat_id: '5', text: 'hi' }, { chat_id: '5', text: 'hi' },
    ]);
    await expect(fake.waitForCall('editMessageText', undefined, 50)).rejects.toThrow(/sendMessage \{"chat_id":"5"/);
  });
});
