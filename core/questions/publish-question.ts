/**
 * A decided draft becomes a question: stored under a short id, posted in the
 * group it was asked in and in the Q&A channels, and sent to the experts
 * who fit it, each in their own language on the platform they joined on.
 */
import { memberTarget } from '../delivery/send-to-target.ts';
import { languageGroupOf } from '../library/language.ts';
import type { Member } from '../ports.ts';
import type { CoreServices } from '../router/command.ts';
import { expertCard, questionCard } from './question-cards.ts';
import { chatLanguage, memberVoice, postAndRecord, translate } from './question-delivery.ts';
import type { Question, QuestionDraft } from './question-ports.ts';

/** Experts a question goes to at most: enough for an answer, few enough not to be noise. */
export const EXPERTS_PER_QUESTION = 10;

export interface Published {
  question: Question;
  inGroup: boolean;
  channels: number;
  experts: number;
}

export async function publishQuestion(services: CoreServices, draft: QuestionDraft, asker: Member, language: string, text: string, anonymous: boolean): Promise<Published> {
  const group = draft.conversation.kind === 'group' ? draft.conversation : undefined;
  const question = await services.questions.publish(draft.id, {
    askerId: asker.id,
    asker: { platform: draft.platform, userId: draft.userId },
    text,
    topics: draft.topics,
    ...(asker.profile.country ? { country: asker.profile.country } : {}),
    languageGroup: languageGroupOf(language),
    anonymous,
    origin: { platform: draft.platform, ...(group ? { conversationId: group.id, ...(group.threadId ? { threadId: group.threadId } : {}) } : {}) },
  });
  const askerName = anonymous ? undefined : asker.profile.displayName;
  let inGroup = false;
  if (group) {
    const groupLanguage = await chatLanguage(services, draft.platform, group.id, language);
    const target = { conversationId: group.id, ...(group.threadId ? { threadId: group.threadId } : {}) };
    inGroup = await postAndRecord(services, { questionId: question.id, kind: 'group', platform: draft.platform, target, language: groupLanguage }, questionCard(translate(services, groupLanguage), question, askerName));
  }
  let channels = 0;
  for (const channel of services.qaChannels ?? []) {
    if (group && channel.platform === draft.platform && channel.conversationId === group.id) continue;
    const channelLanguage = await chatLanguage(services, channel.platform, channel.conversationId, 'en');
    const card = questionCard(translate(services, channelLanguage), question, askerName);
    const place = { questionId: question.id, kind: 'channel' as const, platform: channel.platform, target: { conversationId: channel.conversationId }, language: channelLanguage };
    if (await postAndRecord(services, place, card)) channels += 1;
  }
  const experts = await routeToExperts(services, question, askerName, EXPERTS_PER_QUESTION);
  return { question, inGroup, channels, experts };
}

/**
 * Sends the question to at most `limit` fitting experts it has not gone to
 * yet, each in their language on their platform; how many it reached. Also
 * how a declined question passes on to the next expert.
 */
export async function routeToExperts(services: CoreServices, question: Question, askerName: string | undefined, limit: number): Promise<number> {
  let experts = 0;
  for (const expert of await services.questions.expertsFor(question, limit)) {
    const voice = await memberVoice(services, expert.memberId);
    const place = { questionId: question.id, kind: 'expert' as const, platform: expert.platform, target: memberTarget(expert.platform, expert.userId), language: voice.language };
    if (!(await postAndRecord(services, place, expertCard(translate(services, voice.language), question, askerName)))) continue;
    await services.questions.addRoute(question.id, expert);
    experts += 1;
  }
  return experts;
}
