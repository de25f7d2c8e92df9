/**
 * `/audit`: the latest approvals, role changes and erasures, for
 * administrators. Entries name members by their opaque id, never by name;
 * an erasure names no one.
 */
import { heading, paragraph, reply, text } from '../model/reply-builders.ts';
import { ok, type CommandSpec } from '../router/command.ts';
import { requireRole } from '../router/require-role.ts';

const SHOWN = 20;

export const auditCommand: CommandSpec<null> = {
  name: 'audit',
  repeatsOnEdit: true,
  descriptionKey: 'help.commands.audit',
  parse: () => ok(null),
  guards: [requireRole(['admin'])],
  async run(context) {
    const { t } = context;
    const entries = await context.services.audit.recent(SHOWN);
    if (entries.length === 0) return reply([paragraph(text(t('audit.empty')))], { private: true });
    const items = entries.map((entry) => [
      text([entry.at.toISOString().slice(0, 16).replace('T', ' '), entry.action, entry.subject, entry.details].filter(Boolean).join(' · ')),
    ]);
    return reply([heading(t('audit.title', { count: entries.length })), { kind: 'list', items }], { private: true });
  },
};
