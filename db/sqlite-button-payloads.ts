import { randomBytes } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { ButtonPayloads, Clock } from '../core/ports.ts';
import type { OpenDatabase } from './open-database.ts';
import { buttonPayloads } from './schema/button-payloads.ts';

/** A button older than this answers "this button has expired; search again". */
export const BUTTON_PAYLOAD_TTL_MS = 30 * 24 * 3600 * 1000;

export class SqliteButtonPayloads implements ButtonPayloads {
  constructor(
    private readonly db: OpenDatabase,
    private readonly clock: Clock,
  ) {}

  async save(payload: { actionId: string; value: string }): Promise<string> {
    const token = randomBytes(9).toString('base64url');
    const now = this.clock.now();
    this.db.sqlite.transaction(() => {
      this.db.orm.insert(buttonPayloads).values({ token, ...payload, createdAt: now.toISOString() }).run();
      const cutoff = new Date(now.getTime() - BUTTON_PAYLOAD_TTL_MS).toISOString();
      this.db.orm.delete(buttonPayloads).where(lt(buttonPayloads.createdAt, cutoff)).run();
    })();
    return token;
  }

  async load(token: string): Promise<{ actionId: string; value: string } | undefined> {
    const row = this.db.orm.select().from(buttonPayloads).where(eq(buttonPayloads.token, token)).get();
    return row ? { actionId: row.actionId, value: row.value } : undefined;
  }
}
