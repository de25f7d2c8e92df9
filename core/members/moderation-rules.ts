/**
 * Who may change whose role or suspend whom. Administrators run the hub;
 * moderators look after the members: they name experts (and take the role
 * back) and suspend members and experts, but the staff roles — moderator,
 * administrator — are given, taken and suspended by administrators only.
 * An administrator is never suspended (take the role first), so a
 * suspension cannot leave the hub without one. Each rule answers with the
 * locale key of its refusal, or undefined when the change may go ahead.
 */
import { foldText } from '../search/fold.ts';
import type { Member } from '../ports.ts';

export type Role = Member['role'];
/** Lowest to highest. */
export const ROLES: readonly Role[] = ['member', 'expert', 'moderator', 'admin'];
/** The roles a moderator gives and takes. */
const MODERATOR_ROLES: ReadonlySet<Role> = new Set(['member', 'expert']);
const ROLE_ALIASES: Record<string, Role> = { administrator: 'admin', mod: 'moderator' };

/** A role as typed: its key, an alias, or its name in the member's language (`stručnjak`, `expert`). */
export function resolveRole(typed: string, nameOf: (role: Role) => string): Role | undefined {
  const folded = foldText(typed).trim();
  const alias = ROLE_ALIASES[folded];
  if (alias) return alias;
  return ROLES.find((role) => role === folded || foldText(nameOf(role)).trim() === folded);
}

export function roleRefusal(actor: Member, target: Member, role: Role): string | undefined {
  if (target.status === 'pending') return 'role.pending';
  if (actor.role === 'admin') return undefined;
  if (!MODERATOR_ROLES.has(role) || !MODERATOR_ROLES.has(target.role)) return 'role.adminOnly';
  return undefined;
}

export function suspendRefusal(actor: Member, target: Member): string | undefined {
  if (target.id === actor.id) return 'suspend.self';
  if (target.status === 'pending') return 'suspend.pending';
  if (target.role === 'admin') return 'suspend.admin';
  if (target.role === 'moderator' && actor.role !== 'admin') return 'suspend.adminOnly';
  return undefined;
}

export function unsuspendRefusal(actor: Member, target: Member): string | undefined {
  if (target.status !== 'suspended') return 'suspend.notSuspended';
  // Lifting a moderator's suspension is an administrator's decision, as the suspension was.
  if (target.role === 'moderator' && actor.role !== 'admin') return 'suspend.adminOnly';
  return undefined;
}
