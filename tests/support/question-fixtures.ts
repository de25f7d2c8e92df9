/** What the questions tests through the platform fakes share: members made directly, and a command typed in the Telegram supergroup. */
import { PRIVACY_VERSION } from '../../core/commands/privacy.ts';
import type { PlatformName } from '../../core/model/incoming.ts';
import type { Member } from '../../core/ports.ts';
import type { CoreHarness } from './core-harness.ts';
import type { FakeTelegramCall } from './fake-telegram.ts';
import { telegramFixture, type TelegramHarness } from './telegram-harness.ts';
import { answerTo } from './telegram-members.ts';

/** The member of the recorded supergroup command (Member B) and the supergroup. */
export const TELEGRAM_ASKER = 100000003;
export const TELEGRAM_GROUP = -1001000000001;

/** A member on `platform` with a name others see, and a role given by the CLI (not what these tests are about). */
export async function joinAs(core: CoreHarness, platform: PlatformName, userId: string, name: string, role: Member['role'] = 'member'): Promise<Member> {
  const member = await core.services.members.join({ platform, userId, displayName: name, language: 'en' }, PRIVACY_VERSION);
  await core.services.members.updateProfile(member.id, { displayName: name });
  if (role !== 'member') await core.services.members.setRole(member.id, role, 'cli');
  return member;
}

/** The recorded supergroup command (Member B, 100000003, in -1001000000001), as a plain message with new text. */
export function telegramGroupCommand(updateId: number, text: string): any {
  const update = telegramFixture('supergroup_bot_command_reply_in_thread');
  delete update.message.reply_to_message;
  delete update.message.message_thread_id;
  Object.assign(update.message, { message_id: updateId, text, entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] });
  update.update_id = updateId;
  return update;
}

/** The asker's press of `label` on the bot's message `sent` (in the group or in her private chat). */
export function askerPress(updateId: number, sent: { params: any }, label: string): any {
  const button = sent.params.reply_markup.inline_keyboard.flat().find((candidate: { text: string }) => candidate.text === label);
  if (!button) throw new Error(`no button ${label}`);
  const update = { ...telegramFixture('callback_query_with_message_cyrillic'), update_id: updateId };
  update.callback_query.from = { ...update.callback_query.from, id: TELEGRAM_ASKER, first_name: 'Ana', language_code: 'en' };
  const chatId = Number(sent.params.chat_id);
  update.callback_query.message.chat = chatId < 0 ? { id: chatId, type: 'supergroup', title: 'Test Supergroup' } : { id: chatId, type: 'private', first_name: 'Ana' };
  update.callback_query.data = button.callback_data;
  return update;
}

/** `/ask <text>` in the supergroup, then Post: resolves with the question's message in the group and its id. */
export async function askInTelegramGroup(telegram: TelegramHarness, updateId: number, text: string): Promise<{ posted: FakeTelegramCall; id: string }> {
  const preview = await answerTo(telegram, telegramGroupCommand(updateId, `/ask ${text}`), /Your question, not posted yet/);
  const posted = await answerTo(telegram, askerPress(updateId + 1, preview, 'Post'), /Question Q/);
  return { posted, id: /Question (Q[A-Z0-9]+)/.exec(posted.params.text)![1]! };
}
