/** A guard: the command is for members with one of these roles (an admin may do everything). */
import type { Member } from '../ports.ts';
import type { Guard } from './command.ts';
import { UserError } from './user-error.ts';

export function requireRole(...roles: Array<Member['role']>): Guard {
  return async (context) => {
    const { platform, sender } = context.incoming;
    const member = await context.services.members.findByAccount(platform, sender.id);
    const allowed = member?.status === 'active' && (member.role === 'admin' || roles.includes(member.role));
    if (allowed) return { ok: true };
    const command = context.incoming.content.kind === 'command' ? context.incoming.content.name : '';
    return { ok: false, error: new UserError('errors.notAllowed', { command: `/${command}` }) };
  };
}
