/**
 * A Telegram group reads the member's own `/answer`: through the fake Bot
 * API, an edited `/answer` (or edited reply) does not post a second answer,
 * an edited `/search` runs again, and an `/answer` carrying a person's data
 * is refused and taken down from the group.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { askInTelegramGroup, joinAs, TELEGRAM_ASKER as ASKER, TELEGRAM_GROUP as GROUP, telegramGroupCommand } from '../support/question-fixtures.ts';
import { startTelegramHarness, type TelegramHarness } from '../support/telegram-harness.ts';
import { answerTo } from '../support/telegram-members.ts';

let telegram: TelegramHarness | undefined;
afterEach(async () => {
  await telegram?.close();
  telegram = undefined;
});

const answers = (h: TelegramHarness) => (h.core.db.sqlite.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n;

/** The same group message, edited to `text` (Telegram sends it as `edited_message`). */
function edited(updateId: number, messageId: number, text: string): any {
  const { message } = telegramGroupCommand(messageId, text);
  return { update_id: updateId, edited_message: { ...message, edit_date: message.date + 60 } };
}

describe('Telegram: edits and personal data in a group answer', () => {
  it('does not post an answer twice when the member edits their /answer, but runs an edited /search again', async () => {
    const h = (telegram = await startTelegramHarness());
    await joinAs(h.core, 'telegram', String(ASKER), 'Ana');
    const { id } = await askInTelegramGroup(h, 800, 'Where can a foster family get respite care?');
    await answerTo(h, telegramGroupCommand(810, `/answer ${id} Ask the social welfare centre about respite.`), /Answer 1 to/);
    expect(answers(h)).toBe(1);

    const note = await answerTo(h, edited(811, 810, `/answer ${id} Ask the regional social welfare centre about respite.`), /does not repeat/);
    expect(note.params.chat_id).toBe(GROUP);
    expect(note.params.text).toContain('Editing a message does not repeat /answer');
    expect(answers(h)).toBe(1);
    expect(h.fake.callsTo('sendMessage').filter((call) => /Answer 2 to/.test(call.params.text))).toHaveLength(0);

    const search = await answerTo(h, edited(812, 805, '/search respite'), /respite/);
    expect(search.params.text).not.toContain('does not repeat');
  });

  it('refuses an /answer with a phone number and takes the member\'s message down from the group', async () => {
    const h = (telegram = await startTelegramHarness());
    await joinAs(h.core, 'telegram', String(ASKER), 'Ana');
    const { id } = await askInTelegramGroup(h, 820, 'Who funds legal aid for children?');
    const refused = await answerTo(h, telegramGroupCommand(830, `/answer ${id} Call the mother on +381 64 123 4567.`), /was not posted/);
    expect(refused.params.text).toContain('phone number');
    expect(refused.params.text).not.toContain('123 4567');
    expect((await h.fake.waitForCall('deleteMessage')).params).toMatchObject({ chat_id: GROUP, message_id: 830 });
    expect(answers(h)).toBe(0);
  });
});
