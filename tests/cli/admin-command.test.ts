/** `cphub admin add` as an operator runs it, on a database where one person has joined. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open-database.ts';
import { SqliteMembers } from '../../db/sqlite-members.ts';

const REPO = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'cphub-admin-'));
const database = join(dir, 'cphub.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cphub(...args: string[]) {
  const env = { ...process.env, CPHUB_DB: database, CPHUB_SAMPLE_LIBRARY: 'off' };
  return spawnSync(process.execPath, ['bin/cphub.js', ...args], { cwd: REPO, env, encoding: 'utf8' });
}

describe('cphub admin add', () => {
  it('makes a member an administrator, refuses someone who has not joined, and explains a malformed account', async () => {
    const db = openDatabase(database);
    await new SqliteMembers(db, { now: () => new Date() }).join({ platform: 'telegram', userId: '42', language: 'en' }, '2026-12');
    db.close();

    const added = cphub('admin', 'add', 'telegram:42');
    expect(added.stdout, added.stderr).toBe('telegram:42 is an administrator.\n');
    expect(added.status).toBe(0);

    const stranger = cphub('admin', 'add', 'telegram:43');
    expect(stranger.status).toBe(1);
    expect(stranger.stderr).toContain('has not joined yet');

    const malformed = cphub('admin', 'add', '42');
    expect(malformed.status).toBe(2);

    const check = openDatabase(database);
    const roles = check.sqlite.prepare('SELECT role FROM members').all();
    const audit = check.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'role.changed'").all();
    check.close();
    expect(roles).toEqual([{ role: 'admin' }]);
    expect(audit).toEqual([{ details: '{"from":"member","to":"admin","by":"cli"}' }]);
  }, 60_000);
});
