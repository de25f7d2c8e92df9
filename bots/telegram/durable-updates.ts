/**
 * Telegram forgets an update once a later `getUpdates` confirms it, and the
 * runner confirms a batch while it is still being handled; a webhook
 * delivery is retried when the answer is slow. So every update is written to
 * the inbound ledger before it is handled and marked finished after: a crash
 * loses nothing (unfinished updates are handled at the next start), and a
 * redelivery is handled once. Stopping waits for the updates in hand.
 *
 * Both writes are made per batch, not per update: a fetched batch is
 * recorded in one transaction before the runner can confirm it (and is then
 * not recorded again update by update), and the updates that finish in one
 * turn of the event loop are marked in one transaction at the end of that
 * turn. An update counts as in flight until its mark is written, so a
 * redelivery meanwhile is still skipped; a crash before the mark is written
 * means the update is handled again at the next start, as a crash between
 * the answer and a per-update mark did.
 */
import type { Context, MiddlewareFn } from 'grammy';
import type { Update } from 'grammy/types';
import type { InboundLedger, Logger } from '../../core/ports.ts';

export class DurableUpdates {
  private readonly inFlight = new Map<string, Promise<void>>();
  /** Recorded by `record` and still to handle: the middleware need not record them again. */
  private readonly recorded = new Set<string>();
  private finishing: { ids: string[]; written: Promise<void> } | undefined;

  constructor(
    private readonly ledger: InboundLedger,
    private readonly logger: Logger,
  ) {}

  /** Records a fetched batch before the runner can confirm it to Telegram. */
  async record(updates: readonly Update[]): Promise<void> {
    const toHandle = await this.ledger.receive('telegram', updates.map(toEvent));
    // One in flight (delivered again before its mark is written) goes through the ledger when its turn comes.
    for (const id of toHandle) if (!this.inFlight.has(id)) this.recorded.add(id);
  }

  /** First middleware: skip what was handled already or is being handled, finish what ran. */
  middleware(): MiddlewareFn<Context> {
    return async (ctx, next) => {
      const id = String(ctx.update.update_id);
      if (this.inFlight.has(id)) return;
      // Claimed before the first await: a second delivery arriving meanwhile sees it in flight.
      const run = this.run(id, ctx.update, next);
      this.inFlight.set(id, run);
      await run;
    };
  }

  /** Updates received but never finished (the process stopped half-way), oldest first. */
  async unfinished(): Promise<Update[]> {
    return (await this.ledger.unfinished('telegram')).map((event) => JSON.parse(event.payload) as Update);
  }

  /** Resolves when every update being handled now is finished. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()]);
  }

  private async run(id: string, update: Update, next: () => Promise<void>): Promise<void> {
    try {
      // A webhook delivery, a replayed update or one fetched again is recorded (or found finished) here.
      const toHandle = this.recorded.delete(id) || (await this.ledger.receive('telegram', [toEvent(update)])).length > 0;
      if (!toHandle) return;
      try {
        await next();
      } finally {
        // A handler that failed is finished too: it was logged, and replaying it would fail again.
        await this.finish(id);
      }
    } finally {
      this.inFlight.delete(id);
    }
  }

  /** Resolves once the mark is written, with the others that finished in the same turn. */
  private finish(id: string): Promise<void> {
    if (this.finishing) {
      this.finishing.ids.push(id);
      return this.finishing.written;
    }
    const ids = [id];
    const written = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.write(ids));
    this.finishing = { ids, written };
    return written;
  }

  private async write(ids: string[]): Promise<void> {
    this.finishing = undefined;
    try {
      await this.ledger.finish('telegram', ...ids);
    } catch (error) {
      this.logger.error({ err: error, platform: 'telegram', eventIds: ids }, 'could not mark the updates finished');
    }
  }
}

function toEvent(update: Update): { id: string; payload: string } {
  return { id: String(update.update_id), payload: JSON.stringify(update) };
}
