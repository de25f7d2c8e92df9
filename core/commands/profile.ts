/**
 * `/profile`: what the hub knows about the member, with a button to change
 * each field. `/profile edit <field>` asks that field's question;
 * `/profile edit <field> <value>` changes it at once (`-` clears it). Only
 * the member sees it.
 */
import { requireMember } from '../members/member-context.ts';
import { PROFILE_FIELDS, resolveProfileField, type ProfileField } from '../members/profile-options.ts';
import type { CommandSpec } from '../router/command.ts';
import { UserError } from '../router/user-error.ts';
import { parseEditArgs, type EditArgs } from './edit-args.ts';
import { answerTyped, ask, pendingModeFor } from './onboarding.ts';
import { profileView } from './profile-view.ts';

type ProfileArgs = EditArgs<ProfileField>;

const usage = () => new UserError('profile.usage', { fields: PROFILE_FIELDS.join(', '), example: '/profile edit country RS' });

export const profileCommand: CommandSpec<ProfileArgs> = {
  name: 'profile',
  descriptionKey: 'help.commands.profile',
  parse: (args) => parseEditArgs(args, resolveProfileField, usage),
  async run(context, args) {
    requireMember(context);
    if (args.kind === 'show') return profileView(context);
    // The answer to an onboarding question goes on with the onboarding.
    const mode = (await pendingModeFor(context, args.field)) ?? 'edit';
    if (!args.value) return ask(context, args.field, mode);
    return answerTyped(context, args.field, mode, args.value);
  },
};
