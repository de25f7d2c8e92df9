import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { PlatformName } from '../core/model/incoming.ts';
import type { Clock, Member, Members, ProfileChange, RoleChange } from '../core/ports.ts';
import { parseJsonList } from './json-list.ts';
import type { OpenDatabase } from './open-database.ts';
import { auditLog } from './schema/audit-log.ts';
import { memberAccounts, members } from './schema/members.ts';

export class SqliteMembers implements Members {
  private readonly admins: Set<string>;

  /** `admins`: accounts (`platform:userId`) that are administrators from the moment they join. */
  private readonly byAccount: ReturnType<typeof prepareByAccount>;

  constructor(
    private readonly db: OpenDatabase,
    private readonly clock: Clock,
    admins: ReadonlyArray<{ platform: string; userId: string }> = [],
    private readonly membership: 'open' | 'approved' = 'open',
  ) {
    this.byAccount = prepareByAccount(db);
    this.admins = new Set(admins.map((account) => `${account.platform}:${account.userId}`));
  }

  async pending(limit: number): Promise<Array<Member & { displayName?: string }>> {
    return this.db.orm
      .select()
      .from(members)
      .where(eq(members.status, 'pending'))
      .orderBy(members.createdAt)
      .limit(limit)
      .all()
      .map((row) => ({ ...toMember(row), ...(row.displayName ? { displayName: row.displayName } : {}) }));
  }

  async decide(memberId: string, approve: boolean, by: string): Promise<boolean> {
    const at = this.clock.now().toISOString();
    return this.db.sqlite.transaction(() => {
      const row = this.db.orm.select({ status: members.status }).from(members).where(eq(members.id, memberId)).get();
      if (row?.status !== 'pending') return false;
      if (approve) this.db.orm.update(members).set({ status: 'active', updatedAt: at }).where(eq(members.id, memberId)).run();
      // Declined: the person's consent and accounts go (cascade); the log keeps the decision, not who it was about.
      else this.db.orm.delete(members).where(eq(members.id, memberId)).run();
      const action = approve ? 'member.approved' : 'member.declined';
      this.db.orm.insert(auditLog).values({ at, action, subject: approve ? memberId : null, details: JSON.stringify({ by }) }).run();
      return true;
    })();
  }

  async accountsOf(memberId: string): Promise<Array<{ platform: PlatformName; userId: string; linkedAt: Date }>> {
    return this.db.orm
      .select()
      .from(memberAccounts)
      .where(eq(memberAccounts.memberId, memberId))
      // Linked in the same millisecond: the order they were written in.
      .orderBy(memberAccounts.linkedAt, sql`rowid`)
      .all()
      .map((row) => ({ platform: row.platform as PlatformName, userId: row.userId, linkedAt: new Date(row.linkedAt) }));
  }

  async setLanguage(memberId: string, language: string): Promise<void> {
    this.db.orm.update(members).set({ language, updatedAt: this.clock.now().toISOString() }).where(eq(members.id, memberId)).run();
  }

  async updateProfile(memberId: string, change: ProfileChange): Promise<void> {
    const { topics, ...fields } = change;
    const set = {
      ...fields,
      ...(topics ? { topics: JSON.stringify(topics) } : {}),
      updatedAt: this.clock.now().toISOString(),
    };
    this.db.orm.update(members).set(set).where(eq(members.id, memberId)).run();
  }

  async setRole(memberId: string, role: Member['role'], by: string): Promise<RoleChange> {
    const at = this.clock.now().toISOString();
    return this.db.sqlite.transaction((): RoleChange => {
      const current = this.db.orm.select({ role: members.role }).from(members).where(eq(members.id, memberId)).get();
      if (!current) return 'not-found';
      if (current.role === role) return 'unchanged';
      // Counted inside the transaction, so two admins demoting each other at once cannot both succeed.
      if (current.role === 'admin' && this.countAdmins() <= 1) return 'last-admin';
      this.db.orm.update(members).set({ role, updatedAt: at }).where(eq(members.id, memberId)).run();
      const details = JSON.stringify({ from: current.role, to: role, by });
      this.db.orm.insert(auditLog).values({ at, action: 'role.changed', subject: memberId, details }).run();
      return 'changed';
    })();
  }

