/**
 * A plain reply in a Slack thread under a question cphub posted is an
 * answer to it, through the real Bolt code and the fakes: asked in a
 * Telegram group, posted in the Slack Q&A channel too, answered by a reply
 * in that message's thread; the answer goes under the question on both
 * platforms and to the asker's private chat on Telegram. Other threads,
 * bots and mentions are not answers; an answer carrying a person's data is
 * refused to the member alone and stored nowhere.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCoreHarness, type CoreHarness } from '../support/core-harness.ts';
import { askInTelegramGroup, joinAs, TELEGRAM_ASKER, TELEGRAM_GROUP } from '../support/question-fixtures.ts';
import { buttonPress, startSlackHarness, threadReplyEvent, viewSubmission, type SlackHarness } from '../support/slack-harness.ts';
import { buttonOf, said } from '../support/slack-members.ts';
import { startTelegramHarness, type TelegramHarness } from '../support/telegram-harness.ts';

let core: CoreHarness | undefined;
let telegram: TelegramHarness | undefined;
let slack: SlackHarness | undefined;
afterEach(async () => {
  await telegram?.close();
  await slack?.close();
  core?.db.close();
  core = telegram = slack = undefined;
});

const QA_CHANNEL = 'C00FAKEQA001';
const PEER = 'U00FAKEUSER3';
const answers = () => core!.db.sqlite.prepare('SELECT number, platform, text FROM answers').all();

/** Ana asks in the Telegram group; the question is posted in the Slack Q&A channel too, where Goran is a member. */
async function questionInSlackChannel(updateId: number) {
  core = createCoreHarness([], {}, { qaChannels: [{ platform: 'slack', conversationId: QA_CHANNEL }] });
  slack = await startSlackHarness({ core, otherUsers: [PEER] });
  telegram = await startTelegramHarness({ core });
  await joinAs(core, 'telegram', String(TELEGRAM_ASKER), 'Ana');
  await joinAs(core, 'slack', PEER, 'Goran');
  const inChannel = slack.fake.waitForCall('chat.postMessage', (call) => call.params.channel === QA_CHANNEL && said(/Question Q/)(call));
  const { id } = await askInTelegramGroup(telegram, updateId, 'How do we find foster families for teenagers?');
  const question = await inChannel;
  // The thread is the one Slack starts under the question's message: its ts, as kept with the post.
  const hub = core;
  const threadTs = await vi.waitFor(() => {
    const row = hub.db.sqlite.prepare("SELECT message_ids FROM question_posts WHERE platform = 'slack' AND kind = 'channel'").get() as { message_ids: string } | undefined;
    if (!row) throw new Error('not kept yet');
    return JSON.parse(row.message_ids)[0] as string;
  });
  return { fake: slack.fake, t: telegram.fake, id, question, threadTs };
}

/** What the asker and the Telegram group receive of answer 1. */
function answerOnTelegram(t: TelegramHarness['fake']) {
  return {
    under: t.waitForCall('sendMessage', (call) => call.params.chat_id === TELEGRAM_GROUP && /Answer 1 to/.test(call.params.text)),
    toAna: t.waitForCall('sendMessage', (call) => call.params.chat_id === TELEGRAM_ASKER && /has an answer/.test(call.params.text)),
  };
}

