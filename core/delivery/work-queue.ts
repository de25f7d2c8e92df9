/**
 * Runs handlers a few at a time, letting the event loop breathe before each
 * one. Platforms that want an acknowledgement within seconds (Discord and
 * Slack: 3 s) get it at once, outside this queue; the answer's work — mostly
 * synchronous SQLite — waits its turn here. Without the queue a burst of
 * searches holds the event loop, and the acknowledgements of the
 * interactions behind them go out late.
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly concurrency: number) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      // Pending I/O first: new events get acknowledged before more CPU work starts.
      await new Promise((resolve) => setImmediate(resolve));
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  /** Jobs running or waiting. */
  size(): number {
    return this.running + this.waiting.length;
  }
}