  async setStatus(memberId: string, status: 'active' | 'suspended', by: string): Promise<'changed' | 'unchanged' | 'not-found'> {
    const at = this.clock.now().toISOString();
    return this.db.sqlite.transaction(() => {
      const current = this.db.orm.select({ status: members.status }).from(members).where(eq(members.id, memberId)).get();
      if (!current) return 'not-found' as const;
      // A pending member is approved or declined in /pending, never activated from here.
      if (current.status === status || current.status === 'pending') return 'unchanged' as const;
      this.db.orm.update(members).set({ status, updatedAt: at }).where(eq(members.id, memberId)).run();
      const action = status === 'suspended' ? 'member.suspended' : 'member.unsuspended';
      this.db.orm.insert(auditLog).values({ at, action, subject: memberId, details: JSON.stringify({ by }) }).run();
      return 'changed' as const;
    })();
  }

  async findById(memberId: string): Promise<Member | undefined> {
    const row = this.db.orm.select().from(members).where(eq(members.id, memberId)).get();
    return row ? toMember(row) : undefined;
  }

  async findByIdPrefix(prefix: string, limit: number): Promise<Member[]> {
    // substr, not LIKE: ids contain `_`, which LIKE reads as a wildcard.
    const rows = this.db.orm.select().from(members).where(sql`substr(${members.id}, 1, ${prefix.length}) = ${prefix}`).limit(limit).all();
    return rows.map(toMember);
  }

  private countAdmins(): number {
    return this.db.orm.select({ count: sql<number>`count(*)` }).from(members).where(eq(members.role, 'admin')).get()?.count ?? 0;
  }

  async findByAccount(platform: PlatformName, userId: string): Promise<Member | undefined> {
    const row = this.byAccount.get({ platform, userId });
    return row ? toMember(row.member) : undefined;
  }

  async join(
    account: { platform: PlatformName; userId: string; displayName?: string; language: string },
    consentVersion: string,
  ): Promise<Member> {
    const now = this.clock.now().toISOString();
    return this.db.sqlite.transaction(() => {
      const existing = this.db.orm
        .select({ memberId: memberAccounts.memberId })
        .from(memberAccounts)
        .where(and(eq(memberAccounts.platform, account.platform), eq(memberAccounts.userId, account.userId)))
        .get();
      const consent = { consentVersion, consentedAt: now, updatedAt: now };
      if (existing) {
        this.db.orm.update(members).set(consent).where(eq(members.id, existing.memberId)).run();
        return toMember(this.db.orm.select().from(members).where(eq(members.id, existing.memberId)).get()!);
      }
      const admin = this.admins.has(`${account.platform}:${account.userId}`);
      // 12 random bytes: an id that says nothing about the person.
      const id = randomBytes(12).toString('base64url');
      const row = {
        id,
        displayName: account.displayName ?? null,
        language: account.language,
        role: admin ? ('admin' as const) : ('member' as const),
        // Configured administrators need no one's approval.
        status: this.membership === 'approved' && !admin ? ('pending' as const) : ('active' as const),
        ...consent,
        createdAt: now,
      };
      this.db.orm.insert(members).values(row).run();
      const inserted = this.db.orm.select().from(members).where(eq(members.id, id)).get()!;
      this.db.orm.insert(memberAccounts).values({ platform: account.platform, userId: account.userId, memberId: id, linkedAt: now }).run();
      if (row.role === 'admin') {
        this.db.orm.insert(auditLog).values({ at: now, action: 'role.changed', subject: id, details: JSON.stringify({ from: 'member', to: 'admin', by: 'config' }) }).run();
      }
      return toMember(inserted);
    })();
  }
}

function toMember(row: typeof members.$inferSelect): Member {
  return {
    id: row.id,
    role: row.role,
    status: row.status,
    ...(row.language ? { language: row.language } : {}),
    consentVersion: row.consentVersion,
    consentedAt: new Date(row.consentedAt),
    profile: {
      ...(row.displayName ? { displayName: row.displayName } : {}),
      ...(row.country ? { country: row.country } : {}),
      ...(row.profession ? { profession: row.profession } : {}),
      ...(row.organisation ? { organisation: row.organisation } : {}),
      topics: parseJsonList(row.topics),
    },
  };
}

/**
 * Every command looks its member up: the query is built and prepared once
 * (drizzle building it anew per call was most of the lookup's cost).
 */
function prepareByAccount(db: OpenDatabase) {
  return db.orm
    .select({ member: members })
    .from(memberAccounts)
    .innerJoin(members, eq(members.id, memberAccounts.memberId))
    .where(and(eq(memberAccounts.platform, sql.placeholder('platform')), eq(memberAccounts.userId, sql.placeholder('userId'))))
    .prepare();
}
