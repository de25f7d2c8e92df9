#!/usr/bin/env node
// The `cphub` command. The sources are TypeScript run through tsx, so a fresh
// clone needs no build step: `npm ci && npm start` is enough.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
