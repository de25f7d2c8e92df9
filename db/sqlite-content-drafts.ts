import { and, eq } from 'drizzle-orm';
import type { PostDraft, PostDrafts } from '../core/content/content-ports.ts';
import type { Clock } from '../core/ports.ts';
import type { OpenDatabase } from './open-database.ts';
import { contentDrafts } from './schema/content-drafts.ts';

type Account = { platform: string; userId: string };

export class SqliteContentDrafts implements PostDrafts {
  constructor(
    private readonly db: OpenDatabase,
    private readonly clock: Clock,
  ) {}

  async get(account: Account): Promise<PostDraft | undefined> {
    const row = this.db.orm.select().from(contentDrafts).where(this.of(account)).get();
    return row ? (JSON.parse(row.draft) as PostDraft) : undefined;
  }

  async save(account: Account, draft: PostDraft): Promise<void> {
    const values = { ...account, draft: JSON.stringify(draft), updatedAt: this.clock.now().toISOString() };
    this.db.orm.insert(contentDrafts).values(values).onConflictDoUpdate({ target: [contentDrafts.platform, contentDrafts.userId], set: values }).run();
  }

  async clear(account: Account): Promise<void> {
    this.db.orm.delete(contentDrafts).where(this.of(account)).run();
  }

  private of(account: Account) {
    return and(eq(contentDrafts.platform, account.platform), eq(contentDrafts.userId, account.userId));
  }
}
