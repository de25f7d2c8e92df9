/** A guard: the command is for members with one of these roles (an admin may do everything). */
import type { Member } from '../ports.ts';
import type { Guard } from './command.ts';
import { UserError } from './user-error.ts';

/** `command`: named in the refusal when the guard checks a button press rather than the command itself. */
export function requireRole(roles: Array<Member['role']>, command?: string): Guard {
  return async (context) => {
    // The router already looked the member up for this message.
    const member = context.member;
    const allowed = member?.status === 'active' && (member.role === 'admin' || roles.includes(member.role));
    if (allowed) return { ok: true };
    const content = context.incoming.content;
    const name = content.kind === 'command' ? content.name : (command ?? '');
    return { ok: false, error: new UserError('errors.notAllowed', { command: `/${name}` }) };
  };
}
