/**
 * What the Telegram members tests share: pressing a button the bot sent,
 * and joining in a private chat.
 */
import { privateMessage, telegramFixture, type TelegramHarness } from './telegram-harness.ts';
import type { FakeTelegramCall } from './fake-telegram.ts';

type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };

/** A press, by the member `userId` in their private chat, of the button labelled `label` (a ✓ in front is ignored). */
export function press(updateId: number, userId: number, keyboard: Keyboard, label: string): any {
  const button = keyboard.inline_keyboard.flat().find((candidate) => candidate.text.replace(/^✓ /, '') === label);
  if (!button) throw new Error(`no button ${label}: ${JSON.stringify(keyboard)}`);
  const update = { ...telegramFixture('callback_query_with_message_cyrillic'), update_id: updateId };
  update.callback_query.from = { ...update.callback_query.from, id: userId, first_name: `Member ${userId}`, language_code: 'en' };
  update.callback_query.message.chat = { id: userId, type: 'private', first_name: 'Test' };
  update.callback_query.data = button.callback_data;
  return update;
}

/** Pushes `update`; resolves with the first later call of `method` whose text says `pattern`. */
export function answerTo(h: TelegramHarness, update: object, pattern: RegExp, method = 'sendMessage'): Promise<FakeTelegramCall> {
  const before = h.fake.calls.length;
  h.fake.pushUpdates(update);
  return h.fake.waitForCall(method, (call) => h.fake.calls.indexOf(call) >= before && pattern.test(call.params.text ?? ''));
}

/** /start and "I agree" for `userId`; resolves with the message carrying the first profile question. */
export async function join(h: TelegramHarness, userId: number, updateId: number): Promise<FakeTelegramCall> {
  const welcome = await answerTo(h, privateMessage(updateId, '/start', { id: userId }), /Privacy/);
  return answerTo(h, press(updateId + 1, userId, welcome.params.reply_markup, 'I agree'), /step 1 of 6/, 'editMessageText');
}
