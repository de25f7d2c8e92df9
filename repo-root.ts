/**
 * The repository's folder, which holds data/, db/migrations, locales/ and
 * build/: the nearest folder above this file with a package.json. The same
 * whether the code runs as TypeScript from its sources or compiled into
 * build/js (scripts/build-js.mjs), so no path depends on where a module sits.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function nearestPackage(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

export const REPO_ROOT = nearestPackage(dirname(fileURLToPath(import.meta.url)));

export function repoPath(...parts: string[]): string {
  return join(REPO_ROOT, ...parts);
}
