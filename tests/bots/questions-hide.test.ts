/**
 * `/hide` through the platform fakes: what each platform receives when a
 * moderator hides a question or one answer, and what the database keeps.
 * One answer goes from every platform it was posted on, and the question
 * stays. Telegram lets a bot delete its messages for 48 hours only: a
 * message it may no longer delete is edited into "Hidden by a moderator."
 * instead.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCoreHarness, type CoreHarness } from '../support/core-harness.ts';
import { askInTelegramGroup, joinAs, TELEGRAM_ASKER, TELEGRAM_GROUP, telegramGroupCommand } from '../support/question-fixtures.ts';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.ts';
import { hubInDm, said } from '../support/slack-members.ts';
import { privateMessage, startTelegramHarness, type TelegramHarness } from '../support/telegram-harness.ts';
import { answerTo } from '../support/telegram-members.ts';

let core: CoreHarness | undefined;
let telegram: TelegramHarness | undefined;
let slack: SlackHarness | undefined;
afterEach(async () => {
  await telegram?.close();
  await slack?.close();
  core?.db.close();
  core = telegram = slack = undefined;
});

const PEER = 100000002;
const MODERATOR = 100000005;

type Kept = { platform: string; kind: string; answer: number | null; conversation: string; ids: string[] };

function postsKept(h: Pick<TelegramHarness, 'core'>): Kept[] {
  return (h.core.db.sqlite.prepare('SELECT platform, kind, answer_number AS answer, conversation_id AS conversation, message_ids FROM question_posts ORDER BY id').all() as any[])
    .map(({ message_ids, ...row }) => ({ ...row, ids: JSON.parse(message_ids) }));
}

/** Ana asks in the group, Goran answers by command in his private chat: the question's post and answer 1's two (group, Ana). */
async function answeredInTelegramGroup(h: TelegramHarness, updateId: number): Promise<{ id: string; question: Kept; answer: Kept[] }> {
  await joinAs(h.core, 'telegram', String(TELEGRAM_ASKER), 'Ana');
  await joinAs(h.core, 'telegram', String(PEER), 'Goran');
  await joinAs(h.core, 'telegram', String(MODERATOR), 'Mod Marija', 'moderator');
  const { id } = await askInTelegramGroup(h, updateId, 'How do we find foster families for teenagers?');
  await answerTo(h, privateMessage(updateId + 2, `/answer ${id} Start with the regional foster care centre.`, { id: PEER }), /posted in 1 place and sent to the asker/);
  await vi.waitFor(() => expect(postsKept(h)).toHaveLength(3));
  const [question, ...answer] = postsKept(h);
  return { id, question: question!, answer };
}

/** What Telegram answers for a bot's message older than 48 hours (https://core.telegram.org/bots/api#deletemessage); others go. */
function refuseDeleting(h: TelegramHarness, messageId: number): void {
  h.fake.script('deleteMessage', (call) => Number(call.params.message_id) === messageId
    ? { ok: false, error_code: 400, description: "Bad Request: message can't be deleted" }
    : { ok: true, result: true }, 10);
}

describe('Telegram: a message that can no longer be deleted is replaced', () => {
  it('edits the question\'s post into the hidden card when deleteMessage is refused; the others are deleted', async () => {
    const h = (telegram = await startTelegramHarness());
    const { id, question, answer } = await answeredInTelegramGroup(h, 700);
    expect(question).toMatchObject({ kind: 'group', answer: null, conversation: String(TELEGRAM_GROUP) });
    const tooOld = Number(question.ids[0]);
    refuseDeleting(h, tooOld);

    const before = h.fake.calls.length;
    await answerTo(h, privateMessage(710, `/hide ${id}`, { id: MODERATOR }), /is hidden, with its answers; 3 messages were taken down/);
    const after = () => h.fake.calls.slice(before);
    const replaced = await h.fake.waitForCall('editMessageText', (call) => h.fake.calls.indexOf(call) >= before);
    expect(replaced.params).toMatchObject({ chat_id: TELEGRAM_GROUP, message_id: tooOld });
    expect(replaced.params.text).toContain('Hidden by a moderator.');
    expect(replaced.params.text).not.toContain('foster');
    // The question's buttons go with its text.
    expect(replaced.params.reply_markup).toBeUndefined();
    // It was tried first; answer 1's messages, in the group and in Ana's chat, were simply deleted.
    const deletions = after().filter((call) => call.method === 'deleteMessage').map((call) => [call.params.chat_id, String(call.params.message_id)]);
    expect(deletions).toEqual([
      [TELEGRAM_GROUP, String(tooOld)],
      ...answer.map((post) => [Number(post.conversation), post.ids[0]]),
    ]);
    expect(after().filter((call) => call.method === 'editMessageText')).toHaveLength(1);
    expect(h.core.db.sqlite.prepare('SELECT hidden_at IS NOT NULL AS hidden FROM questions WHERE id = ?').get(id)).toEqual({ hidden: 1 });
  }, 20_000);

  it('counts a message that could be neither deleted nor edited as not taken down', async () => {
    const h = (telegram = await startTelegramHarness());
    const { id, question } = await answeredInTelegramGroup(h, 720);
    const stuck = Number(question.ids[0]);
    refuseDeleting(h, stuck);
    h.fake.script('editMessageText', { ok: false, error_code: 400, description: 'Bad Request: message to edit not found' });
    await answerTo(h, privateMessage(730, `/hide ${id}`, { id: MODERATOR }), /is hidden, with its answers; 2 messages were taken down/);
  }, 20_000);
});

