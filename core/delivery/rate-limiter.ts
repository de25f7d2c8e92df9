/**
 * Keeps unprompted sends inside a platform's published rates: each send names
 * the windows it counts against ("overall", "chat:42", "group:-100…"), and
 * waits until every one of them has room. Windows slide — at most `limit`
 * grants in any `windowMs` — so a burst at the end of one second and another
 * at the start of the next can never add up to more than the limit.
 *
 * Written here rather than taken from a library: the limiter must be exact
 * (the benchmark holds it to "never over, at least 95% of the limit"), run on
 * an injected clock in tests, and take a platform's `retry_after` as a pause
 * of one window; that is ~100 lines.
 */
export interface RateWindow {
  /** Which budget the send spends, e.g. `overall` or `chat:42`. */
  key: string;
  limit: number;
  windowMs: number;
}

/**
 * Sends spread evenly, one every `intervalMs`, on a fixed grid: a grant that
 * came late (a timer fires a millisecond or more after it was due, more on a
 * busy machine) takes the slot it was late for, so the next one is not
 * pushed back with it — otherwise every late timer would be lost for good,
 * and 1 ms late on a 34 ms pace is 3% of the rate. At most `toleranceMs` of
 * lateness is made up; after an idle spell the grid starts again from now.
 * (The generic cell rate algorithm, ITU-T I.371.) Pair it with a window:
 * the window holds the hard limit, the pace only the spreading.
 */
export interface RatePace {
  key: string;
  intervalMs: number;
  toleranceMs: number;
}

export type RateRule = RateWindow | RatePace;

function isPace(rule: RateRule): rule is RatePace {
  return 'intervalMs' in rule;
}

export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realLimiterClock: LimiterClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class SlidingWindowLimiter {
  /** Grant times per key, oldest first, only those still inside their window. */
  private readonly grants = new Map<string, number[]>();
  /** Per pace key, the grid slot the next grant takes. */
  private readonly nextSlot = new Map<string, number>();
  /** Keys the platform asked us to leave alone until the given time. */
  private readonly pausedUntil = new Map<string, number>();

  constructor(private readonly clock: LimiterClock = realLimiterClock) {}

  /** Waits until every window has room, then spends one grant in each. */
  async acquire(windows: readonly RateRule[]): Promise<void> {
    for (;;) {
      const wait = this.waitFor(windows, this.clock.now());
      if (wait <= 0) break;
      await this.clock.sleep(wait);
    }
    this.grant(windows, this.clock.now());
  }

  /**
   * Spends one grant in each window if every one has room now; otherwise
   * spends nothing and says how long until it would.
   */
  tryAcquire(windows: readonly RateRule[]): { ok: true } | { ok: false; retryAfterMs: number } {
    const now = this.clock.now();
    const wait = this.waitFor(windows, now);
    if (wait > 0) return { ok: false, retryAfterMs: wait };
    this.grant(windows, now);
    return { ok: true };
  }

  /** A 429 for `key`: no grant there until `ms` from now. */
  pause(key: string, ms: number): void {
    const until = this.clock.now() + ms;
    this.pausedUntil.set(key, Math.max(until, this.pausedUntil.get(key) ?? 0));
  }

  private grant(windows: readonly RateRule[], now: number): void {
    for (const window of windows) {
      if (isPace(window)) {
        const slot = Math.max(this.nextSlot.get(window.key) ?? now, now - window.toleranceMs);
        this.nextSlot.set(window.key, slot + window.intervalMs);
        continue;
      }
      const times = this.grants.get(window.key) ?? [];
      times.push(now);
      this.grants.set(window.key, times);
    }
  }

  /** How long until every window has room (0 when it has now). */
  private waitFor(windows: readonly RateRule[], now: number): number {
    let wait = 0;
    for (const window of windows) {
      const paused = (this.pausedUntil.get(window.key) ?? 0) - now;
      if (isPace(window)) {
        wait = Math.max(wait, paused, (this.nextSlot.get(window.key) ?? now) - now);
        continue;
      }
      const times = this.prune(window, now);
      // Full: room comes back when the oldest grant leaves the window.
      const full = times.length >= window.limit ? times[times.length - window.limit]! + window.windowMs - now : 0;
      wait = Math.max(wait, paused, full);
    }
    return wait;
  }

  private prune(window: RateWindow, now: number): number[] {
    const times = this.grants.get(window.key) ?? [];
    let drop = 0;
    while (drop < times.length && times[drop]! <= now - window.windowMs) drop += 1;
    if (drop > 0) times.splice(0, drop);
    if (times.length === 0) this.grants.delete(window.key);
    return times;
  }
}
