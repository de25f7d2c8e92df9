/**
 * `cphub digest preview --member` as an operator runs it, the real CLI in a
 * child process: it must print what the next send delivers to that member —
 * the language of the account it goes to, commands as typed on that
 * platform, the period the next send is for — and the send must agree.
 */
import { describe, expect, it } from 'vitest';
import { digestScheduleOf } from '../../cli/digest-command.ts';
import { loadConfig } from '../../config.ts';
import { latestPeriod, nextPeriod } from '../../core/digest/digest-period.ts';
import { openDatabase } from '../../db/open-database.ts';
import { createSqliteServices } from '../../db/sqlite-services.ts';
import { digestSandbox, prepareDigestHub } from '../support/digest-process.ts';
import { runCphub } from '../support/run-cphub.ts';

const sandbox = digestSandbox('cphub-digest-preview-');

const periodsOf = (env: Record<string, string>) => {
  const schedule = digestScheduleOf(loadConfig(env));
  return { due: latestPeriod(schedule, new Date()).id, next: nextPeriod(schedule, new Date()).id };
};

/** Runs `change` over the prepared hub's services (the CLI is not running meanwhile). */
async function withServices<T>(env: Record<string, string>, change: (services: ReturnType<typeof createSqliteServices>) => Promise<T>): Promise<T> {
  const db = openDatabase(env.CPHUB_DB!);
  try {
    return await change(createSqliteServices(db, { now: () => new Date() }));
  } finally {
    db.close();
  }
}

describe('cphub digest preview --member', () => {
  it('writes in the language of the account the digest goes to (its /lang), as the send does, then shows the next period once it was sent', async () => {
    const env = await prepareDigestHub(sandbox.dir, 'telegram', ['7501'], { TELEGRAM_BOT_TOKEN: sandbox.fake.token, TELEGRAM_API_ROOT: sandbox.fake.url });
    // The member's language is English; on this account they chose Albanian with /lang.
    const memberId = await withServices(env, async (services) => {
      await services.settings.setLanguage('telegram', '7501', 'sq');
      return (await services.members.findByAccount('telegram', '7501'))!.id;
    });
    const { due, next } = periodsOf(env);
    const shown = await runCphub(env, 'digest', 'preview', '--member', memberId);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(`Digest ${due} for ${memberId}, to telegram 7501 in sq (Europe/Belgrade):`);
    expect(shown.stdout).toContain('Përmbledhja juaj javore');
    expect(shown.stdout).toContain('A new helpline for children');
    expect(shown.stdout).not.toContain('Your weekly digest');

    const sent = await runCphub(env, 'digest', 'send');
    expect(sent.code, sent.stderr).toBe(0);
    const delivered = sandbox.fake.callsTo('sendMessage').map((call) => String(call.params.text));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toContain('Përmbledhja juaj javore');
    expect(delivered[0]).toContain('A new helpline for children');

    // This period's went out: the next send is next week's, shown as its week stands (nothing yet).
    const after = await runCphub(env, 'digest', 'preview', '--member', 'telegram:7501');
    expect(after.stdout).toMatch(new RegExp(`^Digest ${next} so far \\(due [^)]+\\) for telegram:7501, to telegram 7501 in sq`));
    expect(after.stdout).toContain('(nothing to send: no item matches)');
  });

  it('types commands as a Slack member does (/hub …), not /…', async () => {
    const env = await prepareDigestHub(sandbox.dir, 'slack', ['U0PREVIEW1'], {});
    const shown = await runCphub(env, 'digest', 'preview', '--member', 'slack:U0PREVIEW1');
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(`Digest ${periodsOf(env).due} for slack:U0PREVIEW1, to slack `);
    expect(shown.stdout).toContain('/hub subscribe');
    expect(shown.stdout).toContain('/hub unsubscribe');
    expect(shown.stdout).not.toMatch(/(^|\s)\/(subscribe|unsubscribe|news)\b/m);
  });

  it('says when the member receives no digest', async () => {
    const env = await prepareDigestHub(sandbox.dir, 'telegram', ['7601'], {});
    await withServices(env, async (services) => {
      const member = (await services.members.findByAccount('telegram', '7601'))!;
      expect(await services.subscriptions.unsubscribe(`member:${member.id}`)).toBe(true);
    });
    const shown = await runCphub(env, 'digest', 'preview', '--member', 'telegram:7601');
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toBe(`Digest ${periodsOf(env).next} for telegram:7601: none, not subscribed.\n`);
  });

  it('finds the member by the short id /profile shows, and says clearly when no member has it', async () => {
    const env = await prepareDigestHub(sandbox.dir, 'telegram', ['7701'], {});
    const memberId = await withServices(env, async (services) => (await services.members.findByAccount('telegram', '7701'))!.id);
    const short = memberId.slice(0, 8);
    const shown = await runCphub(env, 'digest', 'preview', '--member', short);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(`for ${short}, to telegram 7701 in en`);
    const missing = await runCphub(env, 'digest', 'preview', '--member', 'zzzzzzzz');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('cphub: I can\'t find the member “zzzzzzzz”. Name a member by their member id (their profile shows it, and so do the moderators\' lists), by their account such as telegram:123456789, or answer their message with the command.\n');
  });
});
