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
 * of one window; that is ~80 lines.
 */
export interface RateWindow {
  /** Which budget the send spends, e.g. `overall` or `chat:42`. */
  key: string;
  limit: number;
  windowMs: number;
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
  /** Keys the platform asked us to leave alone until the given time. */
  private readonly pausedUntil = new Map<string, number>();

  constructor(private readonly clock: LimiterClock = realLimiterClock) {}

  /** Waits until every window has room, then spends one grant in each. */
  async acquire(windows: readonly RateWindow[]): Promise<void> {
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
  tryAcquire(windows: readonly RateWindow[]): { ok: true } | { ok: false; retryAfterMs: number } {
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

  private grant(windows: readonly RateWindow[], now: number): void {
    for (const window of windows) {
      const times = this.grants.get(window.key) ?? [];
      times.push(now);
      this.grants.set(window.key, times);
    }
  }

  /** How long until every window has room (0 when it has now). */
  private waitFor(windows: readonly RateWindow[], now: number): number {
    let wait = 0;
    for (const window of windows) {
      const paused = (this.pausedUntil.get(window.key) ?? 0) - now;
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
