import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Vitest's default (one worker fewer than the cores) runs one file at a
    // time on a 2-core machine, and most of the suite's time is spent waiting
    // on child processes and local sockets: two files at once took 206 s
    // instead of 252 s there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Tests share two cores with everything else on the machine: give slow
    // child-process tests room without hiding a hang.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
