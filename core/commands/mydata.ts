/**
 * `/mydata`: everything kept about the member (on every linked account), as
 * a JSON file sent to them privately. Only in a private chat: a group would
 * see at least that a file went out, and a platform without private files in
 * groups (Telegram, Slack channels) would show it to everyone.
 */
import { paragraph, reply, text } from '../model/reply-builders.ts';
import { ok, type CommandSpec } from '../router/command.ts';
import { UserError } from '../router/user-error.ts';

/** How the file's name starts (`cphub-mydata-2026-03-14.json`): what the console's /forget looks for. */
export const MYDATA_FILE_PREFIX = 'cphub-mydata-';

export const mydataCommand: CommandSpec<null> = {
  name: 'mydata',
  descriptionKey: 'help.commands.mydata',
  parse: () => ok(null),
  async run(context) {
    const { t, incoming, services } = context;
    if (incoming.conversation.kind !== 'private') throw new UserError('mydata.privateOnly', { command: context.command('mydata') });
    const data = await services.personalData.export(incoming.platform, incoming.sender.id);
    const day = services.clock.now().toISOString().slice(0, 10);
    const attachment = { filename: `${MYDATA_FILE_PREFIX}${day}.json`, mimeType: 'application/json', content: `${JSON.stringify(data, null, 2)}\n` };
    return reply([paragraph(text(t('mydata.sent', { file: attachment.filename, forget: context.command('forget') })))], { private: true, attachments: [attachment] });
  },
};
