/**
 * Telegram forgets an update once a later `getUpdates` confirms it, and the
 * runner confirms a batch while it is still being handled; a webhook
 * delivery is retried when the answer is slow. So every update is written to
 * the inbound ledger before it is handled and marked finished after: a crash
 * loses nothing (unfinished updates are handled at the next start), and a
 * redelivery is handled once. Stopping waits for the updates in hand.
 */
import type { Context, MiddlewareFn } from 'grammy';
import type { Update } from 'grammy/types';
import type { InboundLedger, Logger } from '../../core/ports.ts';

export class DurableUpdates {
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    private readonly ledger: InboundLedger,
    private readonly logger: Logger,
  ) {}

  /** Records a fetched batch before the runner can confirm it to Telegram. */
  async record(updates: readonly Update[]): Promise<void> {
    await this.ledger.receive('telegram', updates.map(toEvent));
  }

  /** First middleware: skip what was handled already or is being handled, finish what ran. */
  middleware(): MiddlewareFn<Context> {
    return async (ctx, next) => {
      const event = toEvent(ctx.update);
      if (this.inFlight.has(event.id)) return;
      // Claimed before the first await: a second delivery arriving meanwhile sees it in flight.
      const run = this.run(event, next);
      this.inFlight.set(event.id, run);
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

  private async run(event: { id: string; payload: string }, next: () => Promise<void>): Promise<void> {
    try {
      const [toHandle] = await this.ledger.receive('telegram', [event]);
      if (toHandle === undefined) return;
      try {
        await next();
      } finally {
        // A handler that failed is finished too: it was logged, and replaying it would fail again.
        await this.finish(event.id);
      }
    } finally {
      this.inFlight.delete(event.id);
    }
  }

  private async finish(id: string): Promise<void> {
    try {
      await this.ledger.finish('telegram', id);
    } catch (error) {
      this.logger.error({ err: error, platform: 'telegram', eventId: id }, 'could not mark the update finished');
    }
  }
}

function toEvent(update: Update): { id: string; payload: string } {
  return { id: String(update.update_id), payload: JSON.stringify(update) };
}
