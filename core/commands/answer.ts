/**
 * `/answer <id> <text>`, `/accept <id> <answer number>`, and the buttons on
 * posted questions and answers: Answer (the next private message is the
 * answer, or a form where the platform has one, or the command it names),
 * Not for me (an expert declines), Accept.
 */
import { paragraph, reply, text } from '../model/reply-builders.ts';
import type { Reply } from '../model/reply.ts';
import type { Question } from '../questions/question-ports.ts';
import { routeToExperts } from '../questions/publish-question.ts';
import { fail, ok, type ActionSpec, type CommandContext, type CommandSpec } from '../router/command.ts';
import type { AwaitingText } from '../router/router.ts';
import { UserError } from '../router/user-error.ts';
import { acceptAnswer, ANSWER_MAX, answerQuestion, personalDataKinds, visibleQuestion } from '../questions/answer-flow.ts';
import { QUESTION_ACTION } from '../questions/question-cards.ts';
import { parseQuestionId } from '../questions/question-id.ts';
import { accountOf } from '../members/member-context.ts';
import { requireActiveMember } from './ask.ts';
import { questionCommand } from './questions.ts';
import { PENDING_INPUT_MAX_AGE_MS } from './onboarding.ts';

const ANSWER_STEP = 'answer:';
/** Discord has slash commands only: a plain DM never reaches the bot, so the Answer button opens a form (or names the command) there. */
const WITHOUT_PLAIN_MESSAGES: ReadonlySet<string> = new Set(['discord']);
/** Where a plain reply to a question's message in a group is an answer (a Telegram reply, a Slack thread reply). */
const REPLIES_ANSWER: ReadonlySet<string> = new Set(['telegram', 'slack']);

export const answerCommand: CommandSpec<{ id: string; text: string }> = {
  name: 'answer',
  descriptionKey: 'help.commands.answer',
  parse(args) {
    const [first = ''] = args.trim().split(/\s+/);
    const id = parseQuestionId(first);
    const typed = args.trim().slice(first.length).trim();
    if (!id || !typed) return fail(new UserError('answer.usage', { example: '/answer Q7K2P …' }));
    if (typed.length > ANSWER_MAX) return fail(new UserError('answer.tooLong', { max: ANSWER_MAX, length: typed.length }));
    return ok({ id, text: typed });
  },
  guards: [requireActiveMember],
  run: (context, args) => answerQuestion(context, args.id, args.text),
};

export const acceptCommand: CommandSpec<{ id: string; number: number }> = {
  name: 'accept',
  descriptionKey: 'help.commands.accept',
  parse(args) {
    const [first = '', number = ''] = args.trim().split(/\s+/);
    const id = parseQuestionId(first);
    if (!id || !/^\d{1,4}$/.test(number)) return fail(new UserError('accept.usage', { example: '/accept Q7K2P 1' }));
    return ok({ id, number: Number(number) });
  },
  guards: [requireActiveMember],
  run: (context, args) => acceptAnswer(context, args.id, args.number),
};

export const questionAction: ActionSpec = {
  actionId: QUESTION_ACTION,
  async run(context, value) {
    const [what = '', typedId = '', number = ''] = value.split(':');
    const id = parseQuestionId(typedId);
    if (!id) throw new UserError('errors.unknownButton');
    const verdict = await requireActiveMember(context);
    if (!verdict.ok) throw verdict.error;
    if (what === 'accept' && /^\d+$/.test(number)) return acceptAnswer(context, id, Number(number));
    const question = await visibleQuestion(context, id);
    if (what === 'show') return questionCommand.run(context, question.id);
    if (what === 'decline') return decline(context, question);
    if (what !== 'answer') throw new UserError('errors.unknownButton');
    const command = context.command('answer', `${question.id} …`);
    // Where members write to the bot in plain messages, the next one is the answer.
    if (context.incoming.conversation.kind === 'private' && !WITHOUT_PLAIN_MESSAGES.has(context.incoming.platform)) {
      await context.services.pendingInputs.set(accountOf(context), `${ANSWER_STEP}${question.id}`);
      return reply([paragraph(text(context.t('answer.typeIt', { id: question.id, command })))], { private: true });
    }
    // Elsewhere the command it names, or a form where the platform shows one (a Discord modal): the same /answer.
    const { platform, conversation } = context.incoming;
    const key = conversation.kind === 'group' && REPLIES_ANSWER.has(platform) ? 'answer.howToOrReply' : 'answer.howTo';
    const howTo = reply([paragraph(text(context.t(key, { id: question.id, command })))], { private: true });
    return { ...howTo, form: { title: context.t('answer.formTitle', { id: question.id }), label: context.t('answer.formLabel'), maxLength: ANSWER_MAX, command: 'answer', args: question.id } };
  },
};

/**
 * A reply to a question's post in a group (a Telegram reply, a Slack thread
 * reply) is an answer to it. The member's message is already in the group:
 * one with a person's data is withdrawn where the bot may delete it, and the
 * member is asked to delete it where it may not (Slack).
 */
export async function answerByReply(context: CommandContext, typed: string, messageId: string): Promise<Reply | undefined> {
  const { platform, conversation } = context.incoming;
  const questionId = await context.services.questions.questionPostedAs(platform, conversation.id, messageId);
  if (!questionId) return undefined;
  if (context.member?.status !== 'active') throw new UserError('ask.joinFirst', { command: context.command('start') });
  if (typed.length > ANSWER_MAX) throw new UserError('answer.tooLong', { max: ANSWER_MAX, length: typed.length });
  const kinds = personalDataKinds(context, typed);
  if (kinds) return { ...reply([paragraph(text(context.t('answer.personalDataInReply', { kinds })))], { private: true }), withdrawTrigger: true };
  const own = context.incoming.repliesToBot?.ownMessageId;
  return answerQuestion(context, questionId, typed, own ? { memberMessageId: own } : {});
}

/** The Answer button's typed answer: the next private message. */
export const awaitingAnswerText: AwaitingText = {
  async answer(context, typed) {
    const pending = await context.services.pendingInputs.get(accountOf(context));
    if (!pending?.step.startsWith(ANSWER_STEP)) return undefined;
    if (context.services.clock.now().getTime() - pending.since.getTime() > PENDING_INPUT_MAX_AGE_MS) return undefined;
    await context.services.pendingInputs.clear(accountOf(context));
    const id = pending.step.slice(ANSWER_STEP.length);
    if (typed.trim().length > ANSWER_MAX) throw new UserError('answer.tooLong', { max: ANSWER_MAX, length: typed.trim().length });
    return answerQuestion(context, id, typed.trim());
  },
  // Any command drops it (onboarding's clears every pending input).
  beforeCommand: async () => {},
};

/**
 * Not for me: the route is declined (no reminders), and the question passes
 * to the next fitting expert it has not reached, so a decline never leaves it
 * with fewer experts while there are others. A second press passes nothing on.
 */
async function decline(context: CommandContext, question: Question): Promise<Reply> {
  const { services } = context;
  if ((await services.questions.setRouteStatus(question.id, context.member!.id, 'declined')) && question.status === 'open') {
    const asker = question.anonymous ? undefined : (await services.members.findById(question.askerId))?.profile.displayName;
    await routeToExperts(services, question, asker, 1);
  }
  return reply([paragraph(text(context.t('answer.declined', { id: question.id })))], { private: true });
}
