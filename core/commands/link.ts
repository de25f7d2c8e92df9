/**
 * `/link`: one person, several platforms. A member asks for a one-time code
 * (valid ten minutes) and sends `/link <code>` from their other account;
 * the accounts then belong to one member. The code cannot be used twice, late,
 * or by the account that asked for it.
 */
import { paragraph, reply, text } from '../model/reply-builders.ts';
import { ok, type CommandSpec } from '../router/command.ts';
import { UserError } from '../router/user-error.ts';

export const LINK_CODE_VALID_MS = 10 * 60 * 1000;

export const linkCommand: CommandSpec<string> = {
  name: 'link',
  descriptionKey: 'help.commands.link',
  parse: (args) => ok(args.trim()),
  async run(context, code) {
    const { t } = context;
    const { platform, sender } = context.incoming;
    const account = { platform, userId: sender.id };
    if (code) {
      const result = await context.services.links.redeem(code, account);
      if (result === 'same-account') throw new UserError('link.sameAccount');
      if (result === 'invalid') throw new UserError('link.invalid', { command: context.command('link') });
      return reply([paragraph(text(t('link.done')))], { private: true });
    }
    const member = await context.services.members.findByAccount(platform, sender.id);
    if (!member) throw new UserError('link.needMember', { start: context.command('start') });
    const issued = await context.services.links.issue(member.id, account, LINK_CODE_VALID_MS);
    const minutes = LINK_CODE_VALID_MS / 60_000;
    return reply([paragraph(text(t('link.code', { command: context.command('link', issued), count: minutes })))], { private: true });
  },
};

export const unlinkCommand: CommandSpec<null> = {
  name: 'unlink',
  descriptionKey: 'help.commands.unlink',
  parse: () => ok(null),
  async run(context) {
    const { platform, sender } = context.incoming;
    const unlinked = await context.services.links.unlink({ platform, userId: sender.id });
    if (!unlinked) throw new UserError('unlink.notLinked');
    return reply([paragraph(text(context.t('unlink.done', { start: context.command('start') })))], { private: true });
  },
};
