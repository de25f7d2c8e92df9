import { and, eq, sql } from 'drizzle-orm';
import type { PlatformName } from '../core/model/incoming.ts';
import type { Clock, PendingInputs } from '../core/ports.ts';
import type { OpenDatabase } from './open-database.ts';
import { pendingInputs } from './schema/pending-inputs.ts';

type Account = { platform: PlatformName; userId: string };

export class SqlitePendingInputs implements PendingInputs {
  // Read and cleared around every command: prepared once.
  private readonly byAccount;
  private readonly clearAccount;

  constructor(
    private readonly db: OpenDatabase,
    private readonly clock: Clock,
  ) {
    const account = and(eq(pendingInputs.platform, sql.placeholder('platform')), eq(pendingInputs.userId, sql.placeholder('userId')));
    this.byAccount = db.orm.select().from(pendingInputs).where(account).prepare();
    this.clearAccount = db.orm.delete(pendingInputs).where(account).prepare();
  }

  async get(account: Account): Promise<{ step: string; since: Date } | undefined> {
    const row = this.byAccount.get({ platform: account.platform, userId: account.userId });
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
    this.clearAccount.run({ platform: account.platform, userId: account.userId });
  }
}
