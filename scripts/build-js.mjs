#!/usr/bin/env node
/**
 * Compiles cphub's TypeScript into build/js (tsconfig.build.json: the same
 * files, .ts imports renamed .js), so bin/cphub.js runs plain JavaScript
 * instead of compiling every module at start through tsx, whose loader
 * thread and its own V8 heap were a third of a console session's memory
 * (164 -> 107 MB resident). Runs at `npm install` / `npm ci` (postinstall)
 * and by `npm run build`; about 10 seconds.
 *
 * It compiles into a new folder and then swaps it in, so a cphub starting
 * meanwhile finds the old build or none, never half of one. Without
 * TypeScript installed (`npm ci --omit=dev`) it skips: bin/cphub.js then
 * runs the sources through tsx.
 */
import { execFileSync } from 'node:child_process';
import { renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { BUILD_CONFIG, BUILD_DIR, ROOT, STAMP } from './compiled-build.mjs';

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  console.warn('cphub: TypeScript is not installed; bin/cphub.js will run the sources through tsx');
  process.exit(0);
}

// Another folder (under the repository, for tests) when named: `node scripts/build-js.mjs build/js-test`.
const target = resolve(ROOT, process.argv[2] ?? BUILD_DIR);
const fresh = `${target}-${process.pid}`;
const old = `${target}-old-${process.pid}`;
// The stamp carries the time the compiler started: a file saved during the build counts as newer.
const startedAt = new Date();
try {
  execFileSync(process.execPath, [tsc, '-p', join(ROOT, BUILD_CONFIG), '--outDir', fresh], { cwd: ROOT, stdio: 'pipe' });
} catch (error) {
  // Exit code 2: type errors, files written all the same (tsx would run the
  // same code: it strips the types without checking them). `npm run
  // typecheck` reports the errors.
  if (error.status !== 2) {
    rmSync(fresh, { recursive: true, force: true });
    console.warn(`cphub: could not compile into ${BUILD_DIR} (${error.message.split('\n')[0]}); bin/cphub.js will run the sources through tsx`);
    process.exit(0);
  }
}
writeFileSync(join(fresh, STAMP), `${startedAt.toISOString()}\n`);
utimesSync(join(fresh, STAMP), startedAt, startedAt);
try {
  renameSync(target, old);
} catch {
  // No earlier build.
}
renameSync(fresh, target);
rmSync(old, { recursive: true, force: true });
console.log(`cphub: compiled into ${target}`);
