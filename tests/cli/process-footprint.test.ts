/**
 * What a cphub process loads. The console loads no platform's library:
 * grammY, discord.js, Bolt, the Typesense client and the feed parser load
 * only when configured (main.ts, typesense/typesense-client.ts,
 * jobs/feeds/poll-feeds.ts). And the compiled build (scripts/build-js.mjs)
 * runs without tsx, the worker thread of a large import included. Both were
 * about a third of a console session's resident memory (the target is 150 MB).
 */
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabaseFolder } from '../support/cli-session.ts';

const REPO = join(import.meta.dirname, '..', '..');
const TRACE = join(import.meta.dirname, '..', 'support', 'package-trace.mjs');
const PREP_WORKER = join(import.meta.dirname, '..', 'support', 'run-prep-worker.mjs');
const PLATFORM_PACKAGES = ['grammy', '@grammyjs/runner', 'discord.js', '@slack/bolt', '@slack/web-api', 'typesense', 'rss-parser'];

interface Traced {
  stdout: string;
  /** Every package resolved, with the modules that asked for it. */
  packages: Map<string, string[]>;
}

/** `entry` (bin/cphub.js, a compiled cli/main.js, a test script) with `args`, `input` on stdin, and every package it resolves traced. */
function runTraced(entry: string, args: string[], input = '', database?: string): Promise<Traced> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...(database && { CPHUB_DB: database }) };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TRACE, entry, ...args], { cwd: REPO, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', () => {
      const packages = new Map<string, string[]>();
      for (const [, name, parent] of stderr.matchAll(/^package-trace: (\S+) ?(.*)$/gm)) packages.set(name!, [...(packages.get(name!) ?? []), parent!]);
      resolve({ stdout, packages });
    });
    child.stdin.end(input);
  });
}

function expectNone(packages: Map<string, string[]>, names: string[]): void {
  for (const name of names) expect([...packages.keys()], name).not.toContain(name);
}

describe('a console session', () => {
  it('answers a search without loading any chat platform, Typesense or feed library', async () => {
    const { database, cleanUp } = freshDatabaseFolder();
    try {
      const { stdout, packages } = await runTraced('bin/cphub.js', ['console'], '/search violence\n', database);
      expect(stdout).toMatch(/\d+ documents found for “violence”/);
      expect(stdout).toContain('/doc pub-001');
      // The trace works: what the console does need is in it.
      expect([...packages.keys()]).toEqual(expect.arrayContaining(['better-sqlite3', 'i18next']));
      expectNone(packages, PLATFORM_PACKAGES);
    } finally {
      cleanUp();
    }
  });
});

describe('the compiled build', () => {
  // Its own folder under build/, so a build here never swaps out build/js under another test's process.
  const out = join('build', `js-test-${process.pid}`);
  const entry = join(out, 'cli', 'main.js');

  beforeAll(async () => {
    await new Promise<void>((resolve, reject) => {
      const build = spawn(process.execPath, ['scripts/build-js.mjs', out], { cwd: REPO, stdio: 'ignore' });
      build.on('error', reject);
      build.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`build-js exited ${code}`))));
    });
  }, 120_000);
  afterAll(() => rmSync(join(REPO, out), { recursive: true, force: true }));

  it('runs the console without tsx, on the sample library, in the member language chosen', async () => {
    const { database, cleanUp } = freshDatabaseFolder();
    try {
      const { stdout, packages } = await runTraced(entry, ['console'], '/lang sh\n/search nasilje\n', database);
      expect(stdout).toMatch(/Pronađeno je \d+\s+dokumenata za „nasilje“/);
      expect(stdout).toContain('/doc pub-002');
      expect([...packages.keys()]).toContain('better-sqlite3');
      expectNone(packages, ['tsx', 'esbuild', ...PLATFORM_PACKAGES]);
    } finally {
      cleanUp();
    }
  });

  it('imports a large file', async () => {
    const { database, cleanUp } = freshDatabaseFolder();
    const file = join(database, '..', 'large.jsonl');
    const line = (n: number) => JSON.stringify({
      id: `gen-${n}`, title: `Foster care standards ${n}`, summary: 'Kinship and foster care in the region', language: 'en',
      country: 'RS', type: 'report', topics: ['alternative care'], publisher: 'UNICEF', year: 2020, url: `https://example.org/${n}`,
    });
    writeFileSync(file, Array.from({ length: 2_400 }, (_, n) => line(n)).join('\n'));
    try {
      const { stdout, packages } = await runTraced(entry, ['import', file], '', database);
      expect(stdout).toContain('2400 added');
      expectNone(packages, ['tsx', 'esbuild']);
    } finally {
      cleanUp();
    }
  });

  // On its own: in the import above the main thread may prepare all 2,400
  // documents before the worker has loaded (CI saw it), so that run cannot
  // tell what the worker loads.
  it("prepares documents on the import's worker thread, compiled too", async () => {
    const { stdout, packages } = await runTraced(PREP_WORKER, [out]);
    expect(stdout).toContain('prepared 600');
    expect(packages.get('better-sqlite3')?.some((parent) => parent.endsWith(`${out}/db/document-prep-worker.mjs`))).toBe(true);
    expectNone(packages, ['tsx', 'esbuild']);
  });
});
