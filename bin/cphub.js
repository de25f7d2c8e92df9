#!/usr/bin/env node
// The `cphub` command. The sources are TypeScript: `npm ci` compiles them
// into build/js (scripts/build-js.mjs), which runs while it is newer than
// every source file; otherwise (a file edited since, no TypeScript
// installed) the sources run through tsx. A fresh clone needs no build
// step of its own either way: `npm ci && npm start` is enough.
import { freshBuild } from '../scripts/compiled-build.mjs';

const compiled = freshBuild();
if (compiled) {
  await import(compiled);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/main.ts');
}
