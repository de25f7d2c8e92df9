/**
 * The only importer of node-cron. The weekly digest runs at its local time
 * (node-cron keeps the schedule's zone through daylight-saving changes), and
 * again every hour, which costs a ledger read when it is done and sends a
 * digest whose exact minute was missed (a suspended machine) while it is
 * still relevant; the feeds are polled every hour. Each job is idempotent and
 * runs once at start-up too (a week missed while the service was down).
 */
import cron, { type ScheduledTask } from 'node-cron';
import { cronExpression, type WeeklySchedule } from '../core/digest/digest-period.ts';
import type { Logger } from '../core/ports.ts';

export interface ScheduledJobs {
  digest?: { schedule: WeeklySchedule; run(now: Date): Promise<unknown> };
  feeds?: { run(now: Date): Promise<unknown> };
  logger: Logger;
  now?: () => Date;
}

export interface Scheduler {
  /** The start-up round: the digest due (if still relevant) and a feed poll. */
  startUp(): Promise<void>;
  stop(): Promise<void>;
}

export function startScheduler(jobs: ScheduledJobs): Scheduler {
  const now = jobs.now ?? (() => new Date());
  const tasks: ScheduledTask[] = [];
  const guarded = (name: string, run: (at: Date) => Promise<unknown>) => async () => {
    try {
      await run(now());
    } catch (error) {
      // A failed round is logged; the next one tries again.
      jobs.logger.error({ err: error, job: name }, `${name}: the scheduled run failed`);
    }
  };
  const { digest, feeds } = jobs;
  if (digest) {
    const run = guarded('digest', (at) => digest.run(at));
    tasks.push(cron.schedule(cronExpression(digest.schedule), run, { timezone: digest.schedule.timeZone, name: 'digest' }));
    tasks.push(cron.schedule('5 * * * *', run, { name: 'digest-catch-up' }));
  }
  if (feeds) tasks.push(cron.schedule('0 * * * *', guarded('feeds', (at) => feeds.run(at)), { name: 'feeds' }));
  return {
    async startUp() {
      await Promise.all([digest && guarded('digest', (at) => digest.run(at))(), feeds && guarded('feeds', (at) => feeds.run(at))()]);
    },
    async stop() {
      await Promise.all(tasks.map((task) => task.destroy()));
    },
  };
}
