import { randomInt } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { ROLES } from '../core/members/moderation-rules.ts';
import type { PlatformName } from '../core/model/incoming.ts';
import type { AccountLinks, Clock, LinkResult } from '../core/ports.ts';
import type { OpenDatabase } from './open-database.ts';
import { accountSettings } from './schema/account-settings.ts';
import { auditLog } from './schema/audit-log.ts';
import { expertProfiles } from './schema/expert-profiles.ts';
import { linkCodes } from './schema/link-codes.ts';
import { memberAccounts, members } from './schema/members.ts';

type Account = { platform: PlatformName; userId: string };

/** Letters and digits that cannot be mistaken for each other on a phone (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;


export class SqliteAccountLinks implements AccountLinks {
  constructor(
    private readonly db: OpenDatabase,
    private readonly clock: Clock,
  ) {}

  async issue(memberId: string, issuedTo: Account, validMs: number): Promise<string> {
    const code = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    const expiresAt = new Date(this.clock.now().getTime() + validMs).toISOString();
    this.db.orm.insert(linkCodes).values({ code, memberId, issuedTo: key(issuedTo), expiresAt }).run();
    return `${code.slice(0, 4)}-${code.slice(4)}`;
  }

  async redeem(typed: string, account: Account): Promise<LinkResult> {
    const code = typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
    const now = this.clock.now().toISOString();
    return this.db.sqlite.transaction((): LinkResult => {
      const row = this.db.orm.select().from(linkCodes).where(and(eq(linkCodes.code, code), isNull(linkCodes.usedAt))).get();
      if (!row || row.expiresAt <= now) return 'invalid';
      if (row.issuedTo === key(account) || this.memberOf(account) === row.memberId) return 'same-account';
      this.db.orm.update(linkCodes).set({ usedAt: now }).where(eq(linkCodes.code, code)).run();
      this.attach(account, row.memberId, now);
      this.db.orm.insert(auditLog).values({ at: now, action: 'account.linked', subject: row.memberId, details: JSON.stringify({ platform: account.platform }) }).run();
      return 'linked';
    })();
  }

  async unlink(account: Account): Promise<boolean> {
    return this.db.sqlite.transaction(() => {
      const memberId = this.memberOf(account);
      if (!memberId) return false;
      const accounts = this.db.orm.select().from(memberAccounts).where(eq(memberAccounts.memberId, memberId)).all();
      if (accounts.length < 2) return false;
      this.db.orm.delete(memberAccounts).where(and(eq(memberAccounts.platform, account.platform), eq(memberAccounts.userId, account.userId))).run();
      const at = this.clock.now().toISOString();
      this.db.orm.insert(auditLog).values({ at, action: 'account.unlinked', subject: memberId, details: JSON.stringify({ platform: account.platform }) }).run();
      return true;
    })();
  }

  /** The account joins `memberId`; if it was another member, that member's accounts come along and it is merged away. */
  private attach(account: Account, memberId: string, now: string): void {
    // The account now follows the member's language rather than a choice of its own.
    this.db.orm.delete(accountSettings).where(and(eq(accountSettings.platform, account.platform), eq(accountSettings.userId, account.userId))).run();
    const previous = this.memberOf(account);
    if (previous) {
      this.keepWhatTheMergedMemberHad(previous, memberId, now);
      this.db.orm.update(memberAccounts).set({ memberId }).where(eq(memberAccounts.memberId, previous)).run();
      this.db.orm.delete(members).where(eq(members.id, previous)).run();
      return;
    }
    this.db.orm.insert(memberAccounts).values({ platform: account.platform, userId: account.userId, memberId, linkedAt: now }).run();
  }

  /**
   * One person, two members becoming one: the person keeps the higher of
   * their two roles (an expert who links a fresh account stays an expert;
   * audited as decided by `link`) and their expert profile, when the member
   * they join has none.
   */
  private keepWhatTheMergedMemberHad(previous: string, memberId: string, now: string): void {
    const { orm } = this.db;
    const roleOf = (id: string) => orm.select({ role: members.role }).from(members).where(eq(members.id, id)).get()?.role ?? 'member';
    const [from, had] = [roleOf(memberId), roleOf(previous)];
    if (ROLES.indexOf(had) > ROLES.indexOf(from)) {
      orm.update(members).set({ role: had, updatedAt: now }).where(eq(members.id, memberId)).run();
      orm.insert(auditLog).values({ at: now, action: 'role.changed', subject: memberId, details: JSON.stringify({ from, to: had, by: 'link' }) }).run();
    }
    const hasProfile = orm.select({ id: expertProfiles.memberId }).from(expertProfiles).where(eq(expertProfiles.memberId, memberId)).get();
    if (!hasProfile) orm.update(expertProfiles).set({ memberId }).where(eq(expertProfiles.memberId, previous)).run();
  }

  private memberOf(account: Account): string | undefined {
    return this.db.orm
      .select({ memberId: memberAccounts.memberId })
      .from(memberAccounts)
      .where(and(eq(memberAccounts.platform, account.platform), eq(memberAccounts.userId, account.userId)))
      .get()?.memberId;
  }
}

function key(account: Account): string {
  return `${account.platform}:${account.userId}`;
}
