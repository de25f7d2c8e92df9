import { and, eq } from 'drizzle-orm';
import type { PlatformName } from '../core/model/incoming.ts';
import type { AccountSettings, Clock } from '../core/ports.ts';
import type { OpenDatabase } from './open-database.ts';
import { accountSettings } from './schema/account-settings.ts';

export class SqliteAccountSettings implements AccountSettings {
  constructor(
    private readonly db: OpenDatabase,
    private readonly clock: Clock,
  ) {}

  async getLanguage(platform: PlatformName, userId: string): Promise<string | undefined> {
    const row = this.db.orm
      .select({ language: accountSettings.language })
      .from(accountSettings)
      .where(and(eq(accountSettings.platform, platform), eq(accountSettings.userId, userId)))
      .get();
    return row?.language;
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
