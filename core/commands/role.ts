/**
 * `/role <member> <role>`: moderators and administrators set a member's
 * role — member, expert, moderator, admin — within the moderation rules
 * (core/members/moderation-rules.ts). The member is named as
 * core/members/member-reference.ts describes; the change is audited with
 * who decided, and the last administrator keeps the role. The member is
 * told in a private message (core/members/tell-member.ts).
 */
import { findReferencedMember, memberLabel } from '../members/member-reference.ts';
import { resolveRole, roleRefusal, ROLES, type Role } from '../members/moderation-rules.ts';
import { tellMember, toldLine, type Voice } from '../members/tell-member.ts';
import { paragraph, reply, text } from '../model/reply-builders.ts';
import type { Reply } from '../model/reply.ts';
import { fail, ok, type CommandContext, type CommandSpec } from '../router/command.ts';
import { requireRole } from '../router/require-role.ts';
import { UserError } from '../router/user-error.ts';

const roleName = (context: CommandContext, role: Role) => context.t(`profile.roles.${role}`);

/** The refusal that says how to write the command; the role names are English here, the parser being pure. */
export const roleUsage = (roles = ROLES.join(', ')) =>
  new UserError('role.usage', { example: '/role Xy3kQ9aB expert', roles, pending: '/pending', experts: '/experts' });

export const roleCommand: CommandSpec<string[]> = {
  name: 'role',
  descriptionKey: 'help.commands.role',
  parse(args) {
    const words = args.split(/\s+/).filter(Boolean);
    return words.length === 1 || words.length === 2 ? ok(words) : fail(roleUsage());
  },
  guards: [requireRole(['moderator'])],
  async run(context, words) {
    const { role, reference } = roleAndReference(context, words);
    const actor = context.member!;
    const target = await findReferencedMember(context, reference, roleUsage(ROLES.map((item) => roleName(context, item)).join(', ')));
    const params = { member: memberLabel(target), role: roleName(context, role), pending: context.command('pending') };
    const refusal = roleRefusal(actor, target, role);
    if (refusal) throw new UserError(refusal, params);
    const result = await context.services.members.setRole(target.id, role, actor.id);
    if (result === 'not-found') throw new UserError('members.notFound', { reference: reference ?? target.id, example: 'telegram:123456789' });
    if (result === 'unchanged') throw new UserError('role.unchanged', params);
    if (result === 'last-admin') throw new UserError('role.lastAdmin', params);
    const blocks = [paragraph(text(context.t('role.changed', params)))];
    if (role === 'expert') blocks.push(paragraph(text(context.t('role.expertHint', { command: context.command('expert') }))));
    // An administrator changing their own role knows it already.
    if (target.id !== actor.id) {
      const told = await tellMember(context.services, target.id, (voice) => roleNotice(voice, role));
      blocks.push(paragraph(text(toldLine(context, told, params.member))));
    }
    return reply(blocks, { private: true });
  },
};

/** What the member reads of their new role, in their language. */
function roleNotice(voice: Voice, role: Role): Reply {
  const blocks = [paragraph(text(voice.t('notify.role', { role: voice.t(`profile.roles.${role}`) })))];
  if (role === 'expert') blocks.push(paragraph(text(voice.t('notify.expertHint', { command: voice.command('expert') }))));
  return reply(blocks, { private: true });
}

/** The role is the last word, or the first (`/role expert telegram:123`); the other word names the member. */
function roleAndReference(context: CommandContext, words: string[]): { role: Role; reference?: string } {
  const nameOf = (role: Role) => roleName(context, role);
  const [first = '', second] = words;
  const last = second ?? first;
  const asLast = resolveRole(last, nameOf);
  if (asLast) return { role: asLast, ...(second ? { reference: first } : {}) };
  const asFirst = second ? resolveRole(first, nameOf) : undefined;
  if (asFirst) return { role: asFirst, reference: second! };
  throw new UserError('role.unknown', { value: last, roles: ROLES.map(nameOf).join(', ') });
}
