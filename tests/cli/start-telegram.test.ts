/**
 * `cphub start` with a Telegram token, as an operator runs it: a child
 * process against the fake Bot API (TELEGRAM_API_ROOT), a fresh database with
 * the sample library. It searches, stops cleanly on SIGTERM, and a refused
 * token is reported without taking the terminal chat down.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.ts';
import { privateMessage } from '../support/telegram-harness.ts';

const REPO = join(import.meta.dirname, '..', '..');
const TIMEOUT = 60_000;
const tmpDirs: string[] = [];
let fake: FakeTelegram | undefined;
afterEach(async () => fake?.close());
afterAll(() => tmpDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function startCli(args: string[], env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'cphub-start-'));
  tmpDirs.push(dir);
  const childEnv: NodeJS.ProcessEnv = { ...process.env, CPHUB_DB: join(dir, 'cphub.db'), LANG: 'en_US.UTF-8', LOG_LEVEL: 'warn', ...env };
  for (const name of ['LC_ALL', 'CPHUB_LANG', 'CPHUB_SAMPLE_LIBRARY']) delete childEnv[name];
  const child = spawn(process.execPath, ['bin/cphub.js', 'start', ...args], { cwd: REPO, env: childEnv, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function waitFor(check: () => boolean, what: () => string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('cphub start with TELEGRAM_BOT_TOKEN', () => {
  it('searches the sample library for a Telegram member and stops cleanly on SIGTERM', async () => {
    fake = await startFakeTelegram();
    const cli = startCli([], { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.url });
    await waitFor(() => cli.output().stderr.includes('telegram is running'), () => cli.output().stderr);
    fake.pushUpdates(privateMessage(1, '/search violence'));
    const sent = await fake.waitForCall('sendMessage', undefined, 30_000);
    expect(sent.params.text).toContain('Violence Against Children in Serbia');
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    expect(cli.output().stdout).toBe('');
  }, TIMEOUT);

  it('reports a refused token by name and exits 1 when no platform is left', async () => {
    fake = await startFakeTelegram();
    const cli = startCli([], { TELEGRAM_BOT_TOKEN: '123:refused', TELEGRAM_API_ROOT: fake.url });
    expect(await cli.exited).toBe(1);
    expect(cli.output().stderr).toMatch(/telegram could not start: .*Unauthorized.*TELEGRAM_BOT_TOKEN/);
    expect(cli.output().stderr).not.toContain('123:refused');
  }, TIMEOUT);

  it('keeps the terminal chat working beside a platform that failed to start (--console)', async () => {
    fake = await startFakeTelegram();
    const cli = startCli(['--console'], { TELEGRAM_BOT_TOKEN: '123:refused', TELEGRAM_API_ROOT: fake.url });
    cli.child.stdin.end('/search violence\n');
    expect(await cli.exited).toBe(0);
    expect(cli.output().stderr).toContain('telegram could not start');
    expect(cli.output().stdout).toContain('Violence Against Children in Serbia');
  }, TIMEOUT);
});
