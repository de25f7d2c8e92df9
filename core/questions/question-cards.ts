/**
 * The messages cphub posts about questions, in one language each: the
 * question (in a group, a Q&A channel, to an expert), an answer (under the
 * question, to the asker), a reminder. An anonymous asker is never named:
 * every card that names the asker goes through `askedBy`.
 */
import { bold, italic, paragraph, reply, text } from '../model/reply-builders.ts';
import type { Block, Button, Reply } from '../model/reply.ts';
import type { TranslationParams } from '../ports.ts';
import type { Answer, Question } from './question-ports.ts';

export type Translate = (key: string, params?: TranslationParams) => string;

/** Button action of the buttons on posted questions and answers. */
export const QUESTION_ACTION = 'qa';

export function topicList(t: Translate, topics: readonly string[]): string {
  return topics.length > 0 ? topics.map((topic) => t(`topicNames.${topic}`)).join(', ') : t('questions.noTopic');
}

/** "Asked by Ana" or "Asked anonymously": the only place an asker's name goes into a card. */
export function askedBy(t: Translate, question: Pick<Question, 'anonymous'>, askerName: string | undefined): string {
  return question.anonymous ? t('questions.askedAnonymously') : t('questions.askedBy', { name: askerName ?? t('questions.aMember') });
}

function questionBlocks(t: Translate, question: Question, askerName: string | undefined): Block[] {
  return [
    paragraph(bold(t('questions.title', { id: question.id })), text(` · ${topicList(t, question.topics)}`)),
    paragraph(text(question.text)),
    paragraph(italic(askedBy(t, question, askerName))),
  ];
}

/** Answer: where the platform has forms, the press opens one for the answer (see core/commands/answer.ts). */
function answerButton(t: Translate, question: Pick<Question, 'id'>): Button {
  return { actionId: QUESTION_ACTION, label: t('questions.answerButton'), value: `answer:${question.id}`, opensForm: true };
}

/** The question in a group or a Q&A channel: anyone there may answer. */
export function questionCard(t: Translate, question: Question, askerName: string | undefined): Reply {
  return reply(questionBlocks(t, question, askerName), { buttons: [[answerButton(t, question)]] });
}

/** The question in an expert's DM: answer it, or say it is not for them. */
export function expertCard(t: Translate, question: Question, askerName: string | undefined, reminder = false): Reply {
  const blocks = [paragraph(text(t(reminder ? 'questions.reminder' : 'questions.forYou'))), ...questionBlocks(t, question, askerName)];
  return reply(blocks, {
    buttons: [[
      answerButton(t, question),
      { actionId: QUESTION_ACTION, label: t('questions.declineButton'), value: `decline:${question.id}` },
    ]],
  });
}

/** A question waiting three days, for the moderators. */
export function moderatorReminderCard(t: Translate, question: Question, askerName: string | undefined): Reply {
  return reply([paragraph(text(t('questions.moderatorReminder'))), ...questionBlocks(t, question, askerName)]);
}

export function answerBlocks(t: Translate, question: Pick<Question, 'id'>, answer: Answer, answererName: string | undefined): Block[] {
  const head = [bold(t('questions.answerTitle', { id: question.id, number: answer.number })), text(` · ${answererName ?? t('questions.aMember')}`)];
  const blocks = [paragraph(...head), paragraph(text(answer.text))];
  if (answer.accepted) blocks.push(paragraph(bold(t('questions.acceptedMark'))));
  return blocks;
}

/** An answer under the question it answers. */
export function answerCard(t: Translate, question: Pick<Question, 'id'>, answer: Answer, answererName: string | undefined): Reply {
  return reply(answerBlocks(t, question, answer, answererName));
}

/** An answer as it reaches the asker: with the question and a button to accept it. */
export function askerAnswerCard(t: Translate, question: Question, answer: Answer, answererName: string | undefined): Reply {
  const blocks = [paragraph(text(t('questions.answerForYou', { id: question.id }))), paragraph(italic(question.text)), ...answerBlocks(t, question, answer, answererName)];
  const buttons: Button[][] = answer.accepted ? [] : [[{ actionId: QUESTION_ACTION, label: t('questions.acceptButton'), value: `accept:${question.id}:${answer.number}` }]];
  return reply(blocks, { buttons });
}

/** What takes a hidden message's place where it cannot be deleted (core/questions/question-delivery.ts, removePosts). */
export function hiddenCard(t: Translate): Reply {
  return reply([paragraph(italic(t('questions.hiddenPlaceholder')))]);
}

/** The same for a message taken down by /forget: no moderator decided, and nothing says whose it was. */
export function removedCard(t: Translate): Reply {
  return reply([paragraph(italic(t('questions.removedPlaceholder')))]);
}
