/**
 * Anonymity in a Telegram group, through the fake Bot API: a group reads
 * every message and a bot cannot answer one member alone there, so an
 * anonymous question's draft goes to the asker's private chat, her own
 * `/ask anon` message is taken down, and what the group finally reads has
 * no name. A named preview shown in the group offers no anonymous button (the
 * group has seen who asked) but says how to ask anonymously. When the
 * private chat cannot be opened, nothing is posted, and no log line names her.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { askerPress, joinAs, TELEGRAM_ASKER as ASKER, TELEGRAM_GROUP as GROUP, telegramGroupCommand } from '../support/question-fixtures.ts';
import { startTelegramHarness, type TelegramHarness } from '../support/telegram-harness.ts';
import { answerTo } from '../support/telegram-members.ts';

let telegram: TelegramHarness | undefined;
afterEach(async () => {
  await telegram?.close();
  telegram = undefined;
});

const QUESTION = 'How do we support a teenager who reports abuse at home but fears the police?';
const count = (h: TelegramHarness, table: string) => (h.core.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const groupTexts = (h: TelegramHarness) => h.fake.calls.filter((call) => call.params.chat_id === GROUP).map((call) => String(call.params.text ?? ''));

describe('Telegram: asking anonymously in a group', () => {
  it('shows the draft privately, takes her message down, and posts the question in the group without her name', async () => {
    const h = (telegram = await startTelegramHarness());
    await joinAs(h.core, 'telegram', String(ASKER), 'Ana Kovač');
    const privately = h.fake.waitForCall('sendMessage', (call) => call.params.chat_id === ASKER);
    const pointer = await answerTo(h, telegramGroupCommand(700, `/ask anon ${QUESTION}`), /written to you privately/);
    expect(pointer.params.chat_id).toBe(GROUP);
    expect(pointer.params.text).not.toContain('teenager');
    expect((await h.fake.waitForCall('deleteMessage')).params).toMatchObject({ chat_id: GROUP, message_id: 700 });
    const draft = await privately;
    expect(draft.params.text).toContain(QUESTION);
    expect(groupTexts(h).join('\n')).not.toContain('teenager');
    expect(count(h, 'questions')).toBe(0);

    const posted = h.fake.waitForCall('sendMessage', (call) => call.params.chat_id === GROUP && /Question Q/.test(call.params.text));
    await answerTo(h, askerPress(701, draft, 'Post anonymously'), /Posted as Q/, 'editMessageText');
    const question = await posted;
    expect(question.params.text).toContain(QUESTION);
    expect(groupTexts(h).join('\n')).not.toMatch(/Ana|Kovač/);
    expect((h.core.db.sqlite.prepare('SELECT anonymous FROM questions').get() as { anonymous: number }).anonymous).toBe(1);
  });

  it('offers no anonymous button on a preview the group reads, and says how to ask anonymously', async () => {
    const h = (telegram = await startTelegramHarness());
    await joinAs(h.core, 'telegram', String(ASKER), 'Ana Kovač');
    const preview = await answerTo(h, telegramGroupCommand(710, `/ask ${QUESTION}`), /not posted yet/);
    expect(preview.params.chat_id).toBe(GROUP);
    const labels = preview.params.reply_markup.inline_keyboard.flat().map((button: { text: string }) => button.text);
    expect(labels).toContain('Post');
    expect(labels).not.toContain('Post anonymously');
    expect(preview.params.text).toContain('To ask without your name, ask me in a private chat: /ask anon');
  });

  it('posts nothing when it cannot write to her privately, and logs no trace of who she is', async () => {
    const h = (telegram = await startTelegramHarness());
    await joinAs(h.core, 'telegram', String(ASKER), 'Ana Kovač');
    // She never opened a private chat with the bot: Telegram refuses.
    h.fake.script('sendMessage', (call) => (call.params.chat_id === ASKER
      ? { ok: false, error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" }
      : { ok: true, result: { message_id: 9001, date: 0, chat: { id: call.params.chat_id, type: 'supergroup' }, text: call.params.text } }), 3);
    const refusal = await answerTo(h, telegramGroupCommand(720, `/ask anon ${QUESTION}`), /to ask anonymously I must/);
    expect(refusal.params.chat_id).toBe(GROUP);
    expect(refusal.params.text).toContain('Open a private chat with me and ask there with /ask anon');
    expect((await h.fake.waitForCall('deleteMessage')).params).toMatchObject({ chat_id: GROUP, message_id: 720 });
    expect(count(h, 'question_drafts')).toBe(0);
    expect(count(h, 'questions')).toBe(0);
    expect(groupTexts(h).join('\n')).not.toContain('teenager');
    // Asked again, the bot already knows her private chat is closed: refused before any request.
    const again = await answerTo(h, telegramGroupCommand(721, `/ask anon ${QUESTION}`), /to ask anonymously I must/);
    expect(again.params.chat_id).toBe(GROUP);
    expect(count(h, 'question_drafts')).toBe(0);
    const logged = JSON.stringify([...h.core.logs, ...h.logs], (_key, value) => (value instanceof Error ? { message: value.message, stack: value.stack } : value));
    expect(h.core.logs.filter((line) => line.message.includes('could not write to an asker privately')).length === 2).toBe(true);
    expect(logged).not.toContain(String(ASKER));
  });
});
