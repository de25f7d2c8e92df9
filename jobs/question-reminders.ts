/**
 * Reminders for unanswered questions: each expert a question was routed to
 * hears of it again after 24 hours without an answer (unless they said "not
 * for me"), and the moderators after 72 hours. Each reminder is claimed in
 * the database before it is sent, so running the job twice — or again after
 * a crash — never reminds anyone twice (a crash between claim and send costs
 * that one reminder, which is the safer side for busy professionals).
 * jobs/scheduler.ts runs it every hour and at start-up (main.ts startJobs).
 */
import type { CoreServices } from '../core/router/command.ts';
import { expertCard, moderatorReminderCard } from '../core/questions/question-cards.ts';
import { memberTarget } from '../core/delivery/send-to-target.ts';
import { memberVoice, postAndRecord, translate } from '../core/questions/question-delivery.ts';
import type { ExpertCandidate, Question } from '../core/questions/question-ports.ts';

export const EXPERT_REMINDER_MS = 24 * 60 * 60 * 1000;
export const MODERATOR_REMINDER_MS = 72 * 60 * 60 * 1000;

export type ReminderDeps = Pick<CoreServices, 'questions' | 'publishers' | 'members' | 'translator' | 'logger'>;

export interface ReminderRun {
  experts: number;
  moderators: number;
}

export async function run(deps: ReminderDeps, now: Date): Promise<ReminderRun> {
  let experts = 0;
  for (const due of await deps.questions.claimExpertReminders(new Date(now.getTime() - EXPERT_REMINDER_MS))) {
    const question = await deps.questions.find(due.questionId);
    if (question && (await remind(deps, question, due.expert, 'expert'))) experts += 1;
  }
  let moderators = 0;
  const staff = await deps.questions.moderators();
  for (const question of await deps.questions.claimModeratorReminders(new Date(now.getTime() - MODERATOR_REMINDER_MS))) {
    for (const moderator of staff) if (await remind(deps, question, moderator, 'moderator')) moderators += 1;
  }
  if (experts + moderators > 0) deps.logger.info({ experts, moderators }, 'questions: reminders sent');
  return { experts, moderators };
}

async function remind(services: ReminderDeps, question: Question, to: ExpertCandidate, kind: 'expert' | 'moderator'): Promise<boolean> {
  const voice = await memberVoice(services, to.memberId);
  const t = translate(services, voice.language);
  const askerName = question.anonymous ? undefined : (await memberVoice(services, question.askerId)).name;
  const card = kind === 'expert' ? expertCard(t, question, askerName, true) : moderatorReminderCard(t, question, askerName);
  return postAndRecord(services, { questionId: question.id, kind, platform: to.platform, target: memberTarget(to.platform, to.userId), language: voice.language }, card);
}
