import { randomBytes } from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import type { PlatformName } from '../core/model/incoming.ts';
import type { Clock, SearchSessions, SearchSessionState } from '../core/ports.ts';
import type { OpenDatabase } from './open-database.ts';
import { searchSessions } from './schema/search-sessions.ts';

/** Buttons of a search work for this long; then the member searches again. */
export const SEARCH_SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

/** Expired sessions are pruned once in this many saves: one indexed delete, not one per search. */
const PRUNE_EVERY = 100;

export class SqliteSearchSessions implements SearchSessions {
  private savesSincePrune = PRUNE_EVERY - 1;
  // One save per /search: prepared once.
  private readonly insert;
  private readonly prune;

  constructor(
    private readonly db: OpenDatabase,
    private readonly clock: Clock,
  ) {
    this.insert = db.orm
      .insert(searchSessions)
      .values({
        token: sql.placeholder('token'),
        query: sql.placeholder('query'),
        platform: sql.placeholder('platform'),
        userId: sql.placeholder('userId'),
        createdAt: sql.placeholder('createdAt'),
      })
      .prepare();
    this.prune = db.orm.delete(searchSessions).where(lt(searchSessions.createdAt, sql.placeholder('cutoff'))).prepare();
  }

  async save(state: SearchSessionState): Promise<string> {
    // 8 random bytes: 11 characters, unguessable, far inside Telegram's 64-byte callback data.
    const token = randomBytes(8).toString('base64url');
    const now = this.clock.now();
    this.insert.run({ token, query: state.query, platform: state.platform, userId: state.userId, createdAt: now.toISOString() });
    this.savesSincePrune += 1;
    if (this.savesSincePrune >= PRUNE_EVERY) {
      this.savesSincePrune = 0;
      this.prune.run({ cutoff: new Date(now.getTime() - SEARCH_SESSION_TTL_MS).toISOString() });
    }
    return token;
  }

  async load(token: string): Promise<SearchSessionState | undefined> {
    const row = this.db.orm.select().from(searchSessions).where(eq(searchSessions.token, token)).get();
    if (!row) return undefined;
    if (this.clock.now().getTime() - Date.parse(row.createdAt) > SEARCH_SESSION_TTL_MS) return undefined;
    return { query: row.query, platform: row.platform as PlatformName, userId: row.userId };
  }
}
