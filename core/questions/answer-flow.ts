/**
 * Answers: stored, posted under the question wherever the question was
 * posted (a reply to its message), and delivered to the asker on the
 * platform they asked from, with a button to accept. Accepting marks the
 * answer in every one of those messages. An answer is checked for a
 * person's identifying data too, and refused (to be rephrased) if it has any.
 */
import { memberTarget } from '../delivery/send-to-target.ts';
import { paragraph, reply, text } from '../model/reply-builders.ts';
import type { Reply } from '../model/reply.ts';
import type { CommandContext } from '../router/command.ts';
import { UserError } from '../router/user-error.ts';
import { detectPersonalData } from '../safeguarding/detect-personal-data.ts';
import { answerCard, askerAnswerCard } from './question-cards.ts';
import { changePosts, memberVoice, postAndRecord, translate } from './question-delivery.ts';
import type { Answer, Question, QuestionPost } from './question-ports.ts';

/** An answer as long as a question may be, and a little more: explaining takes room. */
export const ANSWER_MAX = 2000;

/** The question, if it exists and a moderator has not hidden it. */
export async function visibleQuestion(context: CommandContext, id: string): Promise<Question> {
  const question = await context.services.questions.find(id);
  if (!question || question.hidden) throw new UserError('questions.notFound', { id, command: context.command('questions') });
  return question;
}

/** `memberMessageId`: the member's own message the answer was taken from, kept so that hiding the answer takes it down too. */
export async function answerQuestion(context: CommandContext, questionId: string, typed: string, from: { memberMessageId?: string } = {}): Promise<Reply> {
  const member = context.member;
  if (member?.status !== 'active') throw new UserError('ask.joinFirst', { command: context.command('start') });
  const question = await visibleQuestion(context, questionId);
  const kinds = personalDataKinds(context, typed);
  // Refused; where the group reads the member's own message (a Telegram group), it is taken down too.
  if (kinds) return { ...reply([paragraph(text(context.t('answer.personalData', { kinds, command: context.command('answer', `${question.id} …`) })))], { private: true }), withdrawTrigger: true };
  const { services } = context;
  const answer = await services.questions.addAnswer(question.id, { answererId: member.id, platform: context.incoming.platform, text: typed });
  await services.questions.setRouteStatus(question.id, member.id, 'answered');
  if (from.memberMessageId) await keepMemberMessage(context, question.id, answer.number, from.memberMessageId);
  const name = member.profile.displayName;
  let places = 0;
  for (const post of await services.questions.posts(question.id, null)) {
    if (post.kind !== 'group' && post.kind !== 'channel') continue;
    const place = { questionId: question.id, answerNumber: answer.number, kind: post.kind, platform: post.platform, target: { conversationId: post.conversationId }, language: post.language, ...(post.messageIds[0] ? { replyTo: post.messageIds[0] } : {}) };
    if (await postAndRecord(services, place, answerCard(translate(services, post.language), question, answer, name))) places += 1;
  }
  const toAsker = question.askerId !== member.id && (await deliverToAsker(context, question, answer, name));
  const done = context.t(toAsker ? 'answer.postedAndDelivered' : 'answer.posted', { id: question.id, number: answer.number, count: places, command: context.command('question', question.id) });
  return reply([paragraph(text(done))], { private: true });
}

async function keepMemberMessage(context: CommandContext, questionId: string, answerNumber: number, messageId: string): Promise<void> {
  const { platform, conversation } = context.incoming;
  await context.services.questions.addPost({ questionId, answerNumber, kind: 'member', platform, conversationId: conversation.id, language: context.language, messageIds: [messageId] });
}

/** The kinds of a person's identifying data in `typed`, in the member's language ("phone number, e-mail address"); undefined when there is none. */
export function personalDataKinds(context: CommandContext, typed: string): string | undefined {
  const findings = detectPersonalData(typed);
  if (findings.length === 0) return undefined;
  return [...new Set(findings.map((found) => context.t(`safeguarding.kinds.${found.kind}`)))].join(', ');
}

async function deliverToAsker(context: CommandContext, question: Question, answer: Answer, name: string | undefined): Promise<boolean> {
  const { services } = context;
  const voice = await memberVoice(services, question.askerId);
  const place = { questionId: question.id, answerNumber: answer.number, kind: 'asker' as const, platform: question.asker.platform, target: memberTarget(question.asker.platform, question.asker.userId), language: voice.language };
  return postAndRecord(services, place, askerAnswerCard(translate(services, voice.language), question, answer, name));
}

export async function acceptAnswer(context: CommandContext, questionId: string, number: number): Promise<Reply> {
  const question = await visibleQuestion(context, questionId);
  if (context.member?.id !== question.askerId) throw new UserError('accept.notAsker', { id: question.id });
  const { services } = context;
  const before = (await services.questions.answersOf(question.id)).find((answer) => answer.accepted);
  if (!(await services.questions.accept(question.id, number))) throw new UserError('accept.noSuchAnswer', { id: question.id, number, command: context.command('question', question.id) });
  const after = await services.questions.answersOf(question.id);
  for (const changed of after.filter((answer) => answer.number === number || answer.number === before?.number)) {
    await remark(context, question, changed);
  }
  return reply([paragraph(text(context.t('accept.done', { id: question.id, number })))], { private: true });
}

/** Every message of the answer, written again with (or without) the accepted mark. */
async function remark(context: CommandContext, question: Question, answer: Answer): Promise<void> {
  const { services } = context;
  const name = (await memberVoice(services, answer.answererId)).name;
  const card = (post: QuestionPost) => {
    const t = translate(services, post.language);
    return post.kind === 'asker' ? askerAnswerCard(t, question, answer, name) : answerCard(t, question, answer, name);
  };
  await changePosts(services, await services.questions.posts(question.id, answer.number), card);
}
