import { and, eq } from 'drizzle-orm';
import { recipientKeyOfChat } from '../core/digest/digest-ports.ts';
import type { PlatformName } from '../core/model/incoming.ts';
import type { ChatDirectory, ChatRecord, Clock } from '../core/ports.ts';
import type { OpenDatabase } from './open-database.ts';
import { chats } from './schema/chats.ts';

export class SqliteChatDirectory implements ChatDirectory {
  constructor(
    private readonly db: OpenDatabase,
    private readonly clock: Clock,
  ) {}

  async remember(chat: Omit<ChatRecord, 'status'>): Promise<void> {
    const now = this.clock.now().toISOString();
    const details = { kind: chat.kind, title: chat.title ?? null, status: 'active' as const, statusReason: null };
    // A returning chat keeps the language it had unless a new one is given.
    const language = chat.language ? { language: chat.language } : {};
    this.db.orm
      .insert(chats)
      .values({ platform: chat.platform, chatId: chat.id, ...details, language: chat.language ?? null, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: [chats.platform, chats.chatId], set: { ...details, ...language, updatedAt: now } })
      .run();
  }

  async find(platform: PlatformName, id: string): Promise<ChatRecord | undefined> {
    const row = this.db.orm.select().from(chats).where(this.key(platform, id)).get();
    if (!row) return undefined;
    return {
      platform: row.platform as PlatformName,
      id: row.chatId,
      kind: row.kind,
      status: row.status,
      ...(row.title ? { title: row.title } : {}),
      ...(row.language ? { language: row.language } : {}),
    };
  }

  async markLeft(platform: PlatformName, id: string): Promise<void> {
    const updatedAt = this.clock.now().toISOString();
    this.db.orm.update(chats).set({ status: 'left', statusReason: null, updatedAt }).where(this.key(platform, id)).run();
  }

  async markUnreachable(chat: Pick<ChatRecord, 'platform' | 'id' | 'kind'>, reason: string): Promise<void> {
    const now = this.clock.now().toISOString();
    const status = { status: 'unreachable' as const, statusReason: reason, updatedAt: now };
    this.db.orm
      .insert(chats)
      .values({ platform: chat.platform, chatId: chat.id, kind: chat.kind, ...status, createdAt: now })
      .onConflictDoUpdate({ target: [chats.platform, chats.chatId], set: status })
      .run();
  }

  async move(platform: PlatformName, fromId: string, toId: string): Promise<void> {
    const now = this.clock.now().toISOString();
    // Both migration messages arrive (one in the old group, one in the new
    // supergroup), in either order: moving twice, or onto a row the new id
    // already has, must keep one row with the old row's settings.
    this.db.sqlite.transaction(() => {
      this.moveDigestSubscription(platform, fromId, toId, now);
      const old = this.db.orm.select().from(chats).where(this.key(platform, fromId)).get();
      if (!old) return;
      this.db.orm.delete(chats).where(this.key(platform, toId)).run();
      this.db.orm.update(chats).set({ chatId: toId, updatedAt: now }).where(this.key(platform, fromId)).run();
    })();
  }


  /** A group's weekly digest follows it to its new id (unless the new id already has one). */
  private moveDigestSubscription(platform: PlatformName, fromId: string, toId: string, now: string): void {
    const from = recipientKeyOfChat(platform, fromId);
    const to = recipientKeyOfChat(platform, toId);
    this.db.sqlite.prepare('UPDATE OR IGNORE digest_subscriptions SET recipient_key = ?, conversation_id = ?, updated_at = ? WHERE recipient_key = ?').run(to, toId, now, from);
    this.db.sqlite.prepare('DELETE FROM digest_subscriptions WHERE recipient_key = ?').run(from);
  }

  private key(platform: PlatformName, id: string) {
    return and(eq(chats.platform, platform), eq(chats.chatId, id));
  }
}
