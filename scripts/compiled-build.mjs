/**
 * Where the compiled JavaScript of cphub lives (build/js, written by
 * scripts/build-js.mjs from tsconfig.build.json) and whether it is current:
 * newer than every source file it was compiled from. bin/cphub.js runs it
 * only then, so an edited file or a pulled change is never run stale.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUILD_CONFIG = 'tsconfig.build.json';
export const BUILD_DIR = join('build', 'js');
/** Written last by a build: its time is the build's. */
export const STAMP = '.built';
const SOURCE = /\.(ts|mjs)$/;

/** The folders and root files the build compiles (its tsconfig's `include`, `*.ts` meaning the root's own). */
function sourceFiles(root) {
  const { include } = JSON.parse(readFileSync(join(root, BUILD_CONFIG), 'utf8'));
  const files = [];
  for (const entry of include) {
    if (entry === '*.ts') files.push(...readdirSync(root).filter((name) => name.endsWith('.ts')).map((name) => join(root, name)));
    else walk(join(root, entry), files);
  }
  return files;
}

function walk(dir, files) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, files);
    else if (SOURCE.test(entry.name)) files.push(path);
  }
}

/** The compiled entry point's URL when build/js is current, else undefined. */
export function freshBuild(root = ROOT) {
  const stamp = join(root, BUILD_DIR, STAMP);
  if (!existsSync(stamp)) return undefined;
  const builtAt = statSync(stamp).mtimeMs;
  for (const file of sourceFiles(root)) if (statSync(file).mtimeMs > builtAt) return undefined;
  return pathToFileURL(join(root, BUILD_DIR, 'cli', 'main.js')).href;
}
