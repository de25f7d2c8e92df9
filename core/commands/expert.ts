/**
 * `/expert`: an expert's own expert profile — expertise topics, languages,
 * countries, and whether to be listed in /experts. The first time, it asks
 * one question after another (buttons; the console presses them by number
 * or name); afterwards it shows the profile with a button to change each
 * field. `/expert edit <field> <value>` changes one directly. For experts,
 * and for moderators and administrators who are experts too.
 */
import { requireMember } from '../members/member-context.ts';
import {
  describeExpertField, EMPTY_EXPERT_PROFILE, EXPERT_ACTION, EXPERT_FIELDS, expertStep, resolveExpertField, toggled, typedExpertChange, type ExpertField,
} from '../members/expert-steps.ts';
import { modeOf, type StepMode } from '../members/profile-steps.ts';
import { heading, paragraph, reply, text } from '../model/reply-builders.ts';
import type { Block, Button, Reply } from '../model/reply.ts';
import type { ExpertProfile } from '../ports.ts';
import type { ActionSpec, CommandContext, CommandSpec, Guard } from '../router/command.ts';
import { UserError } from '../router/user-error.ts';
import { parseEditArgs, type EditArgs } from './edit-args.ts';
import { directoryItem } from './experts.ts';

type ExpertArgs = EditArgs<ExpertField>;

const EXPERT_ROLES: ReadonlySet<string> = new Set(['expert', 'moderator', 'admin']);

const usage = () => new UserError('expert.usage', { fields: EXPERT_FIELDS.join(', '), example: '/expert edit countries RS, BA' });

/** The expert profile is for experts (and staff); anyone else is told who gives the role. */
const expertsOnly: Guard = (context) => {
  const member = context.member;
  if (member?.status === 'active' && EXPERT_ROLES.has(member.role)) return { ok: true };
  return { ok: false, error: new UserError('expert.notExpert', { experts: context.command('experts') }) };
};

export const expertCommand: CommandSpec<ExpertArgs> = {
  name: 'expert',
  descriptionKey: 'help.commands.expert',
  parse: (args) => parseEditArgs(args, resolveExpertField, usage),
  guards: [expertsOnly],
  async run(context, args) {
    const member = requireMember(context);
    const profile = await context.services.experts.get(member.id);
    if (args.kind === 'show') {
      if (profile) return expertView(context, profile);
      // The first time: the profile exists from now on (empty, unlisted), and the questions follow.
      await context.services.experts.update(member.id, {});
      return ask(context, EXPERT_FIELDS[0], 'onboard', EMPTY_EXPERT_PROFILE, [paragraph(text(context.t('expert.intro')))]);
    }
    const current = profile ?? EMPTY_EXPERT_PROFILE;
    if (!args.value) return ask(context, args.field, 'edit', current);
    const saved = await save(context, typedExpertChange(context, args.field, args.value));
    return after(context, args.field, 'edit', saved);
  },
};

export const expertAction: ActionSpec = {
  actionId: EXPERT_ACTION,
  async run(context, value) {
    // Buttons reach whoever sees them: the press is checked like the command.
    const allowed = await expertsOnly(context);
    if (!allowed.ok) throw allowed.error;
    const [modeCode, fieldName = '', choice = ''] = value.split(':');
    const mode = modeOf(modeCode);
    const field = resolveExpertField(fieldName);
    if (!mode || !field) throw new UserError('errors.unknownButton');
    const profile = (await context.services.experts.get(context.member!.id)) ?? EMPTY_EXPERT_PROFILE;
    if (choice === 'ask') return ask(context, field, mode, profile);
    if (choice === 'done') return after(context, field, mode, profile);
    if (field === 'listed') return after(context, field, mode, await save(context, typedExpertChange(context, field, choice)));
    const change = toggled(field, profile, choice);
    if (!change) throw new UserError('errors.unknownButton');
    return ask(context, field, mode, await save(context, change));
  },
};

/** Stores the change and reads the profile back. Being listed needs a name to be listed by. */
async function save(context: CommandContext, change: Partial<ExpertProfile>): Promise<ExpertProfile> {
  const member = requireMember(context);
  if (change.listed && !member.profile.displayName) {
    throw new UserError('expert.needName', { command: context.command('profile', 'edit name …') });
  }
  await context.services.experts.update(member.id, change);
  return (await context.services.experts.get(member.id)) ?? EMPTY_EXPERT_PROFILE;
}

function ask(context: CommandContext, field: ExpertField, mode: StepMode, profile: ExpertProfile, before: Block[] = []): Reply {
  const step = expertStep(context, field, mode, profile);
  const title = mode === 'onboard'
    ? [heading(context.t('expert.step', { step: EXPERT_FIELDS.indexOf(field) + 1, total: EXPERT_FIELDS.length }))]
    : [];
  return reply([...before, ...title, ...step.blocks], { private: true, buttons: step.buttons });
}

/** After a field: the next question, or the profile (with the end-of-questions note). */
async function after(context: CommandContext, field: ExpertField, mode: StepMode, profile: ExpertProfile): Promise<Reply> {
  const next = EXPERT_FIELDS[EXPERT_FIELDS.indexOf(field) + 1];
  if (mode === 'onboard' && next) return ask(context, next, mode, profile);
  const note = context.t(mode === 'onboard' ? 'expert.finished' : 'onboard.saved');
  return expertView(context, profile, [paragraph(text(note))]);
}

export function expertView(context: CommandContext, profile: ExpertProfile, before: Block[] = []): Reply {
  const { t } = context;
  const fields = EXPERT_FIELDS.map((field) => ({ label: t(`expert.fields.${field}`), value: [text(describeExpertField(context, field, profile))] }));
  const buttons: Button[][] = [EXPERT_FIELDS.map((field) => ({
    actionId: EXPERT_ACTION,
    label: t('profile.change', { field: t(`expert.fields.${field}`) }),
    value: `e:${field}:ask`,
  }))];
  const hint = paragraph(text(t('expert.editHint', { example: context.command('expert', 'edit countries RS, BA') })));
  return reply([...before, paragraph(text(t('expert.title'))), { kind: 'fields', fields }, ...preview(context, profile), hint], { private: true, buttons });
}

/** A listed expert sees their entry as members see it. */
function preview(context: CommandContext, profile: ExpertProfile): Block[] {
  const member = requireMember(context);
  const name = member.profile.displayName;
  if (!profile.listed || !name) return [];
  const { profession, organisation } = member.profile;
  const entry = { memberId: member.id, displayName: name, ...(profession ? { profession } : {}), ...(organisation ? { organisation } : {}), ...profile };
  return [paragraph(text(context.t('expert.preview', { command: context.command('experts') }))), { kind: 'list', items: [directoryItem(context, entry, false)] }];
}
