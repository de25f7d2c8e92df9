/**
 * The console loads no platform's library: grammY, discord.js, Bolt, the
 * Typesense client and the feed parser are loaded only when configured
 * (main.ts, typesense/typesense-client.ts, jobs/feeds/poll-feeds.ts). They
 * were 34 MB of a console session's resident memory, whose target is 150 MB.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDatabaseFolder } from '../support/cli-session.ts';

const REPO = join(import.meta.dirname, '..', '..');
const TRACE = join(import.meta.dirname, '..', 'support', 'package-trace.mjs');

function consoleSession(input: string, env: NodeJS.ProcessEnv): Promise<{ stdout: string; packages: Set<string> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TRACE, 'bin/cphub.js', 'console'], { cwd: REPO, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', () => {
      const packages = new Set([...stderr.matchAll(/^package-trace: (.+)$/gm)].map((match) => match[1]!));
      resolve({ stdout, packages });
    });
    child.stdin.end(input);
  });
}

describe('a console session', () => {
  it('answers a search without loading any chat platform, Typesense or feed library', async () => {
    const { database, cleanUp } = freshDatabaseFolder();
    try {
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, CPHUB_DB: database };
      const { stdout, packages } = await consoleSession('/search violence\n', env);
      expect(stdout).toMatch(/\d+ documents found for “violence”/);
      expect(stdout).toContain('/doc pub-001');
      // The trace works: what the console does need is in it.
      expect(packages).toContain('better-sqlite3');
      expect(packages).toContain('i18next');
      for (const unneeded of ['grammy', '@grammyjs/runner', 'discord.js', '@slack/bolt', '@slack/web-api', 'typesense', 'rss-parser']) {
        expect(packages, unneeded).not.toContain(unneeded);
      }
    } finally {
      cleanUp();
    }
  });
});
