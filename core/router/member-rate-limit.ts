/**
 * How fast one member may send commands: a burst of 10 in 10 seconds, and 60
 * in 10 minutes. Past that, the member is told once, kindly, how long to wait,
 * and further messages in that wait are ignored without an answer (an answer
 * to each would be the flood). Chat events (added to a group, …) do not count,
 * nor the local console.
 *
 * Kept in memory: a restart forgets the counts, which only ever lets a member
 * through sooner. Members who never come back leave a few timestamps each.
 */
import { SlidingWindowLimiter, type RateWindow } from '../delivery/rate-limiter.ts';
import type { Incoming } from '../model/incoming.ts';
import type { Clock } from '../ports.ts';

export const MEMBER_COMMAND_WINDOWS: ReadonlyArray<Omit<RateWindow, 'key'>> = [
  { limit: 10, windowMs: 10_000 },
  { limit: 60, windowMs: 600_000 },
];

export type RateVerdict = { ok: true } | { ok: false; warn: boolean; retryAfterMs: number };

export class MemberRateLimit {
  private readonly limiter: SlidingWindowLimiter;
  /** Until when a member already knows to wait: no second warning before then. */
  private readonly warnedUntil = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly windows: ReadonlyArray<Omit<RateWindow, 'key'>> = MEMBER_COMMAND_WINDOWS,
  ) {
    // Never sleeps: only tryAcquire is used.
    this.limiter = new SlidingWindowLimiter({ now: () => clock.now().getTime(), sleep: async () => {} });
  }

  check(incoming: Incoming): RateVerdict {
    const kind = incoming.content.kind;
    if (kind !== 'command' && kind !== 'text' && kind !== 'action') return { ok: true };
    // The console is the terminal of the machine cphub runs on: whoever types there (or pipes a script
    // of commands into it) has the database already, and a dropped line would be a command lost.
    if (incoming.platform === 'console') return { ok: true };
    const member = `${incoming.platform}:${incoming.sender.id}`;
    const verdict = this.limiter.tryAcquire(this.windows.map((window, index) => ({ key: `${member}#${index}`, ...window })));
    if (verdict.ok) return verdict;
    const now = this.clock.now().getTime();
    const warn = (this.warnedUntil.get(member) ?? 0) <= now;
    if (warn) this.warnedUntil.set(member, now + verdict.retryAfterMs);
    return { ok: false, warn, retryAfterMs: verdict.retryAfterMs };
  }
}
