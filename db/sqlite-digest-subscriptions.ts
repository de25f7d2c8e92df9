/**
 * Digest subscriptions in SQLite. A member has at most one (keyed by the
 * member, so linked accounts get one digest: on the account they last
 * subscribed from); a chat has at most one, decided by an admin. Rows of an
 * erased member go with the member (foreign key, cascade).
 */
import { eq } from 'drizzle-orm';
import { memberTimeZone } from '../core/content/time-zones.ts';
import type { DigestFilter, DigestRecipient, DigestSubscriptions, Subscription } from '../core/digest/digest-ports.ts';
import { memberTarget } from '../core/delivery/send-to-target.ts';
import { recipientKeyOfChat, recipientKeyOfMember } from '../core/digest/digest-ports.ts';
import type { PlatformName } from '../core/model/incoming.ts';
import type { Clock } from '../core/ports.ts';
import type { OpenDatabase } from './open-database.ts';
import { digestSubscriptions } from './schema/digests.ts';

type Row = typeof digestSubscriptions.$inferSelect;

interface RecipientRow {
  recipient_key: string;
  kind: 'member' | 'chat';
  still_user_id: string | null;
  fallback_platform: string | null;
  fallback_user_id: string | null;
  platform: string;
  conversation_id: string;
  thread_id: string | null;
  language: string;
  topics: string;
  countries: string;
  member_language: string | null;
  account_language: string | null;
  time_zone: string | null;
  country: string | null;
}

/**
 * Everyone a period's digest goes to, languages and zones joined in. A member's digest goes to
 * the account they subscribed from while it is still theirs; after an /unlink, to their oldest account.
 */
const RECIPIENTS = `
      SELECT s.recipient_key, s.kind, s.platform, s.conversation_id, s.thread_id, s.language, s.topics, s.countries,
             m.language AS member_language, a.language AS account_language, p.time_zone, m.country,
             still.user_id AS still_user_id, fallback.platform AS fallback_platform, fallback.user_id AS fallback_user_id
      FROM digest_subscriptions s
      LEFT JOIN members m ON m.id = s.member_id
      LEFT JOIN member_preferences p ON p.member_id = s.member_id
      LEFT JOIN member_accounts still ON still.platform = s.platform AND still.user_id = s.user_id AND still.member_id = s.member_id
      LEFT JOIN member_accounts fallback ON still.user_id IS NULL AND s.kind = 'member' AND fallback.rowid =
        (SELECT rowid FROM member_accounts WHERE member_id = s.member_id ORDER BY linked_at, platform, user_id LIMIT 1)
      LEFT JOIN account_settings a ON a.platform = COALESCE(fallback.platform, s.platform) AND a.user_id = COALESCE(fallback.user_id, s.user_id)
      WHERE s.created_at < ? AND (s.kind = 'chat' OR (m.status = 'active' AND (still.user_id IS NOT NULL OR fallback.user_id IS NOT NULL)))`;

export class SqliteDigestSubscriptions implements DigestSubscriptions {
  private readonly recipientRows;
  private readonly recipientRow;

  constructor(
    private readonly db: OpenDatabase,
    private readonly clock: Clock,
  ) {
    // One read for every recipient of a period; the preview reads one of them the same way.
    this.recipientRows = db.sqlite.prepare<[string], RecipientRow>(`${RECIPIENTS} ORDER BY s.created_at, s.recipient_key`);
    this.recipientRow = db.sqlite.prepare<[string, string], RecipientRow>(`${RECIPIENTS} AND s.recipient_key = ?`);
  }

  async subscribeMember(memberId: string, account: { platform: PlatformName; userId: string }, filter: DigestFilter): Promise<void> {
    this.upsert({
      recipientKey: recipientKeyOfMember(memberId), kind: 'member', memberId, platform: account.platform, userId: account.userId,
      conversationId: memberTarget(account.platform, account.userId).conversationId, threadId: null, language: '', createdBy: memberId,
    }, filter);
  }

  async subscribeChat(chat: { platform: PlatformName; conversationId: string; threadId?: string }, language: string, filter: DigestFilter, by: string): Promise<void> {
    this.upsert({
      recipientKey: recipientKeyOfChat(chat.platform, chat.conversationId), kind: 'chat', memberId: null, platform: chat.platform, userId: null,
      conversationId: chat.conversationId, threadId: chat.threadId ?? null, language, createdBy: by,
    }, filter);
  }

  async unsubscribe(recipientKey: string): Promise<boolean> {
    return this.db.orm.delete(digestSubscriptions).where(eq(digestSubscriptions.recipientKey, recipientKey)).run().changes > 0;
  }

  async find(recipientKey: string): Promise<Subscription | undefined> {
    const row = this.db.orm.select().from(digestSubscriptions).where(eq(digestSubscriptions.recipientKey, recipientKey)).get();
    return row ? toSubscription(row) : undefined;
  }

  async recipients(createdBefore: Date, hubTimeZone: string): Promise<DigestRecipient[]> {
    return this.recipientRows.all(createdBefore.toISOString()).map((row) => toRecipient(row, hubTimeZone));
  }

  async recipient(recipientKey: string, createdBefore: Date, hubTimeZone: string): Promise<DigestRecipient | undefined> {
    const row = this.recipientRow.get(createdBefore.toISOString(), recipientKey);
    return row ? toRecipient(row, hubTimeZone) : undefined;
  }

  /** A new subscription, or the same recipient's filters and target changed (its creation time kept). */
  private upsert(values: Omit<Row, 'topics' | 'countries' | 'createdAt' | 'updatedAt'>, filter: DigestFilter): void {
    const at = this.clock.now().toISOString();
    const row = { ...values, topics: JSON.stringify(filter.topics), countries: JSON.stringify(filter.countries), createdAt: at, updatedAt: at };
    const { createdAt: _kept, ...changes } = row;
    this.db.orm.insert(digestSubscriptions).values(row).onConflictDoUpdate({ target: digestSubscriptions.recipientKey, set: changes }).run();
  }
}

function toSubscription(row: Row): Subscription {
  return {
    recipientKey: row.recipientKey,
    kind: row.kind,
    ...(row.memberId ? { memberId: row.memberId } : {}),
    platform: row.platform as PlatformName,
    target: { conversationId: row.conversationId, ...(row.threadId ? { threadId: row.threadId } : {}) },
    language: row.language,
    filter: { topics: JSON.parse(row.topics) as string[], countries: JSON.parse(row.countries) as string[] },
  };
}

function toRecipient(row: RecipientRow, hubTimeZone: string): DigestRecipient {
  return {
    key: row.recipient_key,
    platform: (row.fallback_platform ?? row.platform) as PlatformName,
    target: row.fallback_user_id
      ? memberTarget(row.fallback_platform as PlatformName, row.fallback_user_id)
      : { conversationId: row.conversation_id, ...(row.thread_id ? { threadId: row.thread_id } : {}) },
    // A member's digest speaks what that account speaks (its /lang, else the member's).
    language: row.language || row.account_language || row.member_language || 'en',
    timeZone: memberTimeZone(row.time_zone ?? undefined, row.country ?? undefined, hubTimeZone),
    filter: { topics: JSON.parse(row.topics) as string[], countries: JSON.parse(row.countries) as string[] },
  };
}
