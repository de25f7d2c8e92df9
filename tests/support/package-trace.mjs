// Loaded with `node --import` by tests/cli/process-footprint.test.ts: every
// package the process resolves, its worker threads' included, is written to
// stderr as `package-trace: <name> <the module that asked>`.
import { register } from 'node:module';

register(new URL('./package-trace-hooks.mjs', import.meta.url));
