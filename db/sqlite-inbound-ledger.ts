import { and, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { PlatformName } from '../core/model/incoming.ts';
import type { Clock, InboundLedger } from '../core/ports.ts';
import type { OpenDatabase } from './open-database.ts';
import { inboundEvents } from './schema/inbound-events.ts';

/** Finished events are kept this long to recognise a platform's late redelivery. */
export const FINISHED_EVENT_TTL_MS = 3 * 24 * 3600 * 1000;

export class SqliteInboundLedger implements InboundLedger {
  private finishedSincePrune = 0;
  // Once per event: prepared once (building each query per call cost more than the write).
  private readonly wasFinished;
  private readonly record;
  private readonly markFinished;

  constructor(
    private readonly db: OpenDatabase,
    private readonly clock: Clock,
  ) {
    const event = and(eq(inboundEvents.platform, sql.placeholder('platform')), eq(inboundEvents.eventId, sql.placeholder('id')));
    this.wasFinished = db.orm.select({ id: inboundEvents.eventId }).from(inboundEvents).where(and(event, isNotNull(inboundEvents.finishedAt))).prepare();
    this.record = db.orm
      .insert(inboundEvents)
      .values({
        platform: sql.placeholder('platform'),
        eventId: sql.placeholder('id'),
        payload: sql.placeholder('payload'),
        receivedAt: sql.placeholder('receivedAt'),
      })
      .onConflictDoNothing()
      .prepare();
    this.markFinished = db.orm
      .update(inboundEvents)
      .set({ finishedAt: sql`${sql.placeholder('finishedAt')}`, payload: '' })
      .where(event)
      .prepare();
  }

  async receive(platform: PlatformName, events: { id: string; payload: string }[]): Promise<string[]> {
    if (events.length === 0) return [];
    const receivedAt = this.clock.now().toISOString();
    // One prepared statement a row, not one query built for the batch:
    // building a 100-row insert cost more than writing it.
    return this.db.sqlite.transaction(() =>
      events
        .filter((event) => this.wasFinished.get({ platform, id: event.id }) === undefined)
        .map((event) => {
          this.record.run({ platform, id: event.id, payload: event.payload, receivedAt });
          return event.id;
        }),
    )();
  }

  async finish(platform: PlatformName, ...ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const now = this.clock.now();
    const finishedAt = now.toISOString();
    // One transaction for the lot: a commit per event cost more than its update.
    this.db.sqlite.transaction(() => {
      for (const id of ids) this.markFinished.run({ finishedAt, platform, id });
    })();
    // Prune now and then, not on every event: one indexed delete per thousand.
    this.finishedSincePrune += ids.length;
    if (this.finishedSincePrune >= 1000) {
      this.finishedSincePrune = 0;
      const cutoff = new Date(now.getTime() - FINISHED_EVENT_TTL_MS).toISOString();
      this.db.orm.delete(inboundEvents).where(lt(inboundEvents.finishedAt, cutoff)).run();
    }
  }

  async unfinished(platform: PlatformName): Promise<{ id: string; payload: string }[]> {
    return this.db.orm
      .select({ id: inboundEvents.eventId, payload: inboundEvents.payload })
      .from(inboundEvents)
      .where(and(eq(inboundEvents.platform, platform), isNull(inboundEvents.finishedAt)))
      // rowid is arrival order, also within one batch received in the same millisecond.
      .orderBy(sql`rowid`)
      .all();
  }
}
