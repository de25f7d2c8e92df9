// Loaded with `node --import` by tests/cli/console-footprint.test.ts: every
// package the process resolves is written to stderr as `package-trace: <name>`.
import { register } from 'node:module';

register(new URL('./package-trace-hooks.mjs', import.meta.url));
