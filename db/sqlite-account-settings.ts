import { and, eq, sql } from 'drizzle-orm';
import type { PlatformName } from '../core/model/incoming.ts';
import type { AccountSettings, Clock } from '../core/ports.ts';
import type { OpenDatabase } from './open-database.ts';
import { accountSettings } from './schema/account-settings.ts';

export class SqliteAccountSettings implements AccountSettings {
  /** Read on every command: prepared once. */
  private readonly languageOf;

  constructor(
    private readonly db: OpenDatabase,
    private readonly clock: Clock,
  ) {
    this.languageOf = db.orm
      .select({ language: accountSettings.language })
      .from(accountSettings)
      .where(and(eq(accountSettings.platform, sql.placeholder('platform')), eq(accountSettings.userId, sql.placeholder('userId'))))
      .prepare();
  }

  async getLanguage(platform: PlatformName, userId: string): Promise<string | undefined> {
    return this.languageOf.get({ platform, userId })?.language;
  }

  async setLanguage(platform: PlatformName, userId: string, language: string): Promise<void> {
    const updatedAt = this.clock.now().toISOString();
    this.db.orm
      .insert(accountSettings)
      .values({ platform, userId, language, updatedAt })
      .onConflictDoUpdate({ target: [accountSettings.platform, accountSettings.userId], set: { language, updatedAt } })
      .run();
  }
}
