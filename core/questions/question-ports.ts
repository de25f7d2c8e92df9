/**
 * The ports of questions and answers (issue 7): the store db/ implements,
 * and the publishers each platform adapter implements to post, mark and
 * take down messages. Kept beside the questions code rather than in
 * core/ports.ts, which every other capability grows too.
 */
import type { PlatformName } from '../model/incoming.ts';
import type { Reply } from '../model/reply.ts';
import type { OutboundTarget } from '../ports.ts';

/** What an asker typed, waiting for their decision (never in the questions table, never posted). */
export interface QuestionDraft {
  id: string;
  memberId: string;
  platform: PlatformName;
  userId: string;
  conversation: { id: string; kind: 'private' | 'group'; threadId?: string };
  text: string;
  anonymous: boolean;
  topics: string[];
  createdAt: Date;
}

export interface Question {
  id: string;
  askerId: string;
  asker: { platform: PlatformName; userId: string };
  text: string;
  topics: string[];
  country?: string;
  languageGroup: string;
  anonymous: boolean;
  status: 'open' | 'answered';
  origin: { platform: PlatformName; conversationId?: string; threadId?: string };
  createdAt: Date;
  hidden: boolean;
}

export interface Answer {
  number: number;
  answererId: string;
  platform: PlatformName;
  text: string;
  accepted: boolean;
  createdAt: Date;
  hidden: boolean;
}

/**
 * A message cphub posted about a question (`answerNumber` absent) or an
 * answer; or (`member`) the member's own message an answer was taken from,
 * which cphub may delete (where the platform lets it) but never edits.
 */
export interface QuestionPost {
  questionId: string;
  answerNumber?: number;
  kind: 'group' | 'channel' | 'expert' | 'asker' | 'moderator' | 'member';
  platform: PlatformName;
  conversationId: string;
  /** The language it was written in. */
  language: string;
  messageIds: string[];
}

/** An expert a question may go to: the member and the account they are reached on. */
export interface ExpertCandidate {
  memberId: string;
  platform: PlatformName;
  userId: string;
}

export interface RouteReminder {
  questionId: string;
  expert: ExpertCandidate;
}

/** Shaped as the digest (issue 8) reads questions: a title, topics, country and language group. */
export interface QuestionSummary {
  id: string;
  title: string;
  topics: string[];
  country: string;
  languageGroup: string;
}

export type NewDraft = Omit<QuestionDraft, 'id' | 'createdAt'>;
export type NewQuestion = Omit<Question, 'id' | 'status' | 'createdAt' | 'hidden'>;

export interface QuestionStore {
  saveDraft(draft: NewDraft): Promise<string>;
  /** The draft, unless it is older than the store's timeout (then it is erased). */
  draft(id: string): Promise<QuestionDraft | undefined>;
  updateDraft(id: string, change: Partial<Pick<QuestionDraft, 'text' | 'anonymous' | 'topics'>>): Promise<void>;
  deleteDraft(id: string): Promise<void>;
  /** Stores the question under a new short id and erases the draft, in one transaction. */
  publish(draftId: string, question: NewQuestion): Promise<Question>;
  find(id: string): Promise<Question | undefined>;
  answersOf(id: string): Promise<Answer[]>;
  /** Open (unanswered), visible questions, newest first, with this topic when given. */
  open(topic: string | undefined, limit: number): Promise<Question[]>;
  /** Adds the answer as the question's next number; the question becomes `answered`. */
  addAnswer(questionId: string, answer: { answererId: string; platform: PlatformName; text: string }): Promise<Answer>;
  /** Marks the answer accepted (and no other); false when there is no such visible answer. */
  accept(questionId: string, number: number): Promise<boolean>;
  /**
   * Hides the question, or one answer (its acceptance with it: the question
   * is `open` again when no visible answer is left); false when it already
   * was hidden, or there is no such answer.
   */
  hide(questionId: string, answerNumber?: number): Promise<boolean>;
  addPost(post: QuestionPost): Promise<void>;
  /** The messages about the question: `null` its own, a number that answer's, nothing given: all of them. */
  posts(questionId: string, answerNumber?: number | null): Promise<QuestionPost[]>;
  /** Every message about the member's questions (answers under them included) and about their answers to others'. */
  postsByMember(memberId: string): Promise<QuestionPost[]>;
  /** The question whose own post (in a group or Q&A channel) is this platform message. */
  questionPostedAs(platform: PlatformName, conversationId: string, messageId: string): Promise<string | undefined>;
  /** Active experts (or staff) whose expert profile fits, on their oldest account; the asker never, nor one it was routed to already. */
  expertsFor(question: Pick<Question, 'id' | 'topics' | 'country' | 'languageGroup' | 'askerId'>, limit: number): Promise<ExpertCandidate[]>;
  addRoute(questionId: string, expert: ExpertCandidate): Promise<void>;
  /**
   * The route's status; false when this member was not routed the question.
   * `declined` (Not for me) changes only a route still waiting: a second
   * press, or one after answering, declines nothing.
   */
  setRouteStatus(questionId: string, expertId: string, status: 'declined' | 'answered'): Promise<boolean>;
  /** Routes still `sent` on open questions older than `before`, not yet reminded; marked reminded as they are returned. */
  claimExpertReminders(before: Date): Promise<RouteReminder[]>;
  /** Open questions older than `before` whose moderators were not reminded yet; marked as they are returned. */
  claimModeratorReminders(before: Date): Promise<Question[]>;
  /** Active moderators and administrators, on their oldest account. */
  moderators(): Promise<ExpertCandidate[]>;
  /** Answered, visible questions with the text of their visible answers (/search type:qa), newest first. */
  answeredWithAnswers(): Promise<Array<{ question: Question; answers: string[]; accepted: boolean }>>;
  /** For the digest: open questions that need an expert. */
  openQuestions(): Promise<QuestionSummary[]>;
  /** For the digest: questions first answered in [from, to). */
  answeredQuestions(from: Date, to: Date): Promise<QuestionSummary[]>;
}

/** A message as the platform knows it, to edit or delete later. */
export interface PostedMessage {
  conversationId: string;
  messageIds: string[];
}

/**
 * Posts cphub's own messages and changes them later, on one platform: the
 * `Messenger` of core/ports.ts sends and forgets; this remembers.
 * `replyTo` makes the message an answer to one posted before (a Telegram
 * reply, a Slack thread, a Discord message reference). Fails with
 * `PlatformError`.
 */
export interface Publisher {
  readonly platform: PlatformName;
  /** How commands are typed there, when it is not `/name` (Slack: `/hub name`): a message names them so. */
  readonly commandPrefix?: string;
  post(target: OutboundTarget, reply: Reply, replyTo?: string): Promise<PostedMessage>;
  /** Replaces the first message's content (the rest, if any, are deleted). */
  edit(message: PostedMessage, reply: Reply): Promise<void>;
  remove(message: PostedMessage): Promise<void>;
}

/** The publishers of the platforms that run; filled by the composition root as adapters start. */
export class Publishers {
  private readonly byPlatform = new Map<PlatformName, Publisher>();

  register(publisher: Publisher): void {
    this.byPlatform.set(publisher.platform, publisher);
  }

  for(platform: PlatformName): Publisher | undefined {
    return this.byPlatform.get(platform);
  }
}
