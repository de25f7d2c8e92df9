/**
 * `cphub digest send` as an operator runs it, the real CLI in a child
 * process over a prepared database and the fake Bot API: what it prints and
 * what Telegram receives.
 */
import { describe, expect, it } from 'vitest';
import { digestScheduleOf } from '../../cli/digest-command.ts';
import { loadConfig } from '../../config.ts';
import { latestPeriod } from '../../core/digest/digest-period.ts';
import { openDatabase } from '../../db/open-database.ts';
import { createSqliteServices } from '../../db/sqlite-services.ts';
import { MAX_ATTEMPTS } from '../../db/sqlite-digest-ledger.ts';
import { digestSandbox, prepareDigestHub } from '../support/digest-process.ts';
import { runCphub } from '../support/run-cphub.ts';

const sandbox = digestSandbox('cphub-digest-send-');

const prepare = (userIds: string[]) => prepareDigestHub(sandbox.dir, 'telegram', userIds, { TELEGRAM_BOT_TOKEN: sandbox.fake.token, TELEGRAM_API_ROOT: sandbox.fake.url });
const ledgerRowCount = (env: Record<string, string>) => {
  const db = openDatabase(env.CPHUB_DB!);
  const { n } = db.sqlite.prepare('SELECT count(*) AS n FROM digest_deliveries').get() as { n: number };
  db.close();
  return n;
};
const chatsSentTo = () => sandbox.fake.callsTo('sendMessage').map((call) => String(call.params.chat_id));

/** The ledger row of `userId`'s digest this period, as a run leaves it after MAX_ATTEMPTS refusals. */
async function givenUpBefore(env: Record<string, string>, userId: string): Promise<void> {
  const period = latestPeriod(digestScheduleOf(loadConfig(env)), new Date()).id;
  const db = openDatabase(env.CPHUB_DB!);
  const member = await createSqliteServices(db, { now: () => new Date() }).members.findByAccount('telegram', userId);
  db.sqlite.prepare("INSERT INTO digest_deliveries (period, recipient_key, status, owner, claimed_at, attempts, error) VALUES (?, ?, 'failed', 'gone:1:1', ?, ?, 'INVALID: message is too long')")
    .run(period, `member:${member!.id}`, new Date().toISOString(), MAX_ATTEMPTS);
  db.close();
}

describe('cphub digest send', () => {
  it('reports a digest given up after the ledger\'s attempts as given up, not as sent before (with --dry-run too), and does not send it', async () => {
    const env = await prepare(['7101', '7102']);
    await givenUpBefore(env, '7101');
    const rehearsal = await runCphub(env, 'digest', 'send', '--dry-run');
    expect(rehearsal.stdout).toMatch(/\(dry run\): 2 recipients — 1 would send, 0 with nothing to send, 0 sent before, 0 unreachable, 0 failed \(tried again next run\), 1 given up after 10 attempts, /);
    expect(chatsSentTo()).toEqual([]);
    const result = await runCphub(env, 'digest', 'send');
    // Something was not delivered: an operator's script sees a failure.
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/: 2 recipients — 1 sent, 0 with nothing to send, 0 sent before, 0 unreachable, 0 failed \(tried again next run\), 1 given up after 10 attempts, /);
    expect(chatsSentTo()).toEqual(['7102']);
  });

  it('--dry-run counts what a send would do by the ledger: all to send before, all sent before after a real send; it sends and records nothing', async () => {
    const env = await prepare(['7401', '7402']);
    const period = latestPeriod(digestScheduleOf(loadConfig(env)), new Date()).id;
    const before = await runCphub(env, 'digest', 'send', '--dry-run');
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).toContain(`Digest ${period} (dry run): 2 recipients — 2 would send, 0 with nothing to send, 0 sent before, 0 unreachable, 0 failed (tried again next run), 0 given up after 10 attempts, 0 being sent by another process, 0 on platforms not configured here.`);
    expect(chatsSentTo()).toEqual([]);
    expect(ledgerRowCount(env)).toBe(0);

    const sent = await runCphub(env, 'digest', 'send');
    expect(sent.stdout).toContain(`Digest ${period}: 2 recipients — 2 sent, 0 with nothing to send, 0 sent before`);
    expect(chatsSentTo().sort()).toEqual(['7401', '7402']);

    const after = await runCphub(env, 'digest', 'send', '--dry-run');
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toContain(`Digest ${period} (dry run): 2 recipients — 0 would send, 0 with nothing to send, 2 sent before, 0 unreachable`);
    expect(chatsSentTo()).toHaveLength(2);
  });
});
