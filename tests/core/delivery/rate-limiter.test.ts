import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter, type LimiterClock, type RatePace, type RateWindow } from '../../../core/delivery/rate-limiter.ts';

/**
 * A clock that only moves when every waiting sender is asleep: it then jumps
 * to the earliest wake-up. The test runs in no real time and in the order a
 * real clock would give.
 */
function virtualClock(lateMs = 0): LimiterClock {
  let now = 0;
  let timers: { at: number; wake: () => void }[] = [];
  let driving = false;
  const drive = async (): Promise<void> => {
    if (driving) return;
    driving = true;
    // Let every sender that can run reach its next sleep before time moves.
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (timers.length === 0) break;
      timers.sort((a, b) => a.at - b.at);
      const next = timers.shift()!;
      now = Math.max(now, next.at);
      next.wake();
    }
    driving = false;
  };
  return {
    now: () => now,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        timers.push({ at: now + ms + lateMs, wake: resolve });
        void drive();
      }),
  };
}

const overall: RateWindow = { key: 'overall', limit: 30, windowMs: 1000 };
const chat = (id: number): RateWindow => ({ key: `chat:${id}`, limit: 1, windowMs: 1000 });

/** The most grants that fall inside any window of `windowMs`. */
function busiestWindow(times: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0; i < times.length; i += 1) {
    const inside = times.filter((t) => t >= times[i]! && t < times[i]! + windowMs).length;
    best = Math.max(best, inside);
  }
  return best;
}

describe('SlidingWindowLimiter', () => {
  it('lets 30 sends through at once, then holds the 31st until the first leaves the window', async () => {
    const clock = virtualClock();
    const limiter = new SlidingWindowLimiter(clock);
    const times: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      await limiter.acquire([overall, chat(i)]);
      times.push(clock.now());
    }
    expect(times.slice(0, 30).every((t) => t === 0)).toBe(true);
    expect(times[30]).toBe(1000);
  });

  it('never exceeds a limit in any sliding window over a long run, and wastes none of it', async () => {
    const clock = virtualClock();
    const limiter = new SlidingWindowLimiter(clock);
    const times: number[] = [];
    for (let i = 0; i < 600; i += 1) {
      await limiter.acquire([overall, chat(i % 100)]);
      times.push(clock.now());
    }
    expect(busiestWindow(times, 1000)).toBe(30);
    // 600 sends at 30 a second take 19 seconds after the first burst: the full rate.
    expect(times.at(-1)).toBe(19_000);
  });

  it('spaces sends to one chat a second apart without slowing other chats', async () => {
    const clock = virtualClock();
    const limiter = new SlidingWindowLimiter(clock);
    const order: string[] = [];
    await Promise.all([
      limiter.acquire([overall, chat(1)]).then(() => order.push(`a@${clock.now()}`)),
      limiter.acquire([overall, chat(1)]).then(() => order.push(`b@${clock.now()}`)),
      limiter.acquire([overall, chat(2)]).then(() => order.push(`c@${clock.now()}`)),
    ]);
    expect(order).toEqual(['a@0', 'c@0', 'b@1000']);
  });

  it('keeps to 20 a minute in one group', async () => {
    const clock = virtualClock();
    const limiter = new SlidingWindowLimiter(clock);
    const group: RateWindow = { key: 'group:-100', limit: 20, windowMs: 60_000 };
    const times: number[] = [];
    for (let i = 0; i < 41; i += 1) {
      await limiter.acquire([overall, { key: 'chat:-100', limit: 1, windowMs: 1000 }, group]);
      times.push(clock.now());
    }
    expect(busiestWindow(times, 60_000)).toBe(20);
    expect(times[20]).toBe(60_000);
    expect(times[40]).toBe(120_000);
  });

  it('a pause (retry_after) holds that key only', async () => {
    const clock = virtualClock();
    const limiter = new SlidingWindowLimiter(clock);
    limiter.pause('chat:1', 5000);
    await limiter.acquire([overall, chat(2)]);
    expect(clock.now()).toBe(0);
    await limiter.acquire([overall, chat(1)]);
    expect(clock.now()).toBe(5000);
  });

  describe('a pace (sends spread evenly on a grid)', () => {
    const pace: RatePace = { key: 'overall:pace', intervalMs: 34, toleranceMs: 34 };

    it('keeps its beat when every timer fires late: the lateness is not carried into the next send', async () => {
      // Timers 1.5 ms late, as on a busy machine: spacing each send from the last one would lose 4% of the rate.
      const clock = virtualClock(1.5);
      const limiter = new SlidingWindowLimiter(clock);
      const times: number[] = [];
      for (let i = 0; i < 300; i += 1) {
        await limiter.acquire([pace]);
        times.push(clock.now());
      }
      expect(times.at(-1)).toBeLessThanOrEqual(299 * 34 + 1.5);
      expect(times.at(-1)).toBeGreaterThanOrEqual(299 * 34);
    });

    it('with a window beside it, late timers never take the window over its limit and waste little of it', async () => {
      const clock = virtualClock(1.5);
      const limiter = new SlidingWindowLimiter(clock);
      const times: number[] = [];
      for (let i = 0; i < 600; i += 1) {
        await limiter.acquire([overall, pace, chat(i % 100)]);
        times.push(clock.now());
      }
      expect(busiestWindow(times, 1000)).toBeLessThanOrEqual(30);
      // 599 intervals at the window's 30 a second would be 19,967 ms; the pace (29.4 a second) holds it to about 20,400.
      expect(times.at(-1)).toBeLessThan(20_500);
    });

    it('makes up one slot at most: after an idle spell the next sends are spaced again', async () => {
      const clock = virtualClock();
      const limiter = new SlidingWindowLimiter(clock);
      await limiter.acquire([pace]);
      await clock.sleep(1000);
      const times: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        await limiter.acquire([pace]);
        times.push(clock.now());
      }
      // The first slot after the pause is taken at once, the next one a slot's tolerance early; then the beat.
      expect(times).toEqual([1000, 1000, 1034, 1068]);
    });
  });
});
