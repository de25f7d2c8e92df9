/**
 * The question store: the records (sqlite-question-records.ts) plus where
 * each question went — the experts it was routed to, the messages posted
 * about it — and the reads of the reminders job and the digest.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { PlatformName } from '../core/model/incoming.ts';
import type { ExpertCandidate, Question, QuestionPost, QuestionStore, QuestionSummary, RouteReminder } from '../core/questions/question-ports.ts';
import { parseJsonList } from './json-list.ts';
import { SqliteQuestionRecords, toQuestion } from './sqlite-question-records.ts';
import { questionPosts, questionRoutes, questions } from './schema/questions.ts';

/** An account of the member: the oldest link (the platform they joined on). */
const OLDEST_ACCOUNT = `(SELECT a.platform || ':' || a.user_id FROM member_accounts a WHERE a.member_id = m.id ORDER BY a.linked_at, a.rowid LIMIT 1)`;

export class SqliteQuestionStore extends SqliteQuestionRecords implements QuestionStore {
  async addPost(post: QuestionPost): Promise<void> {
    this.db.orm.insert(questionPosts).values({
      questionId: post.questionId,
      answerNumber: post.answerNumber ?? null,
      kind: post.kind,
      platform: post.platform,
      conversationId: post.conversationId,
      language: post.language,
      messageIds: JSON.stringify(post.messageIds),
      createdAt: this.clock.now().toISOString(),
    }).run();
  }

  async posts(questionId: string, answerNumber?: number | null): Promise<QuestionPost[]> {
    const which = answerNumber === undefined ? undefined : answerNumber === null ? isNull(questionPosts.answerNumber) : eq(questionPosts.answerNumber, answerNumber);
    return this.db.orm.select().from(questionPosts).where(and(eq(questionPosts.questionId, questionId), which)).orderBy(questionPosts.id).all()
      .map((row) => ({
        questionId: row.questionId,
        ...(row.answerNumber !== null ? { answerNumber: row.answerNumber } : {}),
        kind: row.kind,
        platform: row.platform as PlatformName,
        conversationId: row.conversationId,
        language: row.language,
        messageIds: parseJsonList(row.messageIds),
      }));
  }

  async postsByMember(memberId: string): Promise<QuestionPost[]> {
    const rows = this.db.sqlite.prepare(`SELECT p.question_id AS questionId FROM question_posts p JOIN questions q ON q.id = p.question_id WHERE q.asker_id = @member
      UNION SELECT a.question_id FROM answers a WHERE a.answerer_id = @member`).all({ member: memberId }) as Array<{ questionId: string }>;
    const posts: QuestionPost[] = [];
    for (const { questionId } of rows) {
      const question = await this.find(questionId);
      if (question?.askerId === memberId) posts.push(...(await this.posts(questionId)));
      else for (const answer of await this.answersOf(questionId)) if (answer.answererId === memberId) posts.push(...(await this.posts(questionId, answer.number)));
    }
    return posts;
  }

  async questionPostedAs(platform: PlatformName, conversationId: string, messageId: string): Promise<string | undefined> {
    const row = this.db.orm.select({ questionId: questionPosts.questionId }).from(questionPosts)
      .where(and(eq(questionPosts.platform, platform), eq(questionPosts.conversationId, conversationId), isNull(questionPosts.answerNumber),
        inArray(questionPosts.kind, ['group', 'channel']), sql`EXISTS (SELECT 1 FROM json_each(${questionPosts.messageIds}) WHERE json_each.value = ${messageId})`))
      .get();
    return row?.questionId;
  }

  /**
   * Experts who said they know the question's topic (any topic when the
   * question has none), work in the asker's country and speak the
   * question's language — an empty list of countries or languages means
   * "any". Listing in the directory is not needed: being routed questions
   * is what the expert role is for, and "not for me" declines one.
   * Those with the fewest questions waiting for them come first.
   */
  async expertsFor(question: Pick<Question, 'id' | 'topics' | 'country' | 'languageGroup' | 'askerId'>, limit: number): Promise<ExpertCandidate[]> {
    const rows = this.db.sqlite.prepare(`
      SELECT m.id AS memberId, ${OLDEST_ACCOUNT} AS account
      FROM expert_profiles e JOIN members m ON m.id = e.member_id
      WHERE m.status = 'active' AND m.role IN ('expert', 'moderator', 'admin') AND m.id <> @asker
        AND (@topics = '[]' OR EXISTS (SELECT 1 FROM json_each(e.topics) t WHERE t.value IN (SELECT value FROM json_each(@topics))))
        AND (@country IS NULL OR json_array_length(e.countries) = 0 OR EXISTS (SELECT 1 FROM json_each(e.countries) c WHERE c.value = @country))
        AND (json_array_length(e.languages) = 0 OR EXISTS (SELECT 1 FROM json_each(e.languages) l WHERE l.value = @language))
        AND NOT EXISTS (SELECT 1 FROM question_routes q WHERE q.question_id = @question AND q.expert_id = m.id)
      ORDER BY (SELECT count(*) FROM question_routes r WHERE r.expert_id = m.id AND r.status = 'sent'), m.created_at, m.id
      LIMIT @limit`).all({
      asker: question.askerId,
      question: question.id,
      topics: JSON.stringify(question.topics),
      country: question.country ?? null,
      language: question.languageGroup,
      limit,
    }) as Array<{ memberId: string; account: string | null }>;
    return rows.flatMap((row) => candidate(row.memberId, row.account));
  }

