/**
 * What Telegram answers when it says no — 429, 403, the supergroup 400, 500,
 * refused HTML, a slow answer — scripted on the fake, and what the adapter
 * does about it, seen in the requests that follow and in the database.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { paragraph, reply, text } from '../../../core/model/reply-builders.ts';
import { startTelegramHarness, privateMessage, type TelegramHarness } from '../../support/telegram-harness.ts';

let harness: TelegramHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(): Promise<TelegramHarness> {
  harness = await startTelegramHarness();
  return harness;
}

const hello = reply([paragraph(text('Hello <members> & friends'))]);

describe('Telegram outbound', () => {
  it('waits retry_after on a 429 and sends again', async () => {
    const { fake, sleeps } = await start();
    fake.script('sendMessage', { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    fake.pushUpdates(privateMessage(1, '/help'));
    const [refused, sent] = await fake.waitForCalls('sendMessage', 2);
    expect(sent!.params.text).toEqual(refused!.params.text);
    expect(sleeps).toContain(1000);
  });

  it('a 403 marks the chat unreachable and nothing more is sent there', async () => {
    const { fake, adapter, core } = await start();
    fake.script('sendMessage', { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    await expect(adapter.messenger.send({ conversationId: '4242' }, hello)).rejects.toMatchObject({ name: 'PlatformError', code: 'FORBIDDEN' });
    expect(await core.services.chats.find('telegram', '4242')).toMatchObject({ status: 'unreachable', kind: 'private' });
    await expect(adapter.messenger.send({ conversationId: '4242' }, hello)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
  });

  it('follows a group that became a supergroup and moves it in the directory', async () => {
    const { fake, adapter, core } = await start();
    await core.services.chats.remember({ platform: 'telegram', id: '-400000001', kind: 'group', language: 'bg' });
    fake.script('sendMessage', {
      ok: false, error_code: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat',
      parameters: { migrate_to_chat_id: -1001000000003 },
    });
    await adapter.messenger.send({ conversationId: '-400000001' }, hello);
    expect(fake.callsTo('sendMessage').map((call) => call.params.chat_id)).toEqual([-400000001, -1001000000003]);
    expect(await core.services.chats.find('telegram', '-1001000000003')).toMatchObject({ language: 'bg', status: 'active' });
  });

  it('tries again after a 500, and reports a persistent one as a NETWORK PlatformError', async () => {
    const { fake, adapter } = await start();
    fake.script('sendMessage', { ok: false, error_code: 500, description: 'Internal Server Error' });
    await adapter.messenger.send({ conversationId: '5' }, hello);
    expect(fake.callsTo('sendMessage')).toHaveLength(2);
    fake.script('sendMessage', { ok: false, error_code: 502, description: 'Bad Gateway' }, 10);
    await expect(adapter.messenger.send({ conversationId: '6' }, hello)).rejects.toMatchObject({ code: 'NETWORK' });
    // One try and three more.
    expect(fake.callsTo('sendMessage').filter((call) => call.params.chat_id === 6)).toHaveLength(4);
  });

  it('sends refused HTML once more as plain text', async () => {
    const { fake, adapter } = await start();
    fake.script('sendMessage', { ok: false, error_code: 400, description: "Bad Request: can't parse entities: Unsupported start tag" });
    await adapter.messenger.send({ conversationId: '7' }, hello);
    const [html, plain] = fake.callsTo('sendMessage');
    expect(html!.params).toMatchObject({ parse_mode: 'HTML', text: 'Hello &lt;members&gt; &amp; friends' });
    expect(plain!.params.parse_mode).toBeUndefined();
    expect(plain!.params.text).toBe('Hello <members> & friends');
  });

  it('waits for a slow Telegram', async () => {
    const { fake, adapter } = await start();
    fake.script('sendMessage', async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { ok: true, result: { message_id: 1, date: 0, chat: { id: 8, type: 'private' }, text: 'x' } };
    });
    const started = Date.now();
    await adapter.messenger.send({ conversationId: '8' }, hello);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('splits a long message at line ends within 4096 characters, the keyboard under the last part', async () => {
    const { fake, adapter } = await start();
    const lines = Array.from({ length: 120 }, (_, i) => paragraph(text(`Line ${i}: ${'word '.repeat(12)}<tag> & more`)));
    const long = reply(lines, { buttons: [[{ actionId: 'search.page', label: 'Next ›', value: 'tok:1' }]] });
    await adapter.messenger.send({ conversationId: '9' }, long);
    const parts = fake.callsTo('sendMessage');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.params.text.length).toBeLessThanOrEqual(4096);
    expect(parts.slice(0, -1).every((part) => part.params.reply_markup === undefined)).toBe(true);
    expect(parts.at(-1)!.params.reply_markup.inline_keyboard[0][0]).toEqual({ text: 'Next ›', callback_data: 'search.page|tok:1' });
    const all = parts.map((part) => part.params.text).join('\n');
    for (let i = 0; i < 120; i += 1) expect(all).toContain(`Line ${i}: `);
  });

  it('keeps a payload longer than 64 bytes in the database behind a short token', async () => {
    const { fake, adapter, core } = await start();
    const value = 'a very long value that does not fit into telegram callback data at all';
    await adapter.messenger.send({ conversationId: '10' }, reply([paragraph(text('x'))], { buttons: [[{ actionId: 'qa.answer', label: 'Answer', value }]] }));
    const data: string = fake.callsTo('sendMessage')[0]!.params.reply_markup.inline_keyboard[0][0].callback_data;
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(data.startsWith('~')).toBe(true);
    expect(await core.services.buttons.load(data.slice(1))).toEqual({ actionId: 'qa.answer', value });
  });

  it('spaces unprompted messages to one chat a second apart', async () => {
    const { fake, adapter } = await start();
    await Promise.all([adapter.messenger.send({ conversationId: '11' }, hello), adapter.messenger.send({ conversationId: '11' }, hello)]);
    const [first, second] = fake.callsTo('sendMessage');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(990);
  });
});
