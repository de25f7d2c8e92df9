/**
 * How a moderator names the member a command is about (`/role`, `/suspend`):
 * - a reply to the member's message (Telegram), with no name at all;
 * - an account, `platform:user-id` (`telegram:123`, `slack:U0123`), as in
 *   CPHUB_ADMINS; adapters turn a platform mention into this form (a Discord
 *   user option or `<@id>`, a Slack `<@U…>` mention);
 * - the short member id that /pending, /experts, /audit and the member's own
 *   /profile show (the first characters of the id are enough when no other
 *   member's id starts the same way).
 */
import type { PlatformName } from '../model/incoming.ts';
import type { Member, Members } from '../ports.ts';
import type { CommandContext } from '../router/command.ts';
import { UserError } from '../router/user-error.ts';

/** Characters of a member id that lists show: 48 random bits, unique among a network's few thousand. */
export const SHORT_ID_LENGTH = 8;
/** Fewer characters than this name no one: a guess should not find a member. */
const MIN_PREFIX = 6;
const ACCOUNT = /^(console|telegram|discord|slack):(\S+)$/i;
const MEMBER_ID = /^[A-Za-z0-9_-]+$/;

export const shortId = (memberId: string): string => memberId.slice(0, SHORT_ID_LENGTH);

/** A member as a reply names them: their name and short id, or the id alone. */
export function memberLabel(member: Member): string {
  const id = shortId(member.id);
  return member.profile.displayName ? `${member.profile.displayName} (${id})` : id;
}

/** The member `reference` names, or the member whose message this one answers; `missing` when there is neither. */
export async function findReferencedMember(context: CommandContext, reference: string | undefined, missing: UserError): Promise<Member> {
  const { members } = context.services;
  if (!reference) {
    const replyTo = context.incoming.replyTo;
    if (!replyTo) throw missing;
    const member = await members.findByAccount(context.incoming.platform, replyTo.senderId);
    if (!member) throw new UserError('members.replyNotMember');
    return member;
  }
  return findMemberByReference(members, reference);
}

/** The member an account (`telegram:123`) or a member id (its first characters are enough) names; a `UserError` when none or several. */
export async function findMemberByReference(members: Members, reference: string): Promise<Member> {
  const account = ACCOUNT.exec(reference);
  if (account) {
    const member = await members.findByAccount(account[1]!.toLowerCase() as PlatformName, account[2]!);
    return member ?? notFound(reference);
  }
  if (reference.length < MIN_PREFIX || !MEMBER_ID.test(reference)) return notFound(reference);
  const found = await members.findByIdPrefix(reference, 2);
  if (found.length > 1) throw new UserError('members.ambiguous', { reference });
  return found[0] ?? notFound(reference);
}

function notFound(reference: string): never {
  throw new UserError('members.notFound', { reference, example: 'telegram:123456789' });
}