describe('/hide <id> <number>: one answer, on every platform it was posted on', () => {
  const QA_CHANNEL = 'C00FAKEQA001';
  const SLACK_PEER = 'U00FAKEUSER3';

  it('deletes answer 1 under the question on Telegram and Slack and in the asker\'s chat; the question and answer 2 stay', async () => {
    core = createCoreHarness([], {}, { qaChannels: [{ platform: 'slack', conversationId: QA_CHANNEL }] });
    slack = await startSlackHarness({ core, otherUsers: [SLACK_PEER] });
    telegram = await startTelegramHarness({ core });
    const h = { core };
    await joinAs(core, 'telegram', String(TELEGRAM_ASKER), 'Ana');
    await joinAs(core, 'slack', SLACK_PEER, 'Goran');
    await joinAs(core, 'telegram', String(PEER), 'Jelena');
    await joinAs(core, 'telegram', String(MODERATOR), 'Mod Marija', 'moderator');
    const { id } = await askInTelegramGroup(telegram, 800, 'How do we find foster families for teenagers?');
    await vi.waitFor(() => expect(postsKept(h)).toHaveLength(2));
    // Answer 1 from Slack: under the question in the Telegram group and in the Slack channel's thread, and to Ana.
    await hubInDm(slack.fake, SLACK_PEER, `answer ${id} Ask the neighbours.`, /posted in 2 places and sent to the asker/);
    await answerTo(telegram, privateMessage(810, `/answer ${id} Start with the regional foster care centre.`, { id: PEER }), /posted in 2 places and sent to the asker/);
    await vi.waitFor(() => expect(postsKept(h)).toHaveLength(8));
    const answerOne = postsKept(h).filter((post) => post.answer === 1);
    expect(answerOne.map((post) => [post.platform, post.kind])).toEqual([['telegram', 'group'], ['slack', 'channel'], ['telegram', 'asker']]);
    const others = postsKept(h).filter((post) => post.answer !== 1).flatMap((post) => post.ids);

    const t = telegram.fake;
    const before = { telegram: t.calls.length, slack: slack.fake.calls.length };
    await answerTo(telegram, privateMessage(820, `/hide ${id} 1`, { id: MODERATOR }), new RegExp(`Answer 1 to ${id} is hidden; 3 messages were taken down`));
    const deletedOnTelegram = t.calls.slice(before.telegram).filter((call) => call.method === 'deleteMessage').map((call) => [call.params.chat_id, String(call.params.message_id)]);
    expect(deletedOnTelegram).toEqual(answerOne.filter((post) => post.platform === 'telegram').map((post) => [Number(post.conversation), post.ids[0]]));
    const deletedOnSlack = slack.fake.calls.slice(before.slack).filter((call) => call.method === 'chat.delete').map((call) => [call.params.channel, call.params.ts]);
    expect(deletedOnSlack).toEqual([[QA_CHANNEL, answerOne[1]!.ids[0]]]);
    // Nothing else was deleted or changed: the question's posts and answer 2's stay as they were.
    for (const gone of [...deletedOnTelegram, ...deletedOnSlack]) expect(others).not.toContain(gone[1]);
    expect(t.calls.slice(before.telegram).filter((call) => call.method === 'editMessageText')).toEqual([]);
    expect(slack.fake.calls.slice(before.slack).filter((call) => call.method === 'chat.update' || said(/Ask the neighbours/)(call))).toEqual([]);

    expect(core.db.sqlite.prepare('SELECT number, hidden_at IS NOT NULL AS hidden FROM answers ORDER BY number').all()).toEqual([{ number: 1, hidden: 1 }, { number: 2, hidden: 0 }]);
    expect(core.db.sqlite.prepare('SELECT status, hidden_at FROM questions WHERE id = ?').get(id)).toEqual({ status: 'answered', hidden_at: null });
    expect(core.db.sqlite.prepare('SELECT count(*) AS n FROM question_posts').get()).toEqual({ n: 8 });
    const shown = (await answerTo(telegram, privateMessage(825, `/question ${id}`, { id: PEER }), /foster families/)).params.text;
    expect(shown).toContain('Start with the regional foster care centre.');
    expect(shown).not.toContain('Ask the neighbours');
    // A second /hide of the same answer says so and takes nothing more down.
    await answerTo(telegram, privateMessage(830, `/hide ${id} 1`, { id: MODERATOR }), /already hidden/);
  }, 30_000);
});

