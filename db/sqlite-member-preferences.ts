import { eq } from 'drizzle-orm';
import type { MemberPreferences } from '../core/members/member-preferences.ts';
import type { Clock } from '../core/ports.ts';
import type { OpenDatabase } from './open-database.ts';
import { memberPreferences } from './schema/member-preferences.ts';

export class SqliteMemberPreferences implements MemberPreferences {
  constructor(
    private readonly db: OpenDatabase,
    private readonly clock: Clock,
  ) {}

  async timeZone(memberId: string): Promise<string | undefined> {
    return this.db.orm.select().from(memberPreferences).where(eq(memberPreferences.memberId, memberId)).get()?.timeZone ?? undefined;
  }

  async setTimeZone(memberId: string, zone: string | undefined): Promise<void> {
    const values = { memberId, timeZone: zone ?? null, updatedAt: this.clock.now().toISOString() };
    this.db.orm.insert(memberPreferences).values(values).onConflictDoUpdate({ target: memberPreferences.memberId, set: values }).run();
  }
}
