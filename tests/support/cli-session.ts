/**
 * `cphub <args>` as a child process, as an operator runs it: a fresh
 * database folder, stdin piped, stdout (the console chat) and stderr (the
 * log and status lines) collected, and a wait for what they say.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = join(import.meta.dirname, '..', '..');

export interface CliSession {
  child: ChildProcessWithoutNullStreams;
  /** The database file the child uses (its folder is removed by `cleanUp`). */
  database: string;
  exited: Promise<number | null>;
  output(): { stdout: string; stderr: string };
  /** Resolves when `stream` matches `pattern`, with the match; fails after `timeoutMs` or when the child exits first. */
  waitFor(pattern: RegExp, stream?: 'stdout' | 'stderr', timeoutMs?: number): Promise<RegExpMatchArray>;
  write(line: string): void;
}

/** A fresh folder for a database: made before the child starts, so a test can fill the database first. */
export function freshDatabaseFolder(prefix = 'cphub-cli-'): { database: string; cleanUp(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { database: join(dir, 'cphub.db'), cleanUp: () => rmSync(dir, { recursive: true, force: true }) };
}

export function startCliSession(args: string[], database: string, env: Record<string, string> = {}): CliSession {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, CPHUB_DB: database, LANG: 'en_US.UTF-8', LOG_LEVEL: 'warn' };
  for (const name of ['LC_ALL', 'CPHUB_LANG', 'CPHUB_SAMPLE_LIBRARY']) delete childEnv[name];
  // A platform token in the developer's shell would start that platform too.
  for (const name of Object.keys(childEnv)) if (/^(TELEGRAM|DISCORD|SLACK)_/.test(name)) delete childEnv[name];
  Object.assign(childEnv, env);
  const child = spawn(process.execPath, ['bin/cphub.js', ...args], { cwd: REPO, env: childEnv, stdio: 'pipe' });
  const seen = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (seen.stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (seen.stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    child,
    database,
    exited,
    output: () => ({ ...seen }),
    async waitFor(pattern, stream = 'stdout', timeoutMs = 30_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const match = seen[stream].match(pattern);
        if (match) return match;
        if (child.exitCode !== null || Date.now() > end) throw new Error(`no ${pattern} in ${stream}:\n${seen.stdout}\n--- stderr ---\n${seen.stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    write: (line) => void child.stdin.write(`${line}\n`),
  };
}
