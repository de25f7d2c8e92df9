/**
 * Questions on each platform through its fake: the safeguarding stop in a
 * Telegram group (nothing reaches the group or the questions table until
 * the asker decided in private, and what reaches it is redacted), and on
 * Discord a question posted in a server channel, answered under it,
 * accepted (the message edited) and hidden (the messages deleted); on
 * Slack an answer accepted in the asker's DM (chat.update).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoreHarness } from '../support/core-harness.ts';
import { buttonPress, DM_USER_ID, dmSlashCommand, slashCommand, startDiscordHarness, type DiscordHarness } from '../support/discord-harness.ts';
import { answerTo as answerOnDiscord, buttonIn } from '../support/discord-members.ts';
import { joinAs, telegramGroupCommand } from '../support/question-fixtures.ts';
import { MEMBER as SLACK_ASKER, startSlackHarness, type SlackHarness } from '../support/slack-harness.ts';
import { hubInDm, pressOn as pressOnSlack } from '../support/slack-members.ts';
import { startTelegramHarness, telegramFixture, type TelegramHarness } from '../support/telegram-harness.ts';
import { answerTo as answerOnTelegram } from '../support/telegram-members.ts';

let telegram: TelegramHarness | undefined;
let discord: DiscordHarness | undefined;
let slack: SlackHarness | undefined;
afterEach(async () => {
  await telegram?.close();
  await discord?.close();
  await slack?.close();
  telegram = discord = slack = undefined;
});

const count = (core: CoreHarness, table: string) => (core.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;


describe('Telegram: the safeguarding stop in a group', () => {
  const ASKER = 100000003;
  const GROUP = -1001000000001;

  it('tells the asker privately what was found; the group and the questions table get nothing until she decides, then only the redacted text', async () => {
    const h = (telegram = await startTelegramHarness());
    await joinAs(h.core, 'telegram', String(ASKER), 'Ana');
    const privately = h.fake.waitForCall('sendMessage', (call) => call.params.chat_id === ASKER);
    const pointer = await answerOnTelegram(h, telegramGroupCommand(400, '/ask The mother of Marko Petrović, 12 godina, calls from +381 64 123 4567. Whom do we tell?'), /look at the private message/);
    expect(pointer.params.chat_id).toBe(GROUP);
    const warning = await privately;
    expect(warning.params.text).toContain('+381 64 123 4567');
    expect(warning.params.text).toContain('Nothing has been posted or saved as a question');
    const toGroup = () => h.fake.calls.filter((call) => call.params.chat_id === GROUP);
    expect(toGroup().map((call) => call.params.text).join('\n')).not.toMatch(/123 4567|Marko/);
    // Her own /ask message, with the data in it, is taken down from the group.
    const withdrawn = await h.fake.waitForCall('deleteMessage');
    expect(withdrawn.params).toMatchObject({ chat_id: GROUP, message_id: 400 });
    expect(count(h.core, 'questions')).toBe(0);
    expect(count(h.core, 'question_drafts')).toBe(1);

    const button = warning.params.reply_markup.inline_keyboard.flat().find((candidate: { text: string }) => candidate.text === 'Post the redacted version');
    const press = { ...telegramFixture('callback_query_with_message_cyrillic'), update_id: 401 };
    press.callback_query.from = { ...press.callback_query.from, id: ASKER, language_code: 'en' };
    press.callback_query.message.chat = { id: ASKER, type: 'private', first_name: 'Ana' };
    press.callback_query.data = button.callback_data;
    const posted = h.fake.waitForCall('sendMessage', (call) => call.params.chat_id === GROUP && /Question Q/.test(call.params.text));
    // The warning she decided on is replaced by the outcome (and its buttons with it).
    const outcome = await answerOnTelegram(h, press, /Posted as Q/, 'editMessageText');
    expect(outcome.params.chat_id).toBe(ASKER);
    expect(JSON.stringify(outcome.params.reply_markup)).not.toContain('Post the redacted version');
    const post = await posted;
    expect(post.params.text).toContain('[phone number removed]');
    expect(post.params.text).toContain('[name removed], 12 godina');
    expect(toGroup().map((call) => call.params.text).join('\n')).not.toMatch(/123 4567|Marko/);
    expect(count(h.core, 'question_drafts')).toBe(0);
    expect((h.core.db.sqlite.prepare('SELECT text FROM questions').get() as { text: string }).text).not.toContain('Marko');
  });
});

describe('Telegram: a reply to the question in the group is an answer', () => {
  it('answers the question the reply quotes: under it in the group, and to the asker privately', async () => {
    const h = (telegram = await startTelegramHarness());
    const ASKER = 100000003;
    const GROUP = -1001000000001;
    const PEER = 100000002;
    await joinAs(h.core, 'telegram', String(ASKER), 'Ana');
    await joinAs(h.core, 'telegram', String(PEER), 'Goran');
    const preview = await answerOnTelegram(h, telegramGroupCommand(500, '/ask How do we find foster families for teenagers?'), /not posted yet/);
    const post = preview.params.reply_markup.inline_keyboard.flat().find((candidate: { text: string }) => candidate.text === 'Post');
    const press = { ...telegramFixture('callback_query_with_message_cyrillic'), update_id: 501 };
    press.callback_query.from = { ...press.callback_query.from, id: ASKER, language_code: 'en' };
    press.callback_query.message.chat = { id: GROUP, type: 'supergroup', title: 'Test Supergroup' };
    press.callback_query.data = post.callback_data;
    await answerOnTelegram(h, press, /Question Q/);
    await vi.waitFor(() => expect(count(h.core, 'question_posts')).toBe(1));
    const questionMessage = Number(JSON.parse((h.core.db.sqlite.prepare('SELECT message_ids FROM question_posts').get() as { message_ids: string }).message_ids)[0]);

    // Goran answers by replying to the bot's question in the group, without a command.
    const replyToQuestion = (updateId: number, text: string) => {
      const update = telegramGroupCommand(updateId, text);
      delete update.message.entities;
      update.message.from = { id: PEER, is_bot: false, first_name: 'Goran', language_code: 'en' };
      update.message.reply_to_message = { message_id: questionMessage, date: 1721592580, chat: update.message.chat, from: { ...h.fake.botInfo }, text: 'Question' };
      return update;
    };
    // First with a phone number in it: refused, stored nowhere, and his message taken down from the group.
    const refused = await answerOnTelegram(h, replyToQuestion(503, 'Call the mother on +381 64 123 4567.'), /not posted.*phone number/);
    expect(refused.params.text).not.toContain('123 4567');
    expect((await h.fake.waitForCall('deleteMessage')).params).toMatchObject({ chat_id: GROUP, message_id: 503 });
    expect(count(h.core, 'answers')).toBe(0);

    const reply = replyToQuestion(502, 'Start with the regional foster care centre.');
    const toAsker = h.fake.waitForCall('sendMessage', (call) => call.params.chat_id === ASKER && /has an answer/.test(call.params.text));
    const under = await answerOnTelegram(h, reply, /Answer 1 to Q/);
    expect(under.params.chat_id).toBe(GROUP);
    expect(under.params.reply_parameters.message_id).toBe(questionMessage);
    expect(under.params.text).toContain('Goran');
    expect((await toAsker).params.text).toContain('Start with the regional foster care centre.');
    expect(count(h.core, 'answers')).toBe(1);
  });
});

describe('Discord: posted in a server channel, answered under it, accepted, hidden', () => {
  const CHANNEL = '645027906669510662';
  const ASKER = '53908232506179585';

  it('posts, replies by message reference, edits on accept and deletes on hide', async () => {
    const d = (discord = await startDiscordHarness());
    await joinAs(d.core, 'discord', ASKER, 'Ana');
    await joinAs(d.core, 'discord', DM_USER_ID, 'Mod Marija', 'moderator');
    const preview = await answerOnDiscord(d, slashCommand(d.fake, 'ask', { question: 'How do we find foster families for teenagers?' }), /Your question, not posted yet/);
    expect(preview.body.flags).toBe(64);
    expect(d.fake.requestsTo('POST', `/channels/${CHANNEL}/messages`)).toHaveLength(0);

    const posted = d.fake.waitForRequest('POST', `/channels/${CHANNEL}/messages`, (request) => /Question Q/.test(JSON.stringify(request.body)));
    await answerOnDiscord(d, buttonPress(d.fake, buttonIn(preview, 'Post'), 'MSG_DM_123', ASKER), /Posted as Q/);
    const question = await posted;
    const id = /Question (Q[A-Z0-9]+)/.exec(JSON.stringify(question.body))![1]!;
    await vi.waitFor(() => expect(count(d.core, 'question_posts')).toBe(1));
    const questionMessage = JSON.parse((d.core.db.sqlite.prepare('SELECT message_ids FROM question_posts').get() as { message_ids: string }).message_ids)[0];

    const under = d.fake.waitForRequest('POST', `/channels/${CHANNEL}/messages`, (request) => /Answer 1 to/.test(JSON.stringify(request.body)));
    await answerOnDiscord(d, dmSlashCommand(d.fake, 'answer', { question_id: id, answer: 'Start with the regional foster care centre.' }), /sent to the asker/);
    expect((await under).body.message_reference).toEqual({ message_id: questionMessage, fail_if_not_exists: false });
    const toAsker = await d.fake.waitForRequest('POST', /^\/channels\/\d+\/messages$/, (request) => /has an answer/.test(JSON.stringify(request.body)));

    const edited = d.fake.waitForRequest('PATCH', /^\/channels\/\d+\/messages\/\d+$/, (request) => /Accepted by the asker/.test(JSON.stringify(request.body)));
    await answerOnDiscord(d, buttonPress(d.fake, buttonIn(toAsker, 'Accept this answer'), 'MSG_DM_123', ASKER), /is accepted/);
    await edited;
    await vi.waitFor(() => expect(d.fake.requestsTo('PATCH', /^\/channels\/\d+\/messages\/\d+$/)).toHaveLength(2));

    await answerOnDiscord(d, dmSlashCommand(d.fake, 'hide', { question_id: id }), /is hidden, with its answers; 3 messages/);
    const deleted = d.fake.requestsTo('DELETE', /^\/channels\/\d+\/messages\/\d+$/).map((request) => request.path);
    expect(deleted).toContain(`/channels/${CHANNEL}/messages/${questionMessage}`);
    expect(deleted).toHaveLength(3);
  });
});

describe('Slack: the answer in the asker\'s DM, accepted there', () => {
  it('posts the answer into the DM with Accept; accepting edits that message (chat.update)', async () => {
    const PEER = 'U00FAKEUSER3';
    const h = (slack = await startSlackHarness({ otherUsers: [PEER] }));
    await joinAs(h.core, 'slack', SLACK_ASKER, 'Ana');
    await joinAs(h.core, 'slack', PEER, 'Goran');
    const preview = await hubInDm(h.fake, SLACK_ASKER, 'ask How do we find foster families for teenagers?', /not posted yet/);
    expect(preview.params.response_type).toBe('ephemeral');
    await pressOnSlack(h.fake, preview, 'Post', /Posted as Q/, SLACK_ASKER);
    const id = (h.core.db.sqlite.prepare('SELECT id FROM questions').get() as { id: string }).id;

    const delivered = h.fake.waitForCall('chat.postMessage', (call) => /has an answer/.test(JSON.stringify(call.params)));
    await hubInDm(h.fake, PEER, `answer ${id} Start with the regional foster care centre.`, /sent to the asker/);
    const toAna = await delivered;
    await vi.waitFor(() => expect(count(h.core, 'question_posts')).toBe(1));
    const kept = h.core.db.sqlite.prepare('SELECT conversation_id AS channel, message_ids FROM question_posts').get() as { channel: string; message_ids: string };
    expect(kept.channel).toBe(toAna.params.channel);

    const updated = h.fake.waitForCall('chat.update', (call) => /Accepted by the asker/.test(JSON.stringify(call.params)));
    await pressOnSlack(h.fake, toAna, 'Accept this answer', /is accepted/, SLACK_ASKER);
    const update = await updated;
    expect(update.params.channel).toBe(kept.channel);
    expect(update.params.ts).toBe(JSON.parse(kept.message_ids)[0]);
    expect(JSON.stringify(update.params.blocks)).not.toContain('Accept this answer');
  });
});
