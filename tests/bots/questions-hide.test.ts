/**
 * `/hide` through the platform fakes: what each platform receives when a
 * moderator hides a question or one answer, and what the database keeps.
 * Telegram lets a bot delete its messages for 48 hours only: a message it
 * may no longer delete is edited into "Hidden by a moderator." instead.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { askInTelegramGroup, joinAs, TELEGRAM_ASKER, TELEGRAM_GROUP } from '../support/question-fixtures.ts';
import { privateMessage, startTelegramHarness, type TelegramHarness } from '../support/telegram-harness.ts';
import { answerTo } from '../support/telegram-members.ts';

let telegram: TelegramHarness | undefined;
afterEach(async () => {
  await telegram?.close();
  telegram = undefined;
});

const PEER = 100000002;
const MODERATOR = 100000005;

type Kept = { kind: string; answer: number | null; conversation: string; ids: string[] };

function postsKept(h: TelegramHarness): Kept[] {
  return (h.core.db.sqlite.prepare('SELECT kind, answer_number AS answer, conversation_id AS conversation, message_ids FROM question_posts ORDER BY id').all() as any[])
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
