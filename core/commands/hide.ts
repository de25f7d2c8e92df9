/**
 * `/hide <id> [answer number]` (moderators): the question — with its
 * answers — or one answer disappears wherever cphub posted it (each
 * platform's message is deleted) and from /questions and /question. The
 * rows stay, marked hidden, so the decision is in the audit trail of the
 * question itself and an asker's /mydata still has what they wrote.
 */
import { paragraph, reply, text } from '../model/reply-builders.ts';
import { fail, ok, type CommandSpec } from '../router/command.ts';
import { requireRole } from '../router/require-role.ts';
import { UserError } from '../router/user-error.ts';
import { hiddenCard } from '../questions/question-cards.ts';
import { removePosts } from '../questions/question-delivery.ts';
import { parseQuestionId } from '../questions/question-id.ts';

export const hideCommand: CommandSpec<{ id: string; number?: number }> = {
  name: 'hide',
  descriptionKey: 'help.commands.hide',
  parse(args) {
    const [first = '', number = '', extra] = args.trim().split(/\s+/);
    const id = parseQuestionId(first);
    if (!id || extra !== undefined || (number && !/^\d{1,4}$/.test(number))) return fail(new UserError('hide.usage', { example: '/hide Q7K2P', answer: '/hide Q7K2P 2' }));
    return ok({ id, ...(number ? { number: Number(number) } : {}) });
  },
  guards: [requireRole(['moderator'])],
  async run(context, args) {
    const { services } = context;
    const question = await services.questions.find(args.id);
    if (!question) throw new UserError('questions.notFound', { id: args.id, command: context.command('questions') });
    if (!(await services.questions.hide(question.id, args.number))) throw new UserError('hide.already', { id: question.id });
    // A hidden question takes its answers with it: an answer without its question says nothing.
    const posts = await services.questions.posts(question.id, args.number);
    const removed = await removePosts(services, posts, hiddenCard);
    services.logger.info({ question: question.id, answer: args.number ?? null, removed, by: context.member!.id }, 'questions: hidden by a moderator');
    const key = args.number === undefined ? 'hide.questionDone' : 'hide.answerDone';
    return reply([paragraph(text(context.t(key, { id: question.id, number: args.number ?? 0, count: removed })))], { private: true });
  },
};
