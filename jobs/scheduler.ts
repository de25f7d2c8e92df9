/**
 * The one place that imports node-cron: each job on its schedule, never two
 * runs of one job at once (a slow run makes the next one wait its turn), a
 * failed run logged and retried at the next tick.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../core/ports.ts';

export interface ScheduledJob {
  name: string;
  /** A cron expression (https://www.npmjs.com/package/node-cron#cron-syntax). */
  schedule: string;
  run(now: Date): Promise<unknown>;
}

export interface Scheduler {
  /** Runs a job now, outside its schedule (at start-up). */
  runNow(name: string): Promise<void>;
  stop(): Promise<void>;
}

export function startScheduler(jobs: ScheduledJob[], logger: Pick<Logger, 'error'>): Scheduler {
  const running = new Map<string, Promise<void>>();
  const runOnce = (job: ScheduledJob): Promise<void> => {
    const current = running.get(job.name);
    if (current) return current;
    const run = job
      .run(new Date())
      .then(() => undefined)
      .catch((error: unknown) => logger.error({ job: job.name, err: error instanceof Error ? error.message : String(error) }, `${job.name}: the run failed; it runs again at the next tick`))
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
    return run;
  };
  const tasks: ScheduledTask[] = jobs.map((job) => cron.schedule(job.schedule, () => runOnce(job), { name: job.name, noOverlap: true }));
  return {
    runNow: async (name) => {
      const job = jobs.find((entry) => entry.name === name);
      if (job) await runOnce(job);
    },
    stop: async () => {
      await Promise.all(tasks.map((task) => task.stop()));
      await Promise.allSettled([...running.values()]);
    },
  };
}
