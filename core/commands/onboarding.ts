/**
 * The short profile after "I agree": name, country, profession,
 * organisation, language, topics — one question at a time, by buttons, each
 * skippable. The name and organisation (and a country not among the
 * buttons) are typed: the question is noted as the account's pending input,
 * and the member's next plain message in a private chat answers it (see
 * `awaitingProfileText`, which the router calls). On platforms without
 * plain messages (Discord) `/profile edit <field> <value>` answers it.
 * The same questions, in `edit` mode, change one field from /profile.
 */
import { accountOf, reloadMember, requireMember, speaking } from '../members/member-context.ts';
import { OTHER_COUNTRY, PROFILE_FIELDS, resolveProfileField, TOPICS, type ProfileField } from '../members/profile-options.ts';
import { modeOf, PROFILE_ACTION, stepFor, typedChange, type StepMode } from '../members/profile-steps.ts';
import { heading, paragraph, reply, text } from '../model/reply-builders.ts';
import type { Block, Reply } from '../model/reply.ts';
import type { ProfileChange } from '../ports.ts';
import type { ActionSpec, CommandContext } from '../router/command.ts';
import type { AwaitingText } from '../router/router.ts';
import { UserError } from '../router/user-error.ts';
import { searchExample } from './examples.ts';
import { profileView } from './profile-view.ts';

/** A typed answer older than this is not one: the member has moved on, and the text is searched. */
export const PENDING_INPUT_MAX_AGE_MS = 60 * 60 * 1000;
const STEP_PREFIX = 'profile:';

/** The first question, after the thanks for joining. */
export async function startOnboarding(context: CommandContext, before: Block[]): Promise<Reply> {
  const intro = paragraph(text(context.t('onboard.intro', { profile: context.command('profile') })));
  return ask(context, PROFILE_FIELDS[0], 'onboard', false, [...before, intro]);
}

/** Shows the question for `field`; a typed field waits for the next plain message. */
export async function ask(context: CommandContext, field: ProfileField, mode: StepMode, askCountry = false, before: Block[] = []): Promise<Reply> {
  const step = stepFor(context, field, mode, askCountry);
  const account = accountOf(context);
  const typed = step.typed && (field !== 'country' || askCountry);
  if (typed) await context.services.pendingInputs.set(account, `${STEP_PREFIX}${mode}:${field}`);
  else await context.services.pendingInputs.clear(account);
  const title = mode === 'onboard'
    ? [heading(context.t('onboard.step', { step: PROFILE_FIELDS.indexOf(field) + 1, total: PROFILE_FIELDS.length }))]
    : [];
  return { ...reply([...before, ...title, ...step.blocks], { private: true, buttons: step.buttons }), language: context.language };
}

/** After a field was answered or skipped: the next question, the end of onboarding, or the profile again. */
async function after(context: CommandContext, field: ProfileField, mode: StepMode, saved: boolean): Promise<Reply> {
  const savedNote = saved ? [paragraph(text(context.t('onboard.saved')))] : [];
  if (mode === 'edit') return { ...(await profileView(context, savedNote)), language: context.language };
  const next = PROFILE_FIELDS[PROFILE_FIELDS.indexOf(field) + 1];
  if (next) return ask(context, next, mode, false, savedNote);
  const done = context.t('onboard.finished', { profile: context.command('profile'), example: context.command('search', searchExample(context)) });
  return { ...reply([...savedNote, paragraph(text(done))], { private: true }), language: context.language };
}

/** Stores the change; the context that follows reads the member again (and speaks a newly chosen language). */
async function apply(context: CommandContext, change: ProfileChange | { language: string }): Promise<CommandContext> {
  const member = requireMember(context);
  if ('language' in change && typeof change.language === 'string') {
    const { platform, userId } = accountOf(context);
    await context.services.settings.setLanguage(platform, userId, change.language);
    await context.services.members.setLanguage(member.id, change.language);
    return speaking(await reloadMember(context), change.language);
  }
  await context.services.members.updateProfile(member.id, change as ProfileChange);
  return reloadMember(context);
}

/** An answer typed for `field` (a plain message, or `/profile edit field value`). */
export async function answerTyped(context: CommandContext, field: ProfileField, mode: StepMode, typed: string): Promise<Reply> {
  const next = await apply(context, typedChange(context, field, typed));
  await context.services.pendingInputs.clear(accountOf(context));
  return after(next, field, mode, true);
}

/** The mode of a question the account was asked and has not answered, when it is about `field`. */
export async function pendingModeFor(context: CommandContext, field: ProfileField): Promise<StepMode | undefined> {
  const pending = await freshPending(context);
  return pending?.field === field ? pending.mode : undefined;
}

async function freshPending(context: CommandContext): Promise<{ mode: StepMode; field: ProfileField } | undefined> {
  const pending = await context.services.pendingInputs.get(accountOf(context));
  if (!pending?.step.startsWith(STEP_PREFIX)) return undefined;
  if (context.services.clock.now().getTime() - pending.since.getTime() > PENDING_INPUT_MAX_AGE_MS) return undefined;
  const [modeCode, fieldName = ''] = pending.step.slice(STEP_PREFIX.length).split(':');
  const mode = modeCode === 'onboard' || modeCode === 'edit' ? modeCode : undefined;
  const field = resolveProfileField(fieldName);
  return mode && field ? { mode, field } : undefined;
}

/** The router's hook: a private plain message answers the pending question; a command drops it. */
export const awaitingProfileText: AwaitingText = {
  async answer(context, typed) {
    const pending = context.member ? await freshPending(context) : undefined;
    return pending ? answerTyped(context, pending.field, pending.mode, typed) : undefined;
  },
  async beforeCommand(context, name, args) {
    // `/profile edit name Ana` answers the name question (how Discord members type it): it stays for that command.
    const [sub, field] = args.trim().split(/\s+/);
    if (name === 'profile' && sub === 'edit' && field && (await freshPending(context))?.field === resolveProfileField(field)) return;
    await context.services.pendingInputs.clear(accountOf(context));
  },
};

export const profileAction: ActionSpec = {
  actionId: PROFILE_ACTION,
  async run(context, value) {
    const member = requireMember(context);
    const [modeCode, fieldName = '', choice = ''] = value.split(':');
    const mode = modeOf(modeCode);
    const field = resolveProfileField(fieldName);
    if (!mode || !field) throw new UserError('errors.unknownButton');
    if (choice === 'ask') return ask(context, field, mode);
    if (choice === 'skip' || (field === 'topics' && choice === 'done')) {
      await context.services.pendingInputs.clear(accountOf(context));
      return after(context, field, mode, false);
    }
    if (field === 'topics') {
      const topic = TOPICS[Number(choice)];
      if (!topic || !/^\d+$/.test(choice)) throw new UserError('errors.unknownButton');
      const chosen = new Set(member.profile.topics);
      if (!chosen.delete(topic)) chosen.add(topic);
      const next = await apply(context, { topics: TOPICS.filter((item) => chosen.has(item)) });
      return ask(next, 'topics', mode);
    }
    const next = await apply(context, typedChange(context, field, choice));
    // "Other": the country is typed (a member who skips that stays "other").
    if (field === 'country' && choice === OTHER_COUNTRY) return ask(next, 'country', mode, true);
    return after(next, field, mode, true);
  },
};
