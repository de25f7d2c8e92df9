/**
 * `cphub digest preview` as an operator runs it, the real CLI in a child
 * process over a prepared database.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareDigestHub } from '../support/digest-process.ts';
import { runCphub } from '../support/run-cphub.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cphub-digest-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('cphub digest preview --lang', () => {
  it('refuses a language the hub does not have, naming the ones it has, and opens nothing', async () => {
    const database = join(dir, 'fresh', 'cphub.db');
    const result = await runCphub({ ...process.env, CPHUB_DB: database, CPHUB_SAMPLE_LIBRARY: 'off', LOG_LEVEL: 'warn' }, 'digest', 'preview', '--lang', 'xx');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("option '--lang <code>' argument 'xx' is invalid. not a language of the hub; use one of en, sq, sh, sh-Cyrl, bg, hu, ro");
    expect(result.stdout).toBe('');
    // Not even the database was created.
    expect(existsSync(join(dir, 'fresh'))).toBe(false);
  });

  it('previews in a hub language given in any case', async () => {
    const env = await prepareDigestHub(dir, 'console', ['ada'], {});
    const result = await runCphub(env, 'digest', 'preview', '--lang', 'SH-cyrl');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Ваш седмични преглед');
    expect(result.stdout).toContain('A new helpline for children');
  });
});
