/**
 * From what a member typed to a posted question. The text is checked for a
 * person's identifying data first, and waits in a private draft
 * (question_drafts) until the asker decides: nothing is in the questions
 * table, in a group or with an expert before that. On a finding the asker
 * alone is told what was found (in a group: by a private message) and may
 * post a redacted version, the redacted version anonymously, or rephrase.
 * Anonymity hides the asker, not the child: identifying data is removed
 * whichever they choose — there is no button that posts it.
 */
import { failureCode } from '../delivery/platform-error.ts';
import { memberTarget } from '../delivery/send-to-target.ts';
import { TOPICS } from '../members/profile-options.ts';
import { bold, paragraph, reply, text } from '../model/reply-builders.ts';
import type { Button, Reply } from '../model/reply.ts';
import type { Member } from '../ports.ts';
import type { ActionSpec, CommandContext } from '../router/command.ts';
import { UserError } from '../router/user-error.ts';
import { detectPersonalData } from '../safeguarding/detect-personal-data.ts';
import type { Finding } from '../safeguarding/finding.ts';
import { redact } from '../safeguarding/redact.ts';
import { QUESTION_ACTION, topicList } from './question-cards.ts';
import type { QuestionDraft } from './question-ports.ts';
import { publishQuestion } from './publish-question.ts';
import { detectTopics } from './topics.ts';

export const ASK_ACTION = 'ask';
/** Topics a question is routed by: the best two detected (the asker may pick one instead). */
const DETECTED_TOPICS = 2;

/** `/ask` and the search's "ask the experts": a draft, and what the asker is shown about it. */
export async function startQuestion(context: CommandContext, member: Member, typed: string, anonymous: boolean): Promise<Reply> {
  const { incoming, services } = context;
  const findings = detectPersonalData(typed, (error) => services.logger.error({ err: error }, 'safeguarding: a detector failed'));
  const conversation = incoming.conversation;
  const draftId = await services.questions.saveDraft({
    memberId: member.id,
    platform: incoming.platform,
    userId: incoming.sender.id,
    conversation: { id: conversation.id, kind: conversation.kind, ...(conversation.threadId ? { threadId: conversation.threadId } : {}) },
    text: typed,
    anonymous,
    topics: detectTopics(typed).slice(0, DETECTED_TOPICS).map((ranked) => ranked.topic),
  });
  const draft = (await services.questions.draft(draftId))!;
  // For the asker's eyes only, in a private chat: what was found, and an anonymous draft where the
  // group reads every message (its preview there would stand under the asker's name).
  const found = findings.length > 0;
  const privately = conversation.kind === 'group' && (found || (anonymous && incoming.groupSeesEverything === true));
  const preview = draftReply(context, draft, findings, !privately && seenByGroup(context));
  if (!privately) return preview;
  const publisher = services.publishers.for(incoming.platform);
  try {
    if (!publisher) throw new Error(`no publisher for ${incoming.platform}`);
    await publisher.post(memberTarget(incoming.platform, incoming.sender.id), { ...preview, language: context.language });
  } catch (error) {
    services.logger.warn({ code: failureCode(error), platform: incoming.platform }, 'questions: could not write to an asker privately');
    await services.questions.deleteDraft(draftId);
    const noChat = context.t(found ? 'ask.foundNoPrivateChat' : 'ask.anonNoPrivateChat', { command: context.command('ask', anonymous ? 'anon' : undefined) });
    return { ...reply([paragraph(text(noChat))], { private: true }), withdrawTrigger: true };
  }
  return { ...reply([paragraph(text(context.t(found ? 'ask.foundSentPrivately' : 'ask.anonSentPrivately')))], { private: true }), withdrawTrigger: true };
}


function placeholder(context: CommandContext): (finding: Finding) => string {
  return (finding) => context.t(`safeguarding.removed.${finding.kind}`);
}

/** The group reads what is answered here (a Telegram group: no reply for one member's eyes). */
function seenByGroup(context: CommandContext): boolean {
  return context.incoming.conversation.kind === 'group' && context.incoming.groupSeesEverything === true;
}

