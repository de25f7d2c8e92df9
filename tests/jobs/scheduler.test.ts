/**
 * The scheduler (node-cron): jobs run on demand, never two runs of one job
 * (or of one lock) at once, a failure logged; and, on a fake clock across
 * the week the clocks go forward, the weekly digest fires at 09:00 in
 * Belgrade on both Mondays (08:00 and then 07:00 UTC) while the hourly
 * rounds keep coming.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cronExpression } from '../../core/digest/digest-period.ts';
import { startScheduler } from '../../jobs/scheduler.ts';
import { DIGEST_SCHEDULE } from '../support/core-harness.ts';
import { recordingLogger } from '../support/recording-logger.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('startScheduler', () => {
  it('runs a job now, once while it is still running, and logs a failed run', async () => {
    const { logger, lines } = recordingLogger();
    let runs = 0;
    let release: () => void = () => {};
    const scheduler = startScheduler(
      [
        { name: 'slow', schedule: '0 0 1 1 *', run: () => { runs += 1; return new Promise<void>((done) => (release = done)); } },
        { name: 'slow-too', schedule: '0 0 1 1 *', lock: 'slow', run: async () => { runs += 1; } },
        { name: 'broken', schedule: '0 0 1 1 *', run: async () => { throw new Error('no network'); } },
      ],
      logger,
    );
    const first = scheduler.runNow('slow');
    const second = scheduler.runNow('slow');
    const sameLock = scheduler.runNow('slow-too');
    release();
    await Promise.all([first, second, sameLock]);
    expect(runs).toBe(1);
    await scheduler.runNow('broken');
    expect(lines).toEqual([{ level: 'error', message: 'broken: the run failed; it runs again at the next tick', details: { job: 'broken', err: 'no network' } }]);
    await scheduler.stop();
  });

  it('runs the digest at 09:00 Belgrade time before and after the change to summer time', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-22T12:00:00Z') });
    const digestRuns: string[] = [];
    const feedRuns: string[] = [];
    const digest = async (now: Date) => void digestRuns.push(now.toISOString());
    const scheduler = startScheduler(
      [
        { name: 'digest', schedule: cronExpression(DIGEST_SCHEDULE), timeZone: DIGEST_SCHEDULE.timeZone, run: digest },
        { name: 'digest-catch-up', schedule: '5 * * * *', lock: 'digest', run: digest },
        { name: 'feeds', schedule: '0 * * * *', run: async (now) => void feedRuns.push(now.toISOString()) },
      ],
      recordingLogger().logger,
    );
    await vi.advanceTimersByTimeAsync(9 * 24 * 60 * 60 * 1000);
    await scheduler.stop();
    const onTheMinute = digestRuns.filter((at) => !at.includes(':05:'));
    expect(onTheMinute).toEqual(['2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z']);
    // The hourly catch-up round, and the feeds every hour.
    expect(digestRuns.filter((at) => at.includes(':05:')).length).toBeGreaterThanOrEqual(9 * 24 - 1);
    expect(feedRuns.length).toBeGreaterThanOrEqual(9 * 24 - 1);
    expect(feedRuns.every((at) => at.endsWith(':00:00.000Z'))).toBe(true);
  });

  it('runs the start-up jobs once at start, logs a failed round and keeps the schedule', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-22T12:00:00Z') });
    const { logger, lines } = recordingLogger();
    let runs = 0;
    let others = 0;
    const scheduler = startScheduler(
      [
        { name: 'feeds', schedule: '0 * * * *', atStartUp: true, run: async () => { runs += 1; throw new Error('database locked'); } },
        { name: 'weekly', schedule: '0 9 * * 1', run: async () => { others += 1; } },
      ],
      logger,
    );
    await scheduler.startUp();
    await vi.advanceTimersByTimeAsync(2 * 60 * 60 * 1000);
    await scheduler.stop();
    expect(runs).toBe(3);
    expect(others).toBe(0);
    expect(lines.filter((line) => line.message === 'feeds: the run failed; it runs again at the next tick')).toHaveLength(3);
  });
});
