/**
 * The one place that imports node-cron: each job on its schedule (in its
 * time zone when it has one: node-cron keeps a zone's wall-clock time
 * through daylight-saving changes), never two runs of one job — or of jobs
 * sharing a lock — at once (a slow run makes the next one wait its turn),
 * a failed run logged and retried at the next tick. Jobs marked so also run
 * once at start-up (a week missed while the service was down, a sync).
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../core/ports.ts';

export interface ScheduledJob {
  name: string;
  /** A cron expression (https://www.npmjs.com/package/node-cron#cron-syntax). */
  schedule: string;
  /** An IANA zone the schedule is read in; the machine's otherwise. */
  timeZone?: string;
  /** Jobs with the same lock never run at once (the digest and its catch-up round). */
  lock?: string;
  /** Runs in `startUp()` too. */
  atStartUp?: boolean;
  run(now: Date): Promise<unknown>;
}

export interface Scheduler {
  /** Runs a job now, outside its schedule. */
  runNow(name: string): Promise<void>;
  /** Runs every job marked `atStartUp`. */
  startUp(): Promise<void>;
  stop(): Promise<void>;
}

export function startScheduler(jobs: ScheduledJob[], logger: Pick<Logger, 'error'>): Scheduler {
  const running = new Map<string, Promise<void>>();
  const runOnce = (job: ScheduledJob): Promise<void> => {
    const lock = job.lock ?? job.name;
    const current = running.get(lock);
    if (current) return current;
    const run = job
      .run(new Date())
      .then(() => undefined)
      .catch((error: unknown) =>
        logger.error(
          { job: job.name, err: error instanceof Error ? error.message : String(error) },
          `${job.name}: the run failed; it runs again at the next tick`,
        ),
      )
      .finally(() => running.delete(lock));
    running.set(lock, run);
    return run;
  };
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(job.schedule, () => runOnce(job), { name: job.name, noOverlap: true, ...(job.timeZone ? { timezone: job.timeZone } : {}) }),
  );
  return {
    runNow: async (name) => {
      const job = jobs.find((entry) => entry.name === name);
      if (job) await runOnce(job);
    },
    startUp: async () => {
      await Promise.all(jobs.filter((job) => job.atStartUp).map(runOnce));
    },
    stop: async () => {
      await Promise.all(tasks.map((task) => task.destroy()));
      await Promise.allSettled([...running.values()]);
    },
  };
}
