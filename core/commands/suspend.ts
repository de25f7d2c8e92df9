/**
 * `/suspend <member>` and `/unsuspend <member>`, for moderators and
 * administrators: a suspended member's messages are ignored on every linked
 * account (the router does that), except what they need to see and erase
 * their data. Both are audited with who decided, and the member is told
 * in a private message (core/members/tell-member.ts); the rules are in
 * core/members/moderation-rules.ts, the ways to name a member in
 * core/members/member-reference.ts.
 */
import { findReferencedMember, memberLabel } from '../members/member-reference.ts';
import { suspendRefusal, unsuspendRefusal } from '../members/moderation-rules.ts';
import { tellMemberText, toldLine } from '../members/tell-member.ts';
import { paragraph, reply, text } from '../model/reply-builders.ts';
import type { Member } from '../ports.ts';
import { fail, ok, type CommandSpec } from '../router/command.ts';
import { requireRole } from '../router/require-role.ts';
import { UserError } from '../router/user-error.ts';

const usage = (command: string) => new UserError('suspend.usage', { example: `/${command} Xy3kQ9aB`, pending: '/pending', experts: '/experts' });

/** One command that moves a member to `status`, when `refusal` has nothing against it. */
function statusCommand(name: string, status: 'active' | 'suspended', refusal: (actor: Member, target: Member) => string | undefined): CommandSpec<string | undefined> {
  const suspending = status === 'suspended';
  return {
    name,
    descriptionKey: `help.commands.${name}`,
    parse(args) {
      const words = args.split(/\s+/).filter(Boolean);
      return words.length > 1 ? fail(usage(name)) : ok(words[0]);
    },
    guards: [requireRole(['moderator'])],
    async run(context, reference) {
      const target = await findReferencedMember(context, reference, usage(name));
      const member = memberLabel(target);
      const refused = refusal(context.member!, target);
      if (refused) throw new UserError(refused, { member, pending: context.command('pending'), role: context.command('role') });
      const result = await context.services.members.setStatus(target.id, status, context.member!.id);
      if (result === 'unchanged') throw new UserError(suspending ? 'suspend.already' : 'suspend.notSuspended', { member });
      if (result === 'not-found') throw new UserError('members.notFound', { reference: member, example: 'telegram:123456789' });
      const done = context.t(suspending ? 'suspend.done' : 'suspend.lifted', { member, unsuspend: context.command('unsuspend') });
      // The suspension stands whether or not the member can be told; the moderator learns which.
      const told = await tellMemberText(context.services, target.id, suspending ? 'notify.suspended' : 'notify.unsuspended', (voice) => ({ mydata: voice.command('mydata'), forget: voice.command('forget') }));
      return reply([paragraph(text(done)), paragraph(text(toldLine(context, told, member)))], { private: true });
    },
  };
}

export const suspendCommand = statusCommand('suspend', 'suspended', suspendRefusal);
export const unsuspendCommand = statusCommand('unsuspend', 'active', unsuspendRefusal);