describe('Slack: a reply in the thread of a posted question is an answer', () => {
  it('answers the question under it on Slack and Telegram and reaches the asker; other threads, bots, mentions and personal data do not', async () => {
    const { fake, t, id, threadTs } = await questionInSlackChannel(600);

    // Not answers: a reply in another thread, the bot's own message in the thread, a reply that mentions the app.
    await fake.sendEnvelope('events_api', threadReplyEvent(fake, { channel: QA_CHANNEL, threadTs: '1700000000.999999' }, 'Start with the regional foster care centre.', 'Ev0T0001', PEER));
    const own = threadReplyEvent(fake, { channel: QA_CHANNEL, threadTs }, 'Answer 1 to it', 'Ev0T0002', fake.botUserId);
    await fake.sendEnvelope('events_api', { ...own, event: { ...own.event, bot_id: fake.botId } });
    await fake.sendEnvelope('events_api', threadReplyEvent(fake, { channel: QA_CHANNEL, threadTs }, `<@${fake.botUserId}> help`, 'Ev0T0003', PEER));

    // An answer with a phone number: refused to Goran alone, stored nowhere, posted nowhere; Slack lets no bot delete
    // a member's message, so he is asked to.
    const refused = await answerInThread(threadReplyEvent(fake, { channel: QA_CHANNEL, threadTs }, 'Call the mother on +381 64 123 4567.', 'Ev0T0004', PEER), /phone number.*please delete it/);
    expect(refused.params).toMatchObject({ channel: QA_CHANNEL, user: PEER, thread_ts: threadTs });
    expect(JSON.stringify(refused.params)).not.toContain('123 4567');
    expect(answers()).toEqual([]);

    // The answer: under the question in the Slack thread and in the Telegram group, and to Ana privately.
    const underOnSlack = fake.waitForCall('chat.postMessage', (call) => call.params.thread_ts === threadTs && said(/Answer 1 to/)(call));
    const onTelegram = answerOnTelegram(t);
    const confirmed = await answerInThread(threadReplyEvent(fake, { channel: QA_CHANNEL, threadTs }, 'Start with the regional foster care centre.', 'Ev0T0005', PEER), /posted in 2 places and sent to the asker/);
    expect(confirmed.params).toMatchObject({ channel: QA_CHANNEL, user: PEER, thread_ts: threadTs });
    expect(JSON.stringify((await underOnSlack).params)).toContain('Goran');
    expect((await onTelegram.under).params.text).toContain('Start with the regional foster care centre.');
    const delivered = await onTelegram.toAna;
    expect(delivered.params.text).toContain(id);
    expect(delivered.params.text).toContain('Start with the regional foster care centre.');
    expect(answers()).toEqual([{ number: 1, platform: 'slack', text: 'Start with the regional foster care centre.' }]);

    // Nothing was said in the other thread, nothing answered the bot's own message or the mention as an answer.
    expect(fake.callsTo('chat.postMessage').filter((call) => call.params.thread_ts === '1700000000.999999')).toEqual([]);
    expect(fake.callsTo('chat.postEphemeral')).toHaveLength(2);
  }, 30_000);

  it('Answer in the channel opens a modal; its submission is the answer, confirmed to the answerer alone', async () => {
    const { fake, t, id, question } = await questionInSlackChannel(610);
    // Slack refuses a modal opened too late (the trigger lasts 3 seconds): then the words say how to answer.
    fake.script('views.open', { body: { ok: false, error: 'expired_trigger_id' } });
    const late = buttonPress(fake, buttonOf(question, 'Answer').action_id, buttonOf(question, 'Answer').value, PEER);
    await fake.sendEnvelope('interactive', { ...late, channel: { id: QA_CHANNEL, name: 'qa' } });
    const howTo = await fake.waitForCall('response_url', said(/or simply reply to the question's message/));
    expect(howTo.params.response_type).toBe('ephemeral');

    const press = buttonPress(fake, buttonOf(question, 'Answer').action_id, buttonOf(question, 'Answer').value, PEER);
    await fake.sendEnvelope('interactive', { ...press, channel: { id: QA_CHANNEL, name: 'qa' } });
    const opened = await fake.waitForCall('views.open', (call) => call.params.trigger_id === press.trigger_id);
    expect(opened.params.trigger_id).toBe(press.trigger_id);
    const view = opened.params.view;
    expect(view).toMatchObject({ type: 'modal', callback_id: 'cphub:form', title: { text: `Answer ${id}` }, submit: { text: 'Send' }, close: { text: 'Cancel' } });
    expect(view.blocks[0]).toMatchObject({ type: 'input', label: { text: 'Your answer' }, element: { type: 'plain_text_input', multiline: true, max_length: 2000 } });
    expect(fake.callsTo('response_url')).toEqual([howTo]);

    const onTelegram = answerOnTelegram(t);
    const before = fake.calls.length;
    await fake.sendEnvelope('interactive', viewSubmission(fake, view, 'Start with the regional foster care centre.', PEER));
    const confirmed = await fake.waitForCall('chat.postEphemeral', (call) => fake.calls.indexOf(call) >= before && said(/posted in 2 places and sent to the asker/)(call));
    expect(confirmed.params).toMatchObject({ channel: QA_CHANNEL, user: PEER });
    await onTelegram.under;
    expect((await onTelegram.toAna).params.text).toContain('Start with the regional foster care centre.');
    expect(answers()).toEqual([{ number: 1, platform: 'slack', text: 'Start with the regional foster care centre.' }]);
  }, 30_000);
});

/** Sends the thread reply; resolves with the ephemeral answer to its author that says `pattern`. */
async function answerInThread(event: Record<string, any>, pattern: RegExp) {
  const before = slack!.fake.calls.length;
  await slack!.fake.sendEnvelope('events_api', event);
  return slack!.fake.waitForCall('chat.postEphemeral', (call) => slack!.fake.calls.indexOf(call) >= before && said(pattern)(call));
}
