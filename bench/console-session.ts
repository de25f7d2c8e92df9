/**
 * A console session as a member would have it: `node bin/cphub.js console`
 * on a fresh database (the bundled sample library seeds itself), a script of
 * searches piped in one line at a time, and the child's memory read from
 * /proc/<pid>/status while it is still running (VmHWM is its peak resident
 * set; it vanishes once the process exits).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshBuild } from '../scripts/compiled-build.mjs';
import { latency, type Latency } from './stats.ts';

export const CONSOLE_SCRIPT = [
  '/help',
  '/search violence',
  '/search nasilje nad djecom',
  '/search насиље',
  '/search zastita djece',
  '/search "child protection"',
  '/search violence lang:sr',
  '/search type:report year:2015-2020',
  '/search country:AL',
  '/search dhuna ndaj fëmijëve',
  '/search copii',
  '/search gyermek',
  '/search trafficking -labour',
  '/search "child*',
  '/search NOT',
  '/doc pub-001',
  '/doc pub-010',
  '/search strategy',
  '2',
  '/search alternative care',
  '/help',
];

/** After the last output chunk, this much silence ends an answer. */
const QUIET_MS = 200;
const ANSWER_TIMEOUT_MS = 15_000;
const EXIT_TIMEOUT_MS = 10_000;

export type ConsoleResult =
  | { available: false; reason: string }
  | {
      available: true;
      /** Peak resident set of the console process (VmHWM), bytes. */
      peakRssBytes: number;
      /** The compiled build ran (scripts/build-js.mjs), not the sources through tsx: a third less memory. */
      compiled: boolean;
      /** Resident set at the end of the session (VmRSS), bytes. */
      rssBytes: number;
      /** From spawn to the first answer: start-up, migrations, sample import, first search. */
      firstAnswerMs: number;
      /** Time to the first output byte of every later line. */
      answers: Latency;
      lines: number;
      outputChars: number;
    };

export async function benchConsole(repoRoot: string): Promise<ConsoleResult> {
  const entry = join(repoRoot, 'bin', 'cphub.js');
  const consoleSource = join(repoRoot, 'cli', 'console-command.ts');
  if (!existsSync(entry) || !existsSync(consoleSource)) return { available: false, reason: 'bin/cphub.js or cli/console-command.ts missing' };
  const dir = mkdtempSync(join(tmpdir(), 'cphub-bench-console-'));
  const env: NodeJS.ProcessEnv = { ...process.env, CPHUB_DB: join(dir, 'cphub.db'), LOG_LEVEL: 'warn' };
  delete env.CPHUB_SAMPLE_LIBRARY;
  const compiled = freshBuild(repoRoot) !== undefined;
  const child = spawn(process.execPath, [entry, 'console'], { cwd: repoRoot, env, stdio: 'pipe' });
  try {
    return await drive(child, compiled);
  } catch (error) {
    return { available: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

class ConsoleOutput {
  chars = 0;
  lastChunkAt = 0;
  stderr = '';
  exited: string | undefined;

  constructor(child: ChildProcessWithoutNullStreams) {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      this.chars += chunk.length;
      this.lastChunkAt = performance.now();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    child.once('exit', (code, signal) => {
      this.exited = `the console exited early (${signal ?? `code ${code}`}): ${this.stderr.trim().split('\n')[0] ?? ''}`;
    });
    child.once('error', (error) => {
      this.exited = `the console did not start: ${error.message}`;
    });
  }

  /** Milliseconds from `sentAt` to the first byte of the answer, once the answer has gone quiet. */
  async answer(sentAt: number): Promise<number> {
    const charsBefore = this.chars;
    let firstAt = 0;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (this.exited) throw new Error(this.exited);
      const now = performance.now();
      if (this.chars > charsBefore && firstAt === 0) firstAt = this.lastChunkAt;
      if (firstAt > 0 && now - this.lastChunkAt >= QUIET_MS) return firstAt - sentAt;
      if (now - sentAt > ANSWER_TIMEOUT_MS) throw new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms`);
    }
  }
}

async function drive(child: ChildProcessWithoutNullStreams, compiled: boolean): Promise<ConsoleResult> {
  const output = new ConsoleOutput(child);
  const spawnedAt = performance.now();
  const times: number[] = [];
  for (const line of CONSOLE_SCRIPT) {
    const sentAt = performance.now();
    child.stdin.write(`${line}\n`);
    const answerMs = await output.answer(sentAt);
    times.push(times.length === 0 ? answerMs + (sentAt - spawnedAt) : answerMs);
  }
  const memory = readMemory(child.pid!);
  child.stdin.end();
  await exited(child);
  return {
    available: true,
    compiled,
    ...memory,
    firstAnswerMs: times[0]!,
    answers: latency(times.slice(1)),
    lines: CONSOLE_SCRIPT.length,
    outputChars: output.chars,
  };
}

function readMemory(pid: number): { peakRssBytes: number; rssBytes: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peakRssBytes: kilobytes('VmHWM') * 1024, rssBytes: kilobytes('VmRSS') * 1024 };
}

async function exited(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, EXIT_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
