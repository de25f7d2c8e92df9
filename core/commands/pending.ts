/**
 * `/pending`: in approved membership, newcomers wait for a moderator. The
 * list shows each with Approve / Decline; the decision is audited with the
 * moderator's member id. An approved newcomer is told in a private message
 * (core/members/tell-member.ts). A declined newcomer's consent and accounts
 * are erased (they may ask again with /start); nothing is sent to them, as
 * nothing about them is kept.
 */
import { shortId } from '../members/member-reference.ts';
import { tellMemberText, toldLine } from '../members/tell-member.ts';
import { paragraph, reply, text } from '../model/reply-builders.ts';
import type { Block, Button } from '../model/reply.ts';
import { ok, type ActionSpec, type CommandSpec } from '../router/command.ts';
import { requireRole } from '../router/require-role.ts';

export const DECIDE_ACTION = 'membership.decide';
const SHOWN = 10;
const moderators = requireRole(['moderator'], 'pending');

export const pendingCommand: CommandSpec<null> = {
  name: 'pending',
  repeatsOnEdit: true,
  descriptionKey: 'help.commands.pending',
  parse: () => ok(null),
  guards: [moderators],
  async run(context) {
    const { t } = context;
    const waiting = await context.services.members.pending(SHOWN);
    if (waiting.length === 0) return reply([paragraph(text(t('pending.none')))], { private: true });
    const blocks: Block[] = [paragraph(text(t('pending.title', { count: waiting.length })))];
    const buttons: Button[][] = [];
    for (const member of waiting) {
      blocks.push(paragraph(text(`${member.displayName ?? '—'} · ${shortId(member.id)} · ${member.consentedAt.toISOString().slice(0, 10)}`)));
      buttons.push([
        { actionId: DECIDE_ACTION, label: `${t('pending.approve')}: ${member.displayName ?? shortId(member.id)}`, value: `approve:${member.id}` },
        { actionId: DECIDE_ACTION, label: `${t('pending.decline')}: ${member.displayName ?? shortId(member.id)}`, value: `decline:${member.id}` },
      ]);
    }
    return reply(blocks, { private: true, buttons });
  },
};

export const decideAction: ActionSpec = {
  actionId: DECIDE_ACTION,
  async run(context, value) {
    // Buttons reach whoever sees them: the press is checked like the command.
    const allowed = await moderators(context);
    if (!allowed.ok) throw allowed.error;
    const [decision, memberId = ''] = value.split(':');
    const approve = decision === 'approve';
    const decided = await context.services.members.decide(memberId, approve, context.member!.id);
    const key = !decided ? 'pending.already' : approve ? 'pending.approved' : 'pending.declined';
    const blocks = [paragraph(text(context.t(key, { id: shortId(memberId) })))];
    if (decided && approve) {
      const told = await tellMemberText(context.services, memberId, 'notify.approved', (voice) => ({ ask: voice.command('ask'), experts: voice.command('experts'), profile: voice.command('profile') }));
      blocks.push(paragraph(text(toldLine(context, told, shortId(memberId)))));
    }
    return reply(blocks, { private: true });
  },
};
