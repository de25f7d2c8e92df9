/**
 * `/forget`: after a confirmation, everything kept about the member is
 * erased on every linked account (see the PersonalData port), and the
 * files of it kept outside the database (the MemberFiles port). The question
 * and the answers are for the member alone.
 */
import { paragraph, reply, text } from '../model/reply-builders.ts';
import type { Reply } from '../model/reply.ts';
import { ok, type ActionSpec, type CommandSpec } from '../router/command.ts';
import { removedCard } from '../questions/question-cards.ts';
import { removePosts } from '../questions/question-delivery.ts';

export const FORGET_ACTION = 'forget';

export const forgetCommand: CommandSpec<null> = {
  name: 'forget',
  descriptionKey: 'help.commands.forget',
  parse: () => ok(null),
  async run(context) {
    const { t } = context;
    return reply([paragraph(text(t('forget.confirm'))), paragraph(text(t('forget.questions')))], {
      private: true,
      buttons: [[
        { actionId: FORGET_ACTION, label: t('forget.erase'), value: 'erase' },
        { actionId: FORGET_ACTION, label: t('forget.cancel'), value: 'cancel' },
      ]],
    });
  },
};

export const forgetAction: ActionSpec = {
  actionId: FORGET_ACTION,
  async run(context, value): Promise<Reply> {
    const { t } = context;
    if (value !== 'erase') return reply([paragraph(text(t('forget.cancelled')))], { private: true });
    const { platform, sender } = context.incoming;
    // What they asked and answered is taken down where it was posted first: once erased, nothing says where it went.
    if (context.member) await removePosts(context.services, await context.services.questions.postsByMember(context.member.id), removedCard);
    const { accounts } = await context.services.personalData.erase(platform, sender.id);
    // And the copies outside the database: a /mydata file the console wrote holds it all.
    await context.services.memberFiles?.erase(accounts);
    // Said in the language the member had: their setting is gone with the rest.
    return reply([paragraph(text(t('forget.done', { start: context.command('start') })))], { private: true });
  },
};
