/** The scheduler (node-cron): jobs run on demand, never two runs of one job at once, a failure logged. */
import { describe, expect, it } from 'vitest';
import { startScheduler } from '../../jobs/scheduler.ts';
import { recordingLogger } from '../support/recording-logger.ts';

describe('startScheduler', () => {
  it('runs a job now, once while it is still running, and logs a failed run', async () => {
    const { logger, lines } = recordingLogger();
    let runs = 0;
    let release: () => void = () => {};
    const scheduler = startScheduler(
      [
        { name: 'slow', schedule: '0 0 1 1 *', run: () => { runs += 1; return new Promise<void>((done) => (release = done)); } },
        { name: 'broken', schedule: '0 0 1 1 *', run: async () => { throw new Error('no network'); } },
      ],
      logger,
    );
    const first = scheduler.runNow('slow');
    const second = scheduler.runNow('slow');
    release();
    await Promise.all([first, second]);
    expect(runs).toBe(1);
    await scheduler.runNow('broken');
    expect(lines).toEqual([{ level: 'error', message: 'broken: the run failed; it runs again at the next tick', details: { job: 'broken', err: 'no network' } }]);
    await scheduler.stop();
  });
});
