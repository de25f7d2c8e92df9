/** What the questions tests through the platform fakes share: members made directly, and a command typed in the Telegram supergroup. */
import { PRIVACY_VERSION } from '../../core/commands/privacy.ts';
import type { PlatformName } from '../../core/model/incoming.ts';
import type { Member } from '../../core/ports.ts';
import type { CoreHarness } from './core-harness.ts';
import { telegramFixture } from './telegram-harness.ts';

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