  async moderators(): Promise<ExpertCandidate[]> {
    const rows = this.db.sqlite.prepare(`SELECT m.id AS memberId, ${OLDEST_ACCOUNT} AS account FROM members m
      WHERE m.status = 'active' AND m.role IN ('moderator', 'admin') ORDER BY m.created_at, m.id`).all() as Array<{ memberId: string; account: string | null }>;
    return rows.flatMap((row) => candidate(row.memberId, row.account));
  }

  async addRoute(questionId: string, expert: ExpertCandidate): Promise<void> {
    this.db.orm.insert(questionRoutes).values({
      questionId, expertId: expert.memberId, platform: expert.platform, userId: expert.userId, sentAt: this.clock.now().toISOString(),
    }).onConflictDoNothing().run();
  }

  async setRouteStatus(questionId: string, expertId: string, status: 'declined' | 'answered'): Promise<boolean> {
    const route = and(eq(questionRoutes.questionId, questionId), eq(questionRoutes.expertId, expertId));
    const result = this.db.orm.update(questionRoutes).set({ status })
      .where(status === 'declined' ? and(route, eq(questionRoutes.status, 'sent')) : route).run();
    return result.changes > 0;
  }

  async claimExpertReminders(before: Date): Promise<RouteReminder[]> {
    const at = this.clock.now().toISOString();
    return this.db.sqlite.transaction(() => {
      const due = this.db.orm.select({ route: questionRoutes }).from(questionRoutes)
        .innerJoin(questions, eq(questions.id, questionRoutes.questionId))
        .where(and(eq(questionRoutes.status, 'sent'), isNull(questionRoutes.remindedAt), eq(questions.status, 'open'), isNull(questions.hiddenAt),
          sql`${questionRoutes.sentAt} < ${before.toISOString()}`))
        .all().map(({ route }) => route);
      for (const route of due) {
        this.db.orm.update(questionRoutes).set({ remindedAt: at })
          .where(and(eq(questionRoutes.questionId, route.questionId), eq(questionRoutes.expertId, route.expertId))).run();
      }
      return due.map((route) => ({ questionId: route.questionId, expert: { memberId: route.expertId, platform: route.platform as PlatformName, userId: route.userId } }));
    })();
  }

  async claimModeratorReminders(before: Date): Promise<Question[]> {
    const at = this.clock.now().toISOString();
    return this.db.sqlite.transaction(() => {
      const due = this.db.orm.select().from(questions)
        .where(and(eq(questions.status, 'open'), isNull(questions.hiddenAt), isNull(questions.moderatorsRemindedAt), sql`${questions.createdAt} < ${before.toISOString()}`))
        .all();
      if (due.length > 0) this.db.orm.update(questions).set({ moderatorsRemindedAt: at }).where(inArray(questions.id, due.map((row) => row.id))).run();
      return due.map(toQuestion);
    })();
  }

  async answeredWithAnswers(): Promise<Array<{ question: Question; answers: string[]; accepted: boolean }>> {
    const rows = this.db.orm.select().from(questions).where(and(eq(questions.status, 'answered'), isNull(questions.hiddenAt))).orderBy(sql`${questions.createdAt} DESC`).all();
    const visible = this.db.sqlite.prepare('SELECT question_id AS questionId, text, accepted FROM answers WHERE hidden_at IS NULL ORDER BY number').all() as Array<{ questionId: string; text: string; accepted: number }>;
    const byQuestion = new Map<string, typeof visible>();
    for (const answer of visible) byQuestion.set(answer.questionId, [...(byQuestion.get(answer.questionId) ?? []), answer]);
    return rows.flatMap((row) => {
      const answers = byQuestion.get(row.id) ?? [];
      return answers.length > 0 ? [{ question: toQuestion(row), answers: answers.map((answer) => answer.text), accepted: answers.some((answer) => answer.accepted === 1) }] : [];
    });
  }

  async openQuestions(): Promise<QuestionSummary[]> {
    return this.summaries(and(eq(questions.status, 'open'), isNull(questions.hiddenAt)));
  }

  async answeredQuestions(from: Date, to: Date): Promise<QuestionSummary[]> {
    return this.summaries(and(eq(questions.status, 'answered'), isNull(questions.hiddenAt),
      sql`${questions.firstAnsweredAt} >= ${from.toISOString()} AND ${questions.firstAnsweredAt} < ${to.toISOString()}`));
  }

  /** No asker in a summary: the digest goes to many, and a question may be anonymous. */
  private summaries(where: ReturnType<typeof and>): QuestionSummary[] {
    return this.db.orm.select().from(questions).where(where).orderBy(questions.createdAt).all().map((row) => ({
      id: row.id, title: row.text, topics: parseJsonList(row.topics), country: row.country ?? '', languageGroup: row.languageGroup,
    }));
  }
}

function candidate(memberId: string, account: string | null): ExpertCandidate[] {
  if (!account) return [];
  const at = account.indexOf(':');
  return [{ memberId, platform: account.slice(0, at) as PlatformName, userId: account.slice(at + 1) }];
}
