/**
 * Telling a member of a moderator's decision about them — an approval, a
 * new role, a suspension and its end — in a private message, in their
 * language, on the platform they use: their accounts are tried oldest
 * first (the one they joined on), on the platforms running here, until
 * one message goes. The decision stands whatever happens to the message;
 * the moderator's reply says whether the member was told (a member who
 * blocked the bot, or never opened a chat with it, cannot be).
 */
import { memberTarget } from '../delivery/send-to-target.ts';
import { DEFAULT_LANGUAGE } from '../library/language.ts';
import { paragraph, reply, text } from '../model/reply-builders.ts';
import type { Reply } from '../model/reply.ts';
import type { TranslationParams } from '../ports.ts';
import type { CommandContext, CoreServices } from '../router/command.ts';

/** What the message is written with: the member's language and the commands as their platform has them typed. */
export interface Voice {
  t(key: string, params?: TranslationParams): string;
  command(name: string): string;
}

type Telling = Pick<CoreServices, 'members' | 'settings' | 'publishers' | 'translator' | 'logger'>;

/** Sends `compose`'s message to the member; true when one of their accounts received it. */
export async function tellMember(services: Telling, memberId: string, compose: (voice: Voice) => Reply): Promise<boolean> {
  const member = await services.members.findById(memberId);
  if (!member) return false;
  for (const account of await services.members.accountsOf(memberId)) {
    const publisher = services.publishers.for(account.platform);
    if (!publisher) continue;
    // The account's own /lang first, as every reply on it speaks.
    const language = (await services.settings.getLanguage(account.platform, account.userId)) ?? member.language ?? DEFAULT_LANGUAGE;
    try {
      await publisher.post(memberTarget(account.platform, account.userId), { ...compose(voiceOf(services, language, publisher.commandPrefix)), language });
      return true;
    } catch (error) {
      // Which decision, on which platform: not who it was about.
      services.logger.warn({ err: error, platform: account.platform }, 'members: could not tell a member of a decision');
    }
  }
  return false;
}

/** `tellMember` with a message of one paragraph, `key` in the member's language. */
export function tellMemberText(services: Telling, memberId: string, key: string, params: (voice: Voice) => TranslationParams = () => ({})): Promise<boolean> {
  return tellMember(services, memberId, (voice) => reply([paragraph(text(voice.t(key, params(voice))))], { private: true }));
}

/** The line the moderator's reply ends with: whether the member was told. */
export function toldLine(context: CommandContext, told: boolean, member: string): string {
  return context.t(told ? 'members.told' : 'members.notTold', { member });
}

function voiceOf(services: Telling, language: string, prefix = '/'): Voice {
  return { t: (key, params) => services.translator.t(language, key, params), command: (name) => `${prefix}${name}` };
}
