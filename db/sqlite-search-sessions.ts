import { randomBytes } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { PlatformName } from '../core/model/incoming.ts';
import type { Clock, SearchSessions, SearchSessionState } from '../core/ports.ts';
import type { OpenDatabase } from './open-database.ts';
import { searchSessions } from './schema/search-sessions.ts';

/** Buttons of a search work for this long; then the member searches again. */
export const SEARCH_SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

export class SqliteSearchSessions implements SearchSessions {
  constructor(
    private readonly db: OpenDatabase,
    private readonly clock: Clock,
  ) {}

  async save(state: SearchSessionState): Promise<string> {
    // 8 random bytes: 11 characters, unguessable, far inside Telegram's 64-byte callback data.
    const token = randomBytes(8).toString('base64url');
    const now = this.clock.now();
    this.db.orm.insert(searchSessions).values({ token, ...state, createdAt: now.toISOString() }).run();
    this.db.orm
      .delete(searchSessions)
      .where(lt(searchSessions.createdAt, new Date(now.getTime() - SEARCH_SESSION_TTL_MS).toISOString()))
      .run();
    return token;
  }

  async load(token: string): Promise<SearchSessionState | undefined> {
    const row = this.db.orm.select().from(searchSessions).where(eq(searchSessions.token, token)).get();
    if (!row) return undefined;
    if (this.clock.now().getTime() - Date.parse(row.createdAt) > SEARCH_SESSION_TTL_MS) return undefined;
    return { query: row.query, platform: row.platform as PlatformName, userId: row.userId };
  }
}
