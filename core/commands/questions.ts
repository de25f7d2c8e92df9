/**
 * `/questions [topic]`: the open questions, newest first. `/question <id>`:
 * one question with its answers. Hidden ones are not shown; an anonymous
 * asker is not named (askedBy).
 */
import { topicName } from '../library/display-names.ts';
import { resolveDirectoryFilter } from '../members/directory-filter.ts';
import { TOPICS } from '../members/profile-options.ts';
import { bold, italic, paragraph, reply, text } from '../model/reply-builders.ts';
import type { Block } from '../model/reply.ts';
import { fail, ok, type CommandSpec } from '../router/command.ts';
import { UserError } from '../router/user-error.ts';
import { visibleQuestion } from '../questions/answer-flow.ts';
import { answerBlocks, askedBy, QUESTION_ACTION, topicList } from '../questions/question-cards.ts';
import { memberVoice } from '../questions/question-delivery.ts';
import { parseQuestionId } from '../questions/question-id.ts';
import { requireActiveMember } from './ask.ts';

const LIST_SIZE = 10;
/** A question in a list: its start, enough to recognise it. */
const EXCERPT = 160;

export const questionsCommand: CommandSpec<string> = {
  name: 'questions',
  repeatsOnEdit: true,
  descriptionKey: 'help.commands.questions',
  parse: (args) => ok(args.trim()),
  guards: [requireActiveMember],
  async run(context, typed) {
    const filter = typed ? resolveDirectoryFilter(typed, (topic) => topicName(context.t, topic), () => '') : {};
    if (!filter || (typed && !filter.topic)) {
      const topics = TOPICS.map((topic, index) => `${index + 1}. ${topicName(context.t, topic)}`).join(', ');
      throw new UserError('questions.unknownTopic', { value: typed, topics });
    }
    const open = await context.services.questions.open(filter.topic, LIST_SIZE);
    if (open.length === 0) return reply([paragraph(text(context.t('questions.noneOpen', { command: context.command('ask') })))]);
    const items = open.map((question) => [
      bold(question.id), text(` · ${topicList(context.t, question.topics)} — `),
      text(question.text.length > EXCERPT ? `${question.text.slice(0, EXCERPT - 1)}…` : question.text),
    ]);
    return reply([
      paragraph(bold(context.t('questions.openTitle'))),
      { kind: 'list', items },
      paragraph(text(context.t('questions.openHint', { show: context.command('question', open[0]!.id), answer: context.command('answer', `${open[0]!.id} …`) }))),
    ]);
  },
};

export const questionCommand: CommandSpec<string> = {
  name: 'question',
  repeatsOnEdit: true,
  descriptionKey: 'help.commands.question',
  parse(args) {
    const id = parseQuestionId(args);
    return id ? ok(id) : fail(new UserError('questions.usage', { example: '/question Q7K2P' }));
  },
  guards: [requireActiveMember],
  async run(context, id) {
    const question = await visibleQuestion(context, id);
    const { services, t } = context;
    const asker = question.anonymous ? undefined : (await memberVoice(services, question.askerId)).name;
    const blocks: Block[] = [
      paragraph(bold(t('questions.title', { id: question.id })), text(` · ${topicList(t, question.topics)}`)),
      paragraph(text(question.text)),
      paragraph(italic(askedBy(t, question, asker))),
    ];
    const answers = (await services.questions.answersOf(question.id)).filter((answer) => !answer.hidden);
    if (answers.length === 0) blocks.push(paragraph(text(t('questions.noAnswers'))));
    for (const answer of answers) blocks.push({ kind: 'divider' }, ...answerBlocks(t, question, answer, (await memberVoice(services, answer.answererId)).name));
    return reply(blocks, { buttons: [[{ actionId: QUESTION_ACTION, label: t('questions.answerButton'), value: `answer:${question.id}` }]] });
  },
};