/** `shownToGroup`: the group reads this preview, beside the asker's own message. */
function draftReply(context: CommandContext, draft: QuestionDraft, findings: Finding[], shownToGroup: boolean): Reply {
  const t = context.t;
  const button = (labelKey: string, choice: string): Button => ({ actionId: ASK_ACTION, label: t(labelKey), value: `${draft.id}:${choice}` });
  // Without a topic every fitting expert may get it (core/questions/publish-question.ts): said so.
  const where = t(`${draft.conversation.kind === 'group' ? 'ask.whereGroup' : 'ask.wherePrivate'}${draft.topics.length === 0 ? 'AnyTopic' : ''}`);
  const blocks = findings.length === 0
    ? [paragraph(bold(t('ask.previewTitle'))), paragraph(text(draft.text))]
    : [
      paragraph(bold(t('ask.foundTitle'))),
      { kind: 'list' as const, items: findings.map((found) => [text(`${t(`safeguarding.kinds.${found.kind}`)}: `), bold(found.text)]) },
      paragraph(text(t('ask.redactedTitle'))),
      paragraph(text(redact(draft.text, findings, placeholder(context)))),
      paragraph(text(t('ask.anonymousNote'))),
    ];
  blocks.push(paragraph(text(t('ask.topics', { topics: topicList(t, draft.topics) }))), paragraph(text(t(draft.anonymous ? 'ask.willPostAnonymously' : 'ask.willPost', { where }))));
  const found = findings.length > 0;
  // A preview the whole group reads has been seen beside the asker's name: no anonymous
  // button there, but the way to ask anonymously (privately, see startQuestion).
  if (shownToGroup) blocks.push(paragraph(text(t('ask.anonymousInPrivate', { command: context.command('ask', 'anon') }))));
  const postRow = draft.anonymous
    ? [button(found ? 'ask.postRedactedAnonymously' : 'ask.postAnonymously', 'a'), button(found ? 'ask.postRedactedNamed' : 'ask.postNamed', 'n')]
    : [button(found ? 'ask.postRedacted' : 'ask.post', 'p'), ...(shownToGroup ? [] : [button(found ? 'ask.postRedactedAnonymously' : 'ask.postAnonymously', 'a')])];
  return reply(blocks, { private: true, buttons: [postRow, [button('ask.changeTopic', 't'), button(found ? 'ask.rephrase' : 'ask.cancel', 'c')]] });
}

function topicMenu(context: CommandContext, draft: QuestionDraft): Reply {
  const buttons = TOPICS.map((topic, index) => ({ actionId: ASK_ACTION, label: context.t(`topicNames.${topic}`), value: `${draft.id}:t${index}` }));
  const rows: Button[][] = [];
  for (let index = 0; index < buttons.length; index += 2) rows.push(buttons.slice(index, index + 2));
  return reply([paragraph(text(context.t('ask.chooseTopic')))], { private: true, buttons: rows });
}

export const askAction: ActionSpec = {
  actionId: ASK_ACTION,
  async run(context, value) {
    const [draftId = '', choice = ''] = value.split(':');
    const draft = await context.services.questions.draft(draftId);
    if (!draft) throw new UserError('ask.draftGone', { command: context.command('ask') });
    const { incoming } = context;
    if (draft.platform !== incoming.platform || draft.userId !== incoming.sender.id || !context.member) throw new UserError('ask.notYours');
    if (choice === 't') return topicMenu(context, draft);
    if (choice === 'c') {
      await context.services.questions.deleteDraft(draft.id);
      return reply([paragraph(text(context.t('ask.cancelled', { command: context.command('ask') })))], { private: true });
    }
    const topic = /^t(\d{1,2})$/.exec(choice);
    if (topic) {
      const chosen = TOPICS[Number(topic[1])];
      if (!chosen) throw new UserError('errors.unknownButton');
      await context.services.questions.updateDraft(draft.id, { topics: [chosen] });
      const updated = { ...draft, topics: [chosen] };
      return draftReply(context, updated, detectPersonalData(draft.text), seenByGroup(context));
    }
    if (choice !== 'p' && choice !== 'a' && choice !== 'n') throw new UserError('errors.unknownButton');
    return decide(context, context.member, draft, choice === 'a');
  },
};

async function decide(context: CommandContext, member: Member, draft: QuestionDraft, anonymous: boolean): Promise<Reply> {
  // Checked again here: whatever the buttons said, what is posted never carries a finding.
  const findings = detectPersonalData(draft.text);
  const posted = findings.length > 0 ? redact(draft.text, findings, placeholder(context)) : draft.text;
  const result = await publishQuestion(context.services, draft, member, context.language, posted, anonymous);
  const t = context.t;
  const lines = [
    paragraph(bold(t('ask.posted', { id: result.question.id }))),
    paragraph(text(`${t(result.inGroup ? 'ask.postedInGroup' : 'ask.postedInChannels', { count: result.channels })} ${t('ask.sentToExperts', { count: result.experts })}`)),
    paragraph(text(t('ask.answersReachYou', { command: context.command('question', result.question.id) }))),
  ];
  // Private (an anonymous asker's "posted" is theirs alone); with a button, so that on Telegram it
  // replaces the preview it was decided on rather than becoming a toast that leaves the preview standing.
  const show = { actionId: QUESTION_ACTION, label: t('ask.showQuestion'), value: `show:${result.question.id}` };
  return reply(lines, { private: true, buttons: [[show]] });
}
