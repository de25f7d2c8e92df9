import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Tests share two cores with everything else on the machine: give slow
    // child-process tests room without hiding a hang.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
