/**
 * Exactly once across processes: `cphub digest send` killed with SIGKILL in
 * the middle of the fan-out and run again, and two senders started at the
 * same moment, against the fake Bot API. The fake's request log is the
 * truth: every subscriber gets one digest, none twice, none missing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRIVACY_VERSION } from '../../core/commands/privacy.ts';
import { openDatabase } from '../../db/open-database.ts';
import { createSqliteServices } from '../../db/sqlite-services.ts';
import { contentItem } from '../support/content-fixtures.ts';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.ts';

const REPO = join(import.meta.dirname, '..', '..');
const MEMBERS = 20;

let dir: string;
let fake: FakeTelegram;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cphub-digest-crash-'));
  fake = await startFakeTelegram();
});

afterEach(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A schedule due an hour ago (so the period is due now, whatever day the test runs), and 20 subscribers from before it. */
async function prepare(): Promise<Record<string, string>> {
  const due = DateTime.now().setZone('Europe/Belgrade').minus({ hours: 1 });
  const before = new Date(due.toMillis() - 60 * 60 * 1000);
  const database = join(dir, 'cphub.db');
  const db = openDatabase(database);
  const services = createSqliteServices(db, { now: () => before });
  for (let i = 0; i < MEMBERS; i++) {
    const userId = String(7001 + i);
    const member = await services.members.join({ platform: 'telegram', userId, language: i % 2 ? 'sq' : 'en' }, PRIVACY_VERSION);
    await services.subscriptions.subscribeMember(member.id, { platform: 'telegram', userId }, { topics: [], countries: [] });
  }
  services.content.upsertAll([contentItem({ id: 'n-1', title: 'A new helpline for children' })], before);
  db.close();
  return {
    ...process.env,
    CPHUB_DB: database,
    CPHUB_SAMPLE_LIBRARY: 'off',
    CPHUB_TIME_ZONE: 'Europe/Belgrade',
    CPHUB_DIGEST_DAY: due.setLocale('en').toFormat('cccc').toLowerCase(),
    CPHUB_DIGEST_TIME: due.toFormat('HH:mm'),
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.url,
    LOG_LEVEL: 'silent',
  };
}

function digestSend(env: Record<string, string>): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; stdout: string }> } {
  const child = spawn(process.execPath, ['bin/cphub.js', 'digest', 'send'], { cwd: REPO, env, stdio: 'pipe' });
  let stdout = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.resume();
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout })));
  return { child, done };
}

function deliveriesPerChat(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of fake.callsTo('sendMessage')) counts.set(String(call.params.chat_id), (counts.get(String(call.params.chat_id)) ?? 0) + 1);
  return counts;
}

const everyone = Array.from({ length: MEMBERS }, (_, i) => String(7001 + i));

describe('cphub digest send, exactly once', () => {
  it('killed half-way with SIGKILL and run again: no duplicate and no gap', async () => {
    const env = await prepare();
    const first = digestSend(env);
    // The 8th digest reaches Telegram, and the sender dies before it hears back.
    let calls = 0;
    fake.script('sendMessage', (call) => {
      calls += 1;
      if (calls === 8) first.child.kill('SIGKILL');
      return { ok: true, result: { message_id: calls, date: 0, chat: { id: Number(call.params.chat_id), type: 'private' }, text: '' } };
    }, MEMBERS * 2);
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    const beforeResume = fake.callsTo('sendMessage').length;
    expect(beforeResume).toBeGreaterThanOrEqual(8);
    expect(beforeResume).toBeLessThan(MEMBERS);

    const second = await digestSend(env).done;
    expect(second.code, second.stdout).toBe(0);
    expect(second.stdout).toMatch(/20 recipients — \d+ sent, 0 with nothing to send, \d+ sent before/);
    const counts = deliveriesPerChat();
    expect([...counts.keys()].sort()).toEqual(everyone);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);

    // A third run finds everything done.
    const third = await digestSend(env).done;
    expect(third.stdout).toContain('0 sent, 0 with nothing to send, 20 sent before');
    expect(fake.callsTo('sendMessage')).toHaveLength(MEMBERS);
  }, 60_000);

  it('two senders started at the same moment share the work: each subscriber gets one digest', async () => {
    const env = await prepare();
    const [a, b] = await Promise.all([digestSend(env).done, digestSend(env).done]);
    expect(a.code, a.stdout).toBe(0);
    expect(b.code, b.stdout).toBe(0);
    const counts = deliveriesPerChat();
    expect([...counts.keys()].sort()).toEqual(everyone);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  }, 60_000);
});
