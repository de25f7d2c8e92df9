/**
 * Drafts, questions and answers in SQLite. A draft is what an asker typed
 * before deciding; it is erased when they decide, and after DRAFT_TTL_MS
 * whether they decide or not (read as missing, deleted on the next read).
 */
import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { PlatformName } from '../core/model/incoming.ts';
import type { Clock } from '../core/ports.ts';
import { allocateQuestionId } from '../core/questions/question-id.ts';
import type { Answer, NewDraft, NewQuestion, Question, QuestionDraft } from '../core/questions/question-ports.ts';
import { parseJsonList } from './json-list.ts';
import type { OpenDatabase } from './open-database.ts';
import { answers, questionDrafts, questions } from './schema/questions.ts';

/** An hour to decide: long enough to rephrase on a phone, short enough that nothing sensitive lingers. */
export const DRAFT_TTL_MS = 60 * 60 * 1000;

type QuestionRow = typeof questions.$inferSelect;
type AnswerRow = typeof answers.$inferSelect;

export class SqliteQuestionRecords {
  constructor(
    protected readonly db: OpenDatabase,
    protected readonly clock: Clock,
  ) {}

  async saveDraft(draft: NewDraft): Promise<string> {
    this.purgeDrafts();
    const id = randomBytes(6).toString('base64url');
    this.db.orm.insert(questionDrafts).values({
      id,
      memberId: draft.memberId,
      platform: draft.platform,
      userId: draft.userId,
      conversationId: draft.conversation.id,
      conversationKind: draft.conversation.kind,
      threadId: draft.conversation.threadId ?? null,
      text: draft.text,
      anonymous: draft.anonymous,
      topics: JSON.stringify(draft.topics),
      createdAt: this.clock.now().toISOString(),
    }).run();
    return id;
  }

  async draft(id: string): Promise<QuestionDraft | undefined> {
    this.purgeDrafts();
    const row = this.db.orm.select().from(questionDrafts).where(eq(questionDrafts.id, id)).get();
    if (!row) return undefined;
    return {
      id: row.id,
      memberId: row.memberId,
      platform: row.platform as PlatformName,
      userId: row.userId,
      conversation: { id: row.conversationId, kind: row.conversationKind, ...(row.threadId ? { threadId: row.threadId } : {}) },
      text: row.text,
      anonymous: row.anonymous,
      topics: parseJsonList(row.topics),
      createdAt: new Date(row.createdAt),
    };
  }

  async updateDraft(id: string, change: Partial<Pick<QuestionDraft, 'text' | 'anonymous' | 'topics'>>): Promise<void> {
    const set = {
      ...(change.text !== undefined ? { text: change.text } : {}),
      ...(change.anonymous !== undefined ? { anonymous: change.anonymous } : {}),
      ...(change.topics ? { topics: JSON.stringify(change.topics) } : {}),
    };
    if (Object.keys(set).length > 0) this.db.orm.update(questionDrafts).set(set).where(eq(questionDrafts.id, id)).run();
  }

  async deleteDraft(id: string): Promise<void> {
    this.db.orm.delete(questionDrafts).where(eq(questionDrafts.id, id)).run();
  }

  /** Drafts past their hour go, decided or not. */
  private purgeDrafts(): void {
    const before = new Date(this.clock.now().getTime() - DRAFT_TTL_MS).toISOString();
    this.db.orm.delete(questionDrafts).where(sql`${questionDrafts.createdAt} < ${before}`).run();
  }

  async publish(draftId: string, question: NewQuestion): Promise<Question> {
    const createdAt = this.clock.now().toISOString();
    const claim = (id: string): boolean =>
      this.db.sqlite.transaction(() => {
        if (this.db.orm.select({ id: questions.id }).from(questions).where(eq(questions.id, id)).get()) return false;
        this.db.orm.insert(questions).values({
          id,
          askerId: question.askerId,
          askerPlatform: question.asker.platform,
          askerUserId: question.asker.userId,
          text: question.text,
          topics: JSON.stringify(question.topics),
          country: question.country ?? null,
          languageGroup: question.languageGroup,
          anonymous: question.anonymous,
          originPlatform: question.origin.platform,
          originConversationId: question.origin.conversationId ?? null,
          originThreadId: question.origin.threadId ?? null,
          createdAt,
        }).run();
        this.db.orm.delete(questionDrafts).where(eq(questionDrafts.id, draftId)).run();
        return true;
      })();
    const id = await allocateQuestionId(claim);
    return (await this.find(id))!;
  }

