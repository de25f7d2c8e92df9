/**
 * The privacy notice, and consent to it: `/privacy` shows what is kept and
 * why; a member joins only by pressing "I agree" under it (`/start` shows it
 * to anyone who is not a member yet). "Not now" stores nothing: searching
 * works without joining.
 */
import { heading, paragraph, reply, text } from '../model/reply-builders.ts';
import type { Block, Button, Reply } from '../model/reply.ts';
import { ok, type ActionSpec, type CommandContext, type CommandSpec } from '../router/command.ts';
import { startOnboarding } from './onboarding.ts';

/** Bumped when the notice changes in substance: members who agreed to an older one are asked again. */
export const PRIVACY_VERSION = '2026-12';
export const CONSENT_ACTION = 'consent';

export function privacyNotice(context: CommandContext): Block[] {
  const { t } = context;
  return [
    heading(t('privacy.title')),
    paragraph(text(t('privacy.kept'))),
    paragraph(text(t('privacy.member'))),
    paragraph(text(t('privacy.children'))),
    paragraph(text(t('privacy.rights', { mydata: context.command('mydata'), forget: context.command('forget') }))),
  ];
}

/** The question and its two buttons, for someone who has not agreed to this version. */
export async function consentRequest(context: CommandContext): Promise<{ blocks: Block[]; buttons: Button[][] } | undefined> {
  if (context.member?.consentVersion === PRIVACY_VERSION) return undefined;
  const { t } = context;
  return {
    blocks: [paragraph(text(t('consent.question')))],
    buttons: [[
      { actionId: CONSENT_ACTION, label: t('consent.agree'), value: `agree:${PRIVACY_VERSION}` },
      { actionId: CONSENT_ACTION, label: t('consent.later'), value: 'later' },
    ]],
  };
}

export const privacyCommand: CommandSpec<null> = {
  name: 'privacy',
  repeatsOnEdit: true,
  descriptionKey: 'help.commands.privacy',
  parse: () => ok(null),
  async run(context) {
    const request = await consentRequest(context);
    return reply([...privacyNotice(context), ...(request?.blocks ?? [])], { buttons: request?.buttons ?? [] });
  },
};

export const consentAction: ActionSpec = {
  actionId: CONSENT_ACTION,
  async run(context, value): Promise<Reply> {
    const { t } = context;
    const [answer, version] = value.split(':');
    // A press on the buttons of an older notice asks again with the current one.
    if (answer === 'agree' && version !== PRIVACY_VERSION) return privacyCommand.run(context, null);
    if (answer !== 'agree') {
      return reply([paragraph(text(t('consent.declined', { start: context.command('start') })))], { private: true });
    }
    const { platform, sender } = context.incoming;
    const newcomer = !context.member;
    const member = await context.services.members.join(
      { platform, userId: sender.id, language: context.language, ...(sender.displayName ? { displayName: sender.displayName } : {}) },
      PRIVACY_VERSION,
    );
    // The short profile follows at once; every step can be skipped.
    const thanks = paragraph(text(t(member.status === 'pending' ? 'consent.pending' : 'consent.thanks')));
    // A member agreeing to a new version of the notice keeps the profile they have.
    if (!newcomer) return reply([thanks], { private: true });
    return startOnboarding({ ...context, member }, [thanks]);
  },
};
