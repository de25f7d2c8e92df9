import { and, eq } from 'drizzle-orm';
import type { PlatformName } from '../core/model/incoming.ts';
import type { Clock, PendingInputs } from '../core/ports.ts';
import type { OpenDatabase } from './open-database.ts';
import { pendingInputs } from './schema/pending-inputs.ts';

type Account = { platform: PlatformName; userId: string };

export class SqlitePendingInputs implements PendingInputs {
  constructor(
    private readonly db: OpenDatabase,
    private readonly clock: Clock,
  ) {}

  async get(account: Account): Promise<{ step: string; since: Date } | undefined> {
    const row = this.db.orm.select().from(pendingInputs).where(this.of(account)).get();
    return row ? { step: row.step, since: new Date(row.createdAt) } : undefined;
  }

  async set(account: Account, step: string): Promise<void> {
    const createdAt = this.clock.now().toISOString();
    this.db.orm
      .insert(pendingInputs)
      .values({ ...account, step, createdAt })
      .onConflictDoUpdate({ target: [pendingInputs.platform, pendingInputs.userId], set: { step, createdAt } })
      .run();
  }

  async clear(account: Account): Promise<void> {
    this.db.orm.delete(pendingInputs).where(this.of(account)).run();
  }

  private of(account: Account) {
    return and(eq(pendingInputs.platform, account.platform), eq(pendingInputs.userId, account.userId));
  }
}
