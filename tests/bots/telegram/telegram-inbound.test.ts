/**
 * Updates as Telegram sends them (recorded fixtures, and cases derived from
 * them) travel the real grammY runner against the fake Bot API; the
 * assertions are on the requests Telegram would receive.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTelegramHarness, privateMessage, telegramFixture, type TelegramHarness } from '../../support/telegram-harness.ts';
import { telegramTestLibrary } from '../../support/telegram-library.ts';

let harness: TelegramHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(options: Parameters<typeof startTelegramHarness>[0] = {}): Promise<TelegramHarness> {
  harness = await startTelegramHarness({ documents: telegramTestLibrary(), ...options });
  return harness;
}

/** A fixture with its update_id changed, so each test's updates are new to the ledger. */
function fixture(name: string, updateId: number): any {
  return { ...telegramFixture(name), update_id: updateId };
}

describe('Telegram inbound', () => {
  it('answers /search in a private chat with escaped HTML and a next-page button within 64 bytes', async () => {
    const { fake } = await start();
    fake.pushUpdates(privateMessage(1, '/search child protection'));
    const sent = await fake.waitForCall('sendMessage');
    expect(sent.params).toMatchObject({ chat_id: 100000001, parse_mode: 'HTML' });
    expect(sent.params.text).toContain('Child protection guide');
    expect(sent.params.text).toContain('children &amp; &lt;families&gt;');
    expect(sent.params.text).not.toContain('<families>');
    expect(sent.params.reply_parameters).toBeUndefined();
    const [[next]] = sent.params.reply_markup.inline_keyboard;
    expect(next.text).toBe('Next ›');
    expect(Buffer.byteLength(next.callback_data)).toBeLessThanOrEqual(64);
  });

  it.each([
    ['DERIVED_supergroup_search_at_bot_latin', 'Zaštita djece od nasilja'],
    ['DERIVED_supergroup_search_at_bot_cyrillic', 'Заштита деце у систему'],
    ['DERIVED_supergroup_search_at_bot_emoji', 'Mbrojtja e fëmijëve'],
  ])('answers /search@ExampleBot in a supergroup (%s), quoting the member, not in a reply thread', async (name, title) => {
    const { fake } = await start();
    fake.pushUpdates(fixture(name, 10));
    const sent = await fake.waitForCall('sendMessage');
    expect(sent.params.chat_id).toBe(-1001000000001);
    expect(sent.params.text).toContain(title);
    expect(sent.params.reply_parameters).toEqual({ message_id: 134546, allow_sending_without_reply: true });
    // message_thread_id 134545 is a reply chain, not a forum topic: sending into it would fail.
    expect(sent.params.message_thread_id).toBeUndefined();
  });

  it('ignores a command addressed to another bot, and other bots', async () => {
    const { fake } = await start();
    const other = fixture('DERIVED_supergroup_search_at_bot_latin', 20);
    other.message.text = '/search@OtherBot zaštita djece';
    other.message.entities[0].length = '/search@OtherBot'.length;
    const fromBot = privateMessage(21, '/help');
    fromBot.message.from.is_bot = true;
    fake.pushUpdates(other, fromBot, privateMessage(22, '/help'));
    const sent = await fake.waitForCall('sendMessage');
    expect(sent.params.text).toContain('/search');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
  });

  it('pages with the button: answers the press and replaces the page in place', async () => {
    const { fake } = await start();
    fake.pushUpdates(privateMessage(30, '/search child protection'));
    const first = await fake.waitForCall('sendMessage');
    const [[next]] = first.params.reply_markup.inline_keyboard;
    const press = fixture('callback_query_with_message_cyrillic', 31);
    press.callback_query.from = { ...press.callback_query.from, id: 100000001, language_code: 'en' };
    press.callback_query.message.chat = { id: 100000001, type: 'private', first_name: 'Test' };
    press.callback_query.message.message_id = 1;
    press.callback_query.data = next.callback_data;
    fake.pushUpdates(press);
    const answered = await fake.waitForCall('answerCallbackQuery');
    expect(answered.params).toEqual({ callback_query_id: press.callback_query.id });
    const edit = await fake.waitForCall('editMessageText');
    expect(edit.params).toMatchObject({ chat_id: 100000001, message_id: 1, parse_mode: 'HTML' });
    expect(edit.params.text).toMatch(/^6\. |\n6\. /m);
    expect(edit.params.reply_markup.inline_keyboard[0].map((button: { text: string }) => button.text)).toEqual(['‹ Previous', 'Next ›']);
  });

  it('answers a press on a button it cannot read with a short notice, in the presser\'s language', async () => {
    const { fake } = await start();
    // The recorded press carries another bot's base64 data; the presser's app is in Russian (not a hub language).
    fake.pushUpdates(fixture('callback_query_with_message_cyrillic', 40));
    const answered = await fake.waitForCall('answerCallbackQuery');
    expect(answered.params).toEqual({ callback_query_id: '1874464818486990916', text: 'This button no longer works. Please search again.' });
    expect(fake.callsTo('sendMessage')).toHaveLength(0);
  });

  it('answers a legacy inline-message press without crashing and ignores updates it does not handle', async () => {
    const { fake, logs } = await start();
    fake.pushUpdates(
      fixture('callback_query_inline_message_legacy.tgdocs', 50),
      { update_id: 51, poll: { id: '1', question: 'q', options: [], total_voter_count: 0, is_closed: false, is_anonymous: true, type: 'regular', allows_multiple_answers: false } },
      fixture('message_with_entities_bold_italic.tgdocs', 52),
    );
    const answered = await fake.waitForCall('answerCallbackQuery');
    expect(answered.params).toEqual({ callback_query_id: '4382bfdwdsb323b2d9' });
    // The third is plain text in a private chat: a search for "Bold and italics".
    const sent = await fake.waitForCall('sendMessage');
    expect(sent.params.chat_id).toBe(1111111);
    expect(logs.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('runs an edited command again', async () => {
    const { fake } = await start();
    const edited = fixture('edited_message_private.tgdocs', 60);
    edited.edited_message.text = '/search zaštita';
    edited.edited_message.entities = [{ type: 'bot_command', offset: 0, length: 7 }];
    fake.pushUpdates(edited);
    const sent = await fake.waitForCall('sendMessage');
    expect(sent.params.chat_id).toBe(1111111);
    expect(sent.params.text).toContain('Zaštita djece od nasilja');
  });

  it('answers in the forum topic the command came from', async () => {
    const { fake } = await start();
    const topic = fixture('forum_topic_message', 70);
    topic.message.text = '/help';
    topic.message.entities = [{ type: 'bot_command', offset: 0, length: 5 }];
    fake.pushUpdates(topic);
    const sent = await fake.waitForCall('sendMessage');
    expect(sent.params).toMatchObject({ chat_id: -1001000000004, message_thread_id: 4 });
  });

  it('answers an anonymous group admin and a channel post', async () => {
    const { fake } = await start();
    const anonymous = fixture('supergroup_migrate_from_chat_id', 80);
    delete anonymous.message.migrate_from_chat_id;
    anonymous.message.text = '/help';
    anonymous.message.entities = [{ type: 'bot_command', offset: 0, length: 5 }];
    const channelPost = {
      update_id: 81,
      channel_post: {
        message_id: 9, date: 1700000000, text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }],
        chat: { id: -1001000000002, title: 'Test Channel', type: 'channel' },
        sender_chat: { id: -1001000000002, title: 'Test Channel', type: 'channel' },
      },
    };
    fake.pushUpdates(anonymous, channelPost);
    const [toGroup, toChannel] = await fake.waitForCalls('sendMessage', 2);
    expect(new Set([toGroup!.params.chat_id, toChannel!.params.chat_id])).toEqual(new Set([-1001000000003, -1001000000002]));
  });

  it('starts in the member\'s Telegram language (hr → BCMS, unknown → English) until /lang changes it', async () => {
    const { fake } = await start();
    fake.pushUpdates(privateMessage(90, '/start', { id: 7, language_code: 'hr' }), privateMessage(91, '/start', { id: 8, language_code: 'ru' }));
    const [a, b] = await fake.waitForCalls('sendMessage', 2);
    const byChat = new Map([a!, b!].map((call) => [call.params.chat_id, call.params.text as string]));
    expect(byChat.get(7)).toContain('Dobro došli');
    expect(byChat.get(8)).toContain('Welcome to cphub');
    fake.pushUpdates(privateMessage(92, '/lang sq', { id: 7, language_code: 'hr' }), privateMessage(93, '/start', { id: 7, language_code: 'hr' }));
    const later = await fake.waitForCalls('sendMessage', 4);
    expect(later[3]!.params.text).toContain('Mirë se vini');
  });
});

describe('Telegram: consent', () => {
  it('/start offers the privacy notice with buttons; "I agree" answers the press and makes a member', async () => {
    const { fake, core } = await start();
    fake.pushUpdates(privateMessage(200, '/start', { id: 55 }));
    const welcome = await fake.waitForCall('sendMessage');
    expect(welcome.params.text).toContain('<b>Privacy</b>');
    const [[agree, later]] = welcome.params.reply_markup.inline_keyboard;
    expect([agree.text, later.text]).toEqual(['I agree', 'Not now']);
    const press = fixture('callback_query_with_message_cyrillic', 201);
    press.callback_query.from = { ...press.callback_query.from, id: 55, language_code: 'en' };
    press.callback_query.message.chat = { id: 55, type: 'private', first_name: 'Test' };
    press.callback_query.data = agree.callback_data;
    fake.pushUpdates(press);
    // The thanks and the first profile question replace the notice (with buttons, so not a toast).
    const edited = await fake.waitForCall('editMessageText');
    expect(edited.params.text).toContain('Thank you: you are now a member of the network.');
    expect(edited.params.text).toContain('step 1 of 6');
    expect(edited.params.reply_markup.inline_keyboard.flat().map((button: { text: string }) => button.text)).toEqual(['Skip']);
    expect((await fake.waitForCall('answerCallbackQuery')).params.text).toBeUndefined();
    const account = core.db.sqlite.prepare("SELECT * FROM member_accounts WHERE platform = 'telegram' AND user_id = '55'").get();
    expect(account).toBeDefined();
  });
});

describe('Telegram groups: joining, leaving, migrating', () => {
  function joined(updateId: number, status: string, chat: object, languageCode = 'sr'): any {
    return {
      update_id: updateId,
      my_chat_member: {
        chat,
        from: { id: 100000004, is_bot: false, first_name: 'Admin', language_code: languageCode },
        date: 1700000000,
        old_chat_member: { user: { id: 200000001, is_bot: true, first_name: 'Example Bot', username: 'ExampleBot' }, status: 'left' },
        new_chat_member: { user: { id: 200000001, is_bot: true, first_name: 'Example Bot', username: 'ExampleBot' }, status },
      },
    };
  }
  const group = { id: -400000001, title: 'test', type: 'group', all_members_are_administrators: false };

  it('remembers a group it is added to and greets it in the language of who added it; forgets it when removed', async () => {
    const { fake, core } = await start();
    fake.pushUpdates(joined(100, 'member', group));
    const greeting = await fake.waitForCall('sendMessage');
    expect(greeting.params.chat_id).toBe(-400000001);
    expect(greeting.params.text).toContain('Hvala što ste me dodali');
    expect(await core.services.chats.find('telegram', '-400000001')).toEqual({
      platform: 'telegram', id: '-400000001', kind: 'group', title: 'test', language: 'sh', status: 'active',
    });
    fake.pushUpdates(joined(101, 'kicked', group));
    await waitUntil(async () => (await core.services.chats.find('telegram', '-400000001'))?.status === 'left');
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
  });

  it('moves the stored group to its supergroup id when both migration messages arrive, in either order', async () => {
    const { fake, core } = await start();
    await core.services.chats.remember({ platform: 'telegram', id: '-400000001', kind: 'group', title: 'test', language: 'ro' });
    fake.pushUpdates(fixture('supergroup_migrate_from_chat_id', 110), fixture('group_migrate_to_chat_id', 111));
    await waitUntil(async () => (await core.services.chats.find('telegram', '-1001000000003')) !== undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await core.services.chats.find('telegram', '-400000001')).toBeUndefined();
    expect(await core.services.chats.find('telegram', '-1001000000003')).toMatchObject({ language: 'ro', status: 'active' });
    expect(fake.callsTo('sendMessage')).toHaveLength(0);
  });

  it('a member who blocks the bot (my_chat_member kicked in a private chat) is not written to again', async () => {
    harness = await startTelegramHarness({ botInfo: { id: 1, username: 'unBot' } });
    const { fake, core, adapter } = harness;
    await core.services.chats.remember({ platform: 'telegram', id: '0', kind: 'private' });
    fake.pushUpdates(telegramFixture('my_chat_member_bot_kicked_private'));
    await waitUntil(async () => (await core.services.chats.find('telegram', '0'))?.status === 'left');
    await expect(adapter.messenger.send({ conversationId: '0' }, { blocks: [], buttons: [], private: false, fallbackText: 'hi' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(fake.callsTo('sendMessage')).toHaveLength(0);
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