  async find(id: string): Promise<Question | undefined> {
    const row = this.db.orm.select().from(questions).where(eq(questions.id, id)).get();
    return row ? toQuestion(row) : undefined;
  }

  async answersOf(id: string): Promise<Answer[]> {
    return this.db.orm.select().from(answers).where(eq(answers.questionId, id)).orderBy(answers.number).all().map(toAnswer);
  }

  async open(topic: string | undefined, limit: number): Promise<Question[]> {
    const withTopic = topic ? sql`EXISTS (SELECT 1 FROM json_each(${questions.topics}) WHERE json_each.value = ${topic})` : undefined;
    return this.db.orm.select().from(questions)
      .where(and(eq(questions.status, 'open'), isNull(questions.hiddenAt), withTopic))
      .orderBy(desc(questions.createdAt), desc(questions.id)).limit(limit).all().map(toQuestion);
  }

  async addAnswer(questionId: string, answer: { answererId: string; platform: PlatformName; text: string }): Promise<Answer> {
    const at = this.clock.now().toISOString();
    const row = this.db.sqlite.transaction(() => {
      const last = this.db.orm.select({ max: sql<number | null>`max(${answers.number})` }).from(answers).where(eq(answers.questionId, questionId)).get();
      const number = (last?.max ?? 0) + 1;
      this.db.orm.update(questions).set({ status: 'answered', firstAnsweredAt: sql`coalesce(${questions.firstAnsweredAt}, ${at})` }).where(eq(questions.id, questionId)).run();
      return this.db.orm.insert(answers).values({ questionId, number, ...answer, createdAt: at }).returning().get();
    })();
    return toAnswer(row);
  }

  async accept(questionId: string, number: number): Promise<boolean> {
    return this.db.sqlite.transaction(() => {
      const target = this.db.orm.select().from(answers).where(and(eq(answers.questionId, questionId), eq(answers.number, number), isNull(answers.hiddenAt))).get();
      if (!target) return false;
      this.db.orm.update(answers).set({ accepted: false }).where(eq(answers.questionId, questionId)).run();
      this.db.orm.update(answers).set({ accepted: true }).where(eq(answers.id, target.id)).run();
      return true;
    })();
  }

  async hide(questionId: string, answerNumber?: number): Promise<boolean> {
    const hiddenAt = this.clock.now().toISOString();
    if (answerNumber === undefined) {
      return this.db.orm.update(questions).set({ hiddenAt }).where(and(eq(questions.id, questionId), isNull(questions.hiddenAt))).run().changes > 0;
    }
    return this.db.sqlite.transaction(() => {
      const result = this.db.orm.update(answers).set({ hiddenAt, accepted: false })
        .where(and(eq(answers.questionId, questionId), eq(answers.number, answerNumber), isNull(answers.hiddenAt))).run();
      if (result.changes === 0) return false;
      this.settleStatus(questionId);
      return true;
    })();
  }

  /**
   * The question's state as its visible answers make it: `open` again when a
   * moderator hid the last one (back in /questions, reminders and the
   * digest's open questions, out of `type:qa`), first answered when the
   * earliest visible answer came.
   */
  private settleStatus(questionId: string): void {
    const first = this.db.orm.select({ at: sql<string | null>`min(${answers.createdAt})` }).from(answers)
      .where(and(eq(answers.questionId, questionId), isNull(answers.hiddenAt))).get()?.at ?? null;
    this.db.orm.update(questions).set({ status: first ? 'answered' : 'open', firstAnsweredAt: first }).where(eq(questions.id, questionId)).run();
  }
}

export function toQuestion(row: QuestionRow): Question {
  return {
    id: row.id,
    askerId: row.askerId,
    asker: { platform: row.askerPlatform as PlatformName, userId: row.askerUserId },
    text: row.text,
    topics: parseJsonList(row.topics),
    ...(row.country ? { country: row.country } : {}),
    languageGroup: row.languageGroup,
    anonymous: row.anonymous,
    status: row.status,
    origin: {
      platform: row.originPlatform as PlatformName,
      ...(row.originConversationId ? { conversationId: row.originConversationId } : {}),
      ...(row.originThreadId ? { threadId: row.originThreadId } : {}),
    },
    createdAt: new Date(row.createdAt),
    hidden: row.hiddenAt !== null,
  };
}

function toAnswer(row: AnswerRow): Answer {
  return {
    number: row.number,
    answererId: row.answererId,
    platform: row.platform as PlatformName,
    text: row.text,
    accepted: row.accepted,
    createdAt: new Date(row.createdAt),
    hidden: row.hiddenAt !== null,
  };
}