describe('Telegram: an answer given as a reply to the question is the member\'s own message', () => {
  /** Goran's plain reply (no command) to the bot's question in the group. */
  function replyToQuestion(h: TelegramHarness, updateId: number, questionMessage: string, text: string): any {
    const update = telegramGroupCommand(updateId, text);
    delete update.message.entities;
    update.message.from = { id: PEER, is_bot: false, first_name: 'Goran', language_code: 'en' };
    update.message.reply_to_message = { message_id: Number(questionMessage), date: 1721592580, chat: update.message.chat, from: { ...h.fake.botInfo }, text: 'Question' };
    return update;
  }

  async function answeredByReply(h: TelegramHarness, updateId: number): Promise<{ id: string; replyId: number }> {
    await joinAs(h.core, 'telegram', String(TELEGRAM_ASKER), 'Ana');
    await joinAs(h.core, 'telegram', String(PEER), 'Goran');
    await joinAs(h.core, 'telegram', String(MODERATOR), 'Mod Marija', 'moderator');
    const { id } = await askInTelegramGroup(h, updateId, 'How do we find foster families for teenagers?');
    await vi.waitFor(() => expect(postsKept(h)).toHaveLength(1));
    const replyId = updateId + 2;
    await answerTo(h, replyToQuestion(h, replyId, postsKept(h)[0]!.ids[0]!, 'Start with the regional foster care centre.'), /Answer 1 to Q/);
    await vi.waitFor(() => expect(postsKept(h)).toHaveLength(4));
    return { id, replyId };
  }

  it('keeps the reply\'s chat and message id; accepting leaves it alone; hiding the answer deletes it with cphub\'s messages', async () => {
    const h = (telegram = await startTelegramHarness());
    const { id, replyId } = await answeredByReply(h, 900);
    const answerOne = postsKept(h).filter((post) => post.answer === 1);
    expect(answerOne.find((post) => post.kind === 'member')).toEqual({ platform: 'telegram', kind: 'member', answer: 1, conversation: String(TELEGRAM_GROUP), ids: [String(replyId)] });

    // Accepting edits cphub's copies of the answer, never the member's message.
    const beforeAccept = h.fake.calls.length;
    await answerTo(h, privateMessage(910, `/accept ${id} 1`, { id: TELEGRAM_ASKER }), /is accepted/);
    await vi.waitFor(() => expect(h.fake.calls.slice(beforeAccept).filter((call) => call.method === 'editMessageText')).toHaveLength(2));
    expect(h.fake.calls.slice(beforeAccept).some((call) => call.method === 'editMessageText' && call.params.message_id === replyId)).toBe(false);

    const before = h.fake.calls.length;
    await answerTo(h, privateMessage(920, `/hide ${id} 1`, { id: MODERATOR }), new RegExp(`Answer 1 to ${id} is hidden; 3 messages were taken down`));
    const deleted = h.fake.calls.slice(before).filter((call) => call.method === 'deleteMessage').map((call) => [call.params.chat_id, String(call.params.message_id)]);
    expect(deleted).toEqual(answerOne.map((post) => [Number(post.conversation), post.ids[0]]));
    expect(deleted).toContainEqual([TELEGRAM_GROUP, String(replyId)]);
    expect(h.core.db.sqlite.prepare('SELECT hidden_at IS NOT NULL AS hidden FROM answers').all()).toEqual([{ hidden: 1 }]);
  }, 20_000);

  it('where the bot may not delete members\' messages, the reply stays (never edited) and the log says why', async () => {
    const h = (telegram = await startTelegramHarness());
    const { id, replyId } = await answeredByReply(h, 930);
    // Not an administrator: Telegram refuses to delete someone else's message.
    refuseDeleting(h, replyId);
    const before = h.fake.calls.length;
    await answerTo(h, privateMessage(940, `/hide ${id} 1`, { id: MODERATOR }), new RegExp(`Answer 1 to ${id} is hidden; 2 messages were taken down`));
    expect(h.fake.calls.slice(before).filter((call) => call.method === 'editMessageText')).toEqual([]);
    expect(h.fake.calls.slice(before).filter((call) => call.method === 'deleteMessage')).toHaveLength(3);
    const warning = h.core.logs.find((line) => line.level === 'warn' && /member's own message/.test(line.message));
    expect(warning?.message).toContain('the bot needs the right to delete messages');
    expect(warning?.details).toMatchObject({ platform: 'telegram', question: id, kind: 'member' });
  }, 20_000);
});
