/**
 * `cphub digest send` as a real process over a prepared database, for the
 * exactly-once tests: a schedule due an hour ago (so the period is due now,
 * whatever day the tests run), members subscribed before it, one news item.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { DateTime } from 'luxon';
import { PRIVACY_VERSION } from '../../core/commands/privacy.ts';
import type { ContentItem } from '../../core/content/content-item.ts';
import type { PlatformName } from '../../core/model/incoming.ts';
import { openDatabase } from '../../db/open-database.ts';
import { createSqliteServices } from '../../db/sqlite-services.ts';
import { contentItem } from './content-fixtures.ts';
import { startFakeTelegram, type FakeTelegram } from './fake-telegram.ts';

const REPO = join(import.meta.dirname, '..', '..');

/** Each test of the file gets a fresh folder for its database and a fake Bot API; both go after it. */
export function digestSandbox(prefix: string): { readonly dir: string; readonly fake: FakeTelegram } {
  const sandbox = {} as { dir: string; fake: FakeTelegram };
  beforeEach(async () => {
    sandbox.dir = mkdtempSync(join(tmpdir(), prefix));
    sandbox.fake = await startFakeTelegram();
  });
  afterEach(async () => {
    await sandbox.fake.close();
    rmSync(sandbox.dir, { recursive: true, force: true });
  });
  return sandbox;
}

/**
 * Subscribes `userIds` on `platform` (alternately in English and Albanian) and returns the environment for `cphub digest send`.
 * The week holds one news item, or `content` (first seen an hour before the digest is due).
 */
export async function prepareDigestHub(dir: string, platform: PlatformName, userIds: readonly string[], platformEnv: Record<string, string>, content?: ContentItem[]): Promise<Record<string, string>> {
  const due = DateTime.now().setZone('Europe/Belgrade').minus({ hours: 1 });
  const before = new Date(due.toMillis() - 60 * 60 * 1000);
  const database = join(dir, 'cphub.db');
  const db = openDatabase(database);
  const services = createSqliteServices(db, { now: () => before });
  for (const [i, userId] of userIds.entries()) {
    const member = await services.members.join({ platform, userId, language: i % 2 ? 'sq' : 'en' }, PRIVACY_VERSION);
    await services.subscriptions.subscribeMember(member.id, { platform, userId }, { topics: [], countries: [] });
  }
  services.content.upsertAll(content ?? [contentItem({ id: 'n-1', title: 'A new helpline for children' })], before);
  db.close();
  return {
    ...(process.env as Record<string, string>),
    CPHUB_DB: database,
    CPHUB_SAMPLE_LIBRARY: 'off',
    CPHUB_TIME_ZONE: 'Europe/Belgrade',
    CPHUB_DIGEST_DAY: due.setLocale('en').toFormat('cccc').toLowerCase(),
    CPHUB_DIGEST_TIME: due.toFormat('HH:mm'),
    LOG_LEVEL: 'silent',
    ...platformEnv,
  };
}

export interface DigestSendProcess {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; stdout: string }>;
}

export function digestSend(env: Record<string, string>): DigestSendProcess {
  const child = spawn(process.execPath, ['bin/cphub.js', 'digest', 'send'], { cwd: REPO, env, stdio: 'pipe' });
  let stdout = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.resume();
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout })));
  return { child, done };
}

/** How many times each key occurs. */
export function countsOf(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
