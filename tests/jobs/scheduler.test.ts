/**
 * The node-cron schedule across the week the clocks go forward, on a fake
 * clock: the weekly digest fires at 09:00 in Belgrade on both Mondays (08:00
 * and then 07:00 UTC), and the hourly rounds keep coming.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startScheduler } from '../../jobs/scheduler.ts';
import { DIGEST_SCHEDULE } from '../support/core-harness.ts';
import { recordingLogger } from '../support/recording-logger.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('the scheduler', () => {
  it('runs the digest at 09:00 Belgrade time before and after the change to summer time', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-22T12:00:00Z') });
    const digestRuns: string[] = [];
    const feedRuns: string[] = [];
    const scheduler = startScheduler({
      logger: recordingLogger().logger,
      digest: { schedule: DIGEST_SCHEDULE, run: async (now) => void digestRuns.push(now.toISOString()) },
      feeds: { run: async (now) => void feedRuns.push(now.toISOString()) },
    });
    await vi.advanceTimersByTimeAsync(9 * 24 * 60 * 60 * 1000);
    await scheduler.stop();
    const onTheMinute = digestRuns.filter((at) => !at.includes(':05:'));
    expect(onTheMinute).toEqual(['2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z']);
    // The hourly catch-up round, and the feeds every hour.
    expect(digestRuns.filter((at) => at.includes(':05:')).length).toBeGreaterThanOrEqual(9 * 24 - 1);
    expect(feedRuns.length).toBeGreaterThanOrEqual(9 * 24 - 1);
    expect(feedRuns.every((at) => at.endsWith(':00:00.000Z'))).toBe(true);
  });

  it('logs a failed round and keeps the schedule', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-22T12:00:00Z') });
    const { logger, lines } = recordingLogger();
    let runs = 0;
    const scheduler = startScheduler({ logger, feeds: { run: async () => { runs += 1; throw new Error('database locked'); } } });
    await scheduler.startUp();
    await vi.advanceTimersByTimeAsync(2 * 60 * 60 * 1000);
    await scheduler.stop();
    expect(runs).toBe(3);
    expect(lines.filter((line) => line.message === 'feeds: the scheduled run failed')).toHaveLength(3);
  });
});
