/**
 * `/mydata`: every row kept about a person, on every account linked to them
 * — the same tables `/forget` erases — and nothing about anyone else. Audit
 * entries about the member are included without who decided (a moderator's
 * id is that moderator's data); entries where the member decided about
 * someone else are not theirs to take.
 */
import { and, eq, or } from 'drizzle-orm';
import type { PlatformName } from '../core/model/incoming.ts';
import { parseJsonList } from './json-list.ts';
import type { OpenDatabase } from './open-database.ts';
import { expertProfiles } from './schema/expert-profiles.ts';
import { accountSettings } from './schema/account-settings.ts';
import { auditLog } from './schema/audit-log.ts';
import { chats } from './schema/chats.ts';
import { contentDrafts } from './schema/content-drafts.ts';
import { digestSubscriptions } from './schema/digests.ts';
import { linkCodes } from './schema/link-codes.ts';
import { memberPreferences } from './schema/member-preferences.ts';
import { memberAccounts, members } from './schema/members.ts';
import { pendingInputs } from './schema/pending-inputs.ts';
import { searchSessions } from './schema/search-sessions.ts';
import { answers, questionDrafts, questions } from './schema/questions.ts';

/** Bumped when the file's shape changes, so a reader knows what it holds. */
export const EXPORT_FORMAT = 'cphub-mydata/1';
/** Deciders that are not a person. */
const NOT_A_PERSON = new Set(['config', 'cli']);

type Account = { platform: string; userId: string };

export function exportPersonalData(db: OpenDatabase, account: { platform: PlatformName; userId: string }, at: Date): Record<string, unknown> {
  const { orm } = db;
  const link = orm.select().from(memberAccounts).where(and(eq(memberAccounts.platform, account.platform), eq(memberAccounts.userId, account.userId))).get();
  const member = link ? orm.select().from(members).where(eq(members.id, link.memberId)).get() : undefined;
  const linked = link ? orm.select().from(memberAccounts).where(eq(memberAccounts.memberId, link.memberId)).all() : [];
  const accounts: Account[] = link ? linked : [account];
  return {
    format: EXPORT_FORMAT,
    exportedAt: at.toISOString(),
    member: member ? { ...member, topics: JSON.parse(member.topics) as unknown } : null,
    expertProfile: member ? expertProfileOf(db, member.id) : null,
    accounts: link ? linked.map(({ platform, userId, linkedAt }) => ({ platform, userId, linkedAt })) : [{ ...account, linkedAt: null }],
    settings: rowsFor(accounts, (a) => orm.select().from(accountSettings).where(and(eq(accountSettings.platform, a.platform), eq(accountSettings.userId, a.userId))).all()),
    savedSearches: rowsFor(accounts, (a) =>
      orm.select({ platform: searchSessions.platform, userId: searchSessions.userId, query: searchSessions.query, createdAt: searchSessions.createdAt })
        .from(searchSessions).where(and(eq(searchSessions.platform, a.platform), eq(searchSessions.userId, a.userId))).all()),
    privateChats: rowsFor(accounts, (a) =>
      orm.select().from(chats).where(and(eq(chats.platform, a.platform), eq(chats.kind, 'private'), or(eq(chats.chatId, a.userId), eq(chats.chatId, `user:${a.userId}`)))).all()),
    postDrafts: rowsFor(accounts, (a) => orm.select().from(contentDrafts).where(and(eq(contentDrafts.platform, a.platform), eq(contentDrafts.userId, a.userId))).all()),
    waitingQuestions: rowsFor(accounts, (a) => orm.select().from(pendingInputs).where(and(eq(pendingInputs.platform, a.platform), eq(pendingInputs.userId, a.userId))).all()),
    // The codes themselves are left out: an export is a file, and a file travels.
    linkCodes: member ? orm.select({ issuedTo: linkCodes.issuedTo, expiresAt: linkCodes.expiresAt, usedAt: linkCodes.usedAt }).from(linkCodes).where(eq(linkCodes.memberId, member.id)).all() : [],
    auditLog: member ? auditAbout(db, member.id) : [],
    ...(member ? questionsOf(db, member.id) : { questions: [], answers: [], questionDrafts: [] }),
    preferences: member ? orm.select().from(memberPreferences).where(eq(memberPreferences.memberId, member.id)).all() : [],
    digestSubscriptions: member ? orm.select().from(digestSubscriptions).where(eq(digestSubscriptions.memberId, member.id)).all() : [],
  };
}

function expertProfileOf(db: OpenDatabase, memberId: string) {
  const row = db.orm.select().from(expertProfiles).where(eq(expertProfiles.memberId, memberId)).get();
  if (!row) return null;
  return { ...row, topics: parseJsonList(row.topics), languages: parseJsonList(row.languages), countries: parseJsonList(row.countries) };
}

/**
 * The member's own questions (with whether they were anonymous) and drafts,
 * and their answers — under the question's id only: who asked is the
 * asker's to export, and may be anonymous.
 */
function questionsOf(db: OpenDatabase, memberId: string) {
  const { orm } = db;
  return {
    questions: orm.select({ id: questions.id, text: questions.text, topics: questions.topics, anonymous: questions.anonymous, status: questions.status, createdAt: questions.createdAt, hiddenAt: questions.hiddenAt })
      .from(questions).where(eq(questions.askerId, memberId)).all().map((row) => ({ ...row, topics: parseJsonList(row.topics) })),
    answers: orm.select({ questionId: answers.questionId, number: answers.number, text: answers.text, accepted: answers.accepted, createdAt: answers.createdAt, hiddenAt: answers.hiddenAt })
      .from(answers).where(eq(answers.answererId, memberId)).all(),
    questionDrafts: orm.select({ text: questionDrafts.text, createdAt: questionDrafts.createdAt }).from(questionDrafts).where(eq(questionDrafts.memberId, memberId)).all(),
  };
}

function rowsFor<T>(accounts: Account[], query: (account: Account) => T[]): T[] {
  return accounts.flatMap(query);
}

function auditAbout(db: OpenDatabase, memberId: string) {
  return db.orm.select().from(auditLog).where(eq(auditLog.subject, memberId)).orderBy(auditLog.id).all().map((entry) => ({
    at: entry.at,
    action: entry.action,
    details: withoutDecider(entry.details, memberId),
  }));
}

/** `{ from, to, by }` → `by` kept only when it is this member, the config or the CLI. */
function withoutDecider(details: string | null, memberId: string): unknown {
  if (!details) return null;
  try {
    const parsed = JSON.parse(details) as Record<string, unknown>;
    if (typeof parsed.by === 'string' && parsed.by !== memberId && !NOT_A_PERSON.has(parsed.by)) parsed.by = 'another member';
    return parsed;
  } catch {
    return null;
  }
}
