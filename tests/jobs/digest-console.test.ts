/**
 * The console is a platform too: its member's digest is printed into the
 * chat when it is due (here: at start-up, the week's digest still relevant),
 * once — a second session prints it no more.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { PRIVACY_VERSION } from '../../core/commands/privacy.ts';
import { openDatabase } from '../../db/open-database.ts';
import { createSqliteServices } from '../../db/sqlite-services.ts';
import { contentItem } from '../support/content-fixtures.ts';

const REPO = join(import.meta.dirname, '..', '..');
let dir: string | undefined;

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function consoleSession(env: Record<string, string>, input: string): Promise<string> {
  const child = spawn(process.execPath, ['bin/cphub.js', 'console'], { cwd: REPO, env, stdio: 'pipe' });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.resume();
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', () => resolve(stdout)));
}

describe('the weekly digest in the console', () => {
  it('prints the subscribed console member\'s digest once, in their language', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cphub-console-digest-'));
    const due = DateTime.now().setZone('Europe/Belgrade').minus({ hours: 1 });
    const before = new Date(due.toMillis() - 60 * 60 * 1000);
    const database = join(dir, 'cphub.db');
    const db = openDatabase(database);
    const services = createSqliteServices(db, { now: () => before });
    const member = await services.members.join({ platform: 'console', userId: 'local', language: 'ro' }, PRIVACY_VERSION);
    await services.subscriptions.subscribeMember(member.id, { platform: 'console', userId: 'local' }, { topics: [], countries: [] });
    services.content.upsertAll([contentItem({ id: 'n-1', title: 'A new helpline for children' })], before);
    db.close();
    const env = {
      ...process.env, CPHUB_DB: database, CPHUB_SAMPLE_LIBRARY: 'off', CPHUB_LANG: 'ro', LOG_LEVEL: 'silent',
      CPHUB_DIGEST_DAY: due.setLocale('en').toFormat('cccc').toLowerCase(), CPHUB_DIGEST_TIME: due.toFormat('HH:mm'),
    } as Record<string, string>;
    const first = await consoleSession(env, '/help\n');
    expect(first).toContain('Rezumatul dumneavoastră săptămânal');
    expect(first).toContain('A new helpline for children');
    const second = await consoleSession(env, '/help\n');
    expect(second).not.toContain('Rezumatul dumneavoastră săptămânal');
  }, 30_000);
});
