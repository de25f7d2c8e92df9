/**
 * `/forget`: everything kept about a person goes, on every account linked to
 * them, in one transaction. What stays is the fact that an erasure happened
 * (audit_log, without a subject). Documents, groups and other members' data
 * are not touched.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import type { PlatformName } from '../core/model/incoming.ts';
import type { Clock, PersonalData } from '../core/ports.ts';
import type { OpenDatabase } from './open-database.ts';
import { exportPersonalData } from './sqlite-personal-export.ts';
import { accountSettings } from './schema/account-settings.ts';
import { auditLog } from './schema/audit-log.ts';
import { chats } from './schema/chats.ts';
import { memberAccounts, members } from './schema/members.ts';
import { pendingInputs } from './schema/pending-inputs.ts';
import { contentDrafts } from './schema/content-drafts.ts';
import { searchSessions } from './schema/search-sessions.ts';

type Account = { platform: string; userId: string };

export class SqlitePersonalData implements PersonalData {
  constructor(
    private readonly db: OpenDatabase,
    private readonly clock: Clock,
  ) {}

  async erase(platform: PlatformName, userId: string): Promise<{ accounts: Array<{ platform: PlatformName; userId: string }> }> {
    const at = this.clock.now().toISOString();
    return this.db.sqlite.transaction(() => {
      const accounts = this.linkedAccounts({ platform, userId });
      for (const account of accounts) this.eraseAccount(account);
      const memberIds = [...new Set(accounts.map((account) => account.memberId).filter((id): id is string => Boolean(id)))];
      // member_accounts and expert_profiles go with the member (ON DELETE CASCADE).
      if (memberIds.length > 0) this.db.orm.delete(members).where(inArray(members.id, memberIds)).run();
      this.db.orm.insert(auditLog).values({ at, action: 'member.erased', subject: null, details: JSON.stringify({ accounts: accounts.length }) }).run();
      return { accounts: accounts.map((erased) => ({ platform: erased.platform as PlatformName, userId: erased.userId })) };
    })();
  }

  async export(platform: PlatformName, userId: string): Promise<Record<string, unknown>> {
    return exportPersonalData(this.db, { platform, userId }, this.clock.now());
  }

  /** The account itself and, when it belongs to a member, every account of that member. */
  private linkedAccounts(account: Account): Array<Account & { memberId?: string }> {
    const link = this.db.orm
      .select({ memberId: memberAccounts.memberId })
      .from(memberAccounts)
      .where(and(eq(memberAccounts.platform, account.platform), eq(memberAccounts.userId, account.userId)))
      .get();
    if (!link) return [account];
    return this.db.orm
      .select({ platform: memberAccounts.platform, userId: memberAccounts.userId, memberId: memberAccounts.memberId })
      .from(memberAccounts)
      .where(eq(memberAccounts.memberId, link.memberId))
      .all();
  }

  private eraseAccount({ platform, userId }: Account): void {
    const { orm } = this.db;
    orm.delete(accountSettings).where(and(eq(accountSettings.platform, platform), eq(accountSettings.userId, userId))).run();
    orm.delete(searchSessions).where(and(eq(searchSessions.platform, platform), eq(searchSessions.userId, userId))).run();
    // A half-answered onboarding question (the name the member was about to type).
    orm.delete(pendingInputs).where(and(eq(pendingInputs.platform, platform), eq(pendingInputs.userId, userId))).run();
    orm.delete(contentDrafts).where(and(eq(contentDrafts.platform, platform), eq(contentDrafts.userId, userId))).run();
    // A private chat is kept under the user's id (Telegram) or as a DM target (`user:<id>`).
    const privateChat = or(eq(chats.chatId, userId), eq(chats.chatId, `user:${userId}`));
    orm.delete(chats).where(and(eq(chats.platform, platform), eq(chats.kind, 'private'), privateChat)).run();
  }
}
