/** Small helpers for handlers that act on the member who is talking. */
import type { Member } from '../ports.ts';
import type { CommandContext } from '../router/command.ts';
import { UserError } from '../router/user-error.ts';

/** The member, or the "join first" message that names /start as it is typed here. */
export function requireMember(context: CommandContext): Member {
  if (!context.member) throw new UserError('profile.notMember', { start: context.command('start') });
  return context.member;
}

/** The account that is talking, as the member ports name it. */
export function accountOf(context: CommandContext) {
  return { platform: context.incoming.platform, userId: context.incoming.sender.id };
}

/** The member as stored now (a handler that just changed it reads it again). */
export async function reloadMember(context: CommandContext): Promise<CommandContext> {
  const member = await context.services.members.findByAccount(context.incoming.platform, context.incoming.sender.id);
  return { ...context, ...(member ? { member } : {}) };
}

/** The same context speaking another language (after the member chose one). */
export function speaking(context: CommandContext, language: string): CommandContext {
  return { ...context, language, t: (key, params) => context.services.translator.t(language, key, params) };
}
