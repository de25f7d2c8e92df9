#!/usr/bin/env node
/**
 * Builds native/cphub-rank.c, the search ranking function (see the comment
 * in that file), into build/ as a SQLite loadable extension. Runs at
 * `npm install` / `npm ci` (postinstall) and by `npm run build:native`.
 *
 * It needs a C compiler (`cc`, as better-sqlite3's own build does) and the
 * SQLite headers that better-sqlite3 ships. Without them the install still
 * succeeds: search then ranks with FTS5's bm25(), slower on large libraries
 * (main.ts logs a warning at start-up).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const suffix = { darwin: '.dylib', win32: '.dll' }[process.platform] ?? '.so';
const output = join(root, 'build', `cphub-rank${suffix}`);
const source = join(root, 'native', 'cphub-rank.c');

function sqliteHeaders() {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('better-sqlite3/package.json')), 'deps', 'sqlite3');
  return existsSync(join(dir, 'sqlite3ext.h')) ? dir : undefined;
}

const headers = sqliteHeaders();
if (!headers) {
  console.warn('cphub: SQLite headers not found in better-sqlite3; search will rank with bm25()');
  process.exit(0);
}
const compiler = process.env.CC || 'cc';
const flags = process.platform === 'darwin' ? ['-dynamiclib', '-undefined', 'dynamic_lookup'] : ['-shared', '-fPIC'];
mkdirSync(join(root, 'build'), { recursive: true });
try {
  execFileSync(compiler, ['-O2', ...flags, '-I', headers, '-o', output, source, '-lm'], { stdio: 'inherit' });
  console.log(`cphub: built ${output}`);
} catch (error) {
  console.warn(`cphub: could not build the ranking extension (${error.message}); search will rank with bm25()`);
}
