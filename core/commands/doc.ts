/** `/doc <id>`: one document in full. */
import { countryName, languageName, linkLabel, topicName, typeName } from '../library/display-names.ts';
import type { LibraryDocument } from '../library/document.ts';
import { heading, link, paragraph, reply, text } from '../model/reply-builders.ts';
import type { Block, Field } from '../model/reply.ts';
import { fail, ok, type CommandContext, type CommandSpec } from '../router/command.ts';
import { UserError } from '../router/user-error.ts';

export const docCommand: CommandSpec<string> = {
  name: 'doc',
  repeatsOnEdit: true,
  descriptionKey: 'help.commands.doc',
  // Ids have no spaces; members may paste "/doc pub-001," or "<pub-001>".
  parse: (args) => {
    const id = args.split(/\s+/)[0]?.replace(/^[<"'“„]+|[>"'”,.;]+$/g, '') ?? '';
    return id ? ok(id) : fail(new UserError('doc.usage', { example: '/doc pub-001' }));
  },
  async run(context, id) {
    const document = await context.services.documents.findById(id);
    if (!document) throw new UserError('doc.notFound', { id });
    const blocks: Block[] = [heading(document.title)];
    if (document.summary) blocks.push(paragraph(text(document.summary)));
    blocks.push({ kind: 'fields', fields: documentFields(context, document) });
    return reply(blocks);
  },
};

function documentFields(context: CommandContext, document: LibraryDocument): Field[] {
  const { t } = context;
  const fields: Array<[string, string]> = [
    ['doc.type', typeName(t, document.type)],
    ['doc.year', document.year?.toString() ?? ''],
    ['doc.language', languageName(t, document, context.language)],
    ['doc.country', countryName(context.language, document.country)],
    ['doc.publisher', document.publisher],
    ['doc.topics', document.topics.map((topic) => topicName(t, topic)).join(', ')],
  ];
  const result: Field[] = fields
    .filter(([, value]) => value)
    .map(([key, value]) => ({ label: t(key), value: [text(value)] }));
  if (document.url) result.push({ label: t('doc.link'), value: [link(linkLabel(t, document), document.url)] });
  return result;
}
