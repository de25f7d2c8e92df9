/**
 * Starting and stopping the Telegram adapter: the token check, the command
 * menus, long polling and the webhook with its secret, updates left
 * unfinished by a crash, redeliveries, and a stop that finishes what it holds.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startTelegramHarness, privateMessage, type TelegramHarness } from '../../support/telegram-harness.ts';
import { coreCommandNames } from '../../support/command-names.ts';

let harness: TelegramHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function post(port: number, path: string, body: object, secret?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('Telegram start-up', () => {
  it('registers the command menu for every language, in private chats and in groups', async () => {
    harness = await startTelegramHarness();
    const calls = harness.fake.callsTo('setMyCommands');
    expect(calls).toHaveLength(16);
    const albanianPrivate = calls.find((call) => call.params.language_code === 'sq' && call.params.scope.type === 'all_private_chats');
    expect(albanianPrivate!.params.commands).toContainEqual({ command: 'search', description: 'kërkim në bibliotekë' });
    const defaultGroups = calls.find((call) => call.params.language_code === undefined && call.params.scope.type === 'all_group_chats');
    expect(defaultGroups!.params.commands.map((command: { command: string }) => command.command)).toEqual(coreCommandNames());
    expect(coreCommandNames()).toEqual(expect.arrayContaining(['start', 'help', 'search', 'doc', 'lang', 'news', 'events', 'ask', 'questions', 'question', 'answer', 'accept']));
    expect(calls.filter((call) => call.params.language_code === 'sr')).toHaveLength(2);
  });

  it('drops a webhook before long polling (getUpdates answers 409 while one is set)', async () => {
    harness = await startTelegramHarness();
    expect(harness.fake.callsTo('deleteWebhook')).toHaveLength(1);
  });

  it('a refused token fails start with an AUTH PlatformError and polls nothing', async () => {
    harness = await startTelegramHarness({ manualStart: true, token: '123:wrong' });
    await expect(harness.adapter.start()).rejects.toMatchObject({ name: 'PlatformError', code: 'AUTH' });
    expect(harness.fake.heldPolls()).toBe(0);
    expect(harness.fake.callsTo('setMyCommands')).toHaveLength(0);
  });

  it('a Bot API that cannot be reached fails start with a NETWORK PlatformError after a few tries', async () => {
    harness = await startTelegramHarness({ manualStart: true });
    await harness.fake.close();
    await expect(harness.adapter.start()).rejects.toMatchObject({ name: 'PlatformError', code: 'NETWORK' });
    expect(harness.sleeps).toEqual([2000, 4000]);
  });
});

describe('Telegram webhook', () => {
  it('sets the webhook with its secret and answers only requests that carry it', async () => {
    harness = await startTelegramHarness({ webhook: true });
    const { fake, adapter } = harness;
    expect(fake.callsTo('setWebhook')[0]!.params).toMatchObject({
      url: 'https://bot.example.org/telegram/hook',
      secret_token: 'test-secret_1',
      allowed_updates: expect.arrayContaining(['message', 'callback_query', 'my_chat_member']),
    });
    const port = adapter.webhookPort()!;
    expect(await post(port, '/telegram/hook', privateMessage(1, '/help'))).toBe(401);
    expect(await post(port, '/telegram/hook', privateMessage(2, '/help'), 'wrong')).toBe(401);
    expect(await post(port, '/elsewhere', privateMessage(3, '/help'), 'test-secret_1')).toBe(404);
    expect(fake.callsTo('sendMessage')).toHaveLength(0);
    expect(await post(port, '/telegram/hook', privateMessage(4, '/help'), 'test-secret_1')).toBe(200);
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
  });

  it('handles an update Telegram delivers twice only once', async () => {
    harness = await startTelegramHarness({ webhook: true });
    const port = harness.adapter.webhookPort()!;
    const update = privateMessage(5, '/help');
    const statuses = await Promise.all([post(port, '/telegram/hook', update, 'test-secret_1'), post(port, '/telegram/hook', update, 'test-secret_1')]);
    expect(await post(port, '/telegram/hook', update, 'test-secret_1')).toBe(200);
    expect(statuses).toEqual([200, 200]);
    expect(harness.fake.callsTo('sendMessage')).toHaveLength(1);
  });
});

describe('Telegram: nothing lost, nothing twice', () => {
  it('handles at start-up an update a crashed run had received but not finished', async () => {
    harness = await startTelegramHarness({ manualStart: true });
    const { core, adapter, fake } = harness;
    const update = privateMessage(700, '/start', { id: 77 });
    await core.services.ledger.receive('telegram', [{ id: '700', payload: JSON.stringify(update) }]);
    await adapter.start();
    const sent = await fake.waitForCall('sendMessage');
    expect(sent.params.chat_id).toBe(77);
    expect(await core.services.ledger.unfinished('telegram')).toEqual([]);
  });

  it('answers an update fetched twice once, and marks every answered update finished without a stop', async () => {
    harness = await startTelegramHarness();
    const { fake, core } = harness;
    fake.pushUpdates(privateMessage(810, '/help'), privateMessage(810, '/help'), privateMessage(811, '/help', { id: 78 }));
    await fake.waitForCalls('sendMessage', 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.callsTo('sendMessage').map((call) => call.params.chat_id).sort()).toEqual([78, 100000001].sort());
    const rows = core.db.sqlite.prepare("SELECT event_id, finished_at FROM inbound_events WHERE platform = 'telegram' AND event_id IN ('810', '811')").all();
    expect(rows).toEqual([
      { event_id: '810', finished_at: expect.any(String) },
      { event_id: '811', finished_at: expect.any(String) },
    ]);
  });

  it('stop waits for the answer in hand, then confirms the handled updates to Telegram', async () => {
    harness = await startTelegramHarness();
    const { fake, adapter, core } = harness;
    let answered = false;
    fake.script('sendMessage', async () => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      answered = true;
      return { ok: true, result: { message_id: 1, date: 0, chat: { id: 100000001, type: 'private' }, text: 'x' } };
    });
    fake.pushUpdates(privateMessage(800, '/help'));
    await fake.waitForCall('sendMessage');
    await adapter.stop();
    expect(answered).toBe(true);
    expect(await core.services.ledger.unfinished('telegram')).toEqual([]);
    expect(fake.confirmedOffset()).toBe(801);
  });
});
