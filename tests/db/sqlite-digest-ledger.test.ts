/**
 * Whose claim the digest ledger takes over: a crashed sender's, recognised
 * by its pid being gone or — a restarted process in a container often gets
 * the same pid — by its recorded start time differing from the start of the
 * process that now has that pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open-database.ts';
import { processOwner, processStart } from '../../db/process-owner.ts';
import { LEASE_MS, SqliteDigestLedger } from '../../db/sqlite-digest-ledger.ts';

const PERIOD = '2026-W13';
const KEY = 'member:m-1';
const REPLY = '{"blocks":[],"buttons":[]}';

let now = new Date('2026-03-23T08:00:00Z');
const clock = { now: () => now };
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
  now = new Date('2026-03-23T08:00:00Z');
});

/** A sender `owner` that claimed the digest, had its first part confirmed and the second on its way, then stopped. */
function crashedClaim(owner: string) {
  const db = openDatabase(':memory:');
  const crashed = new SqliteDigestLedger(db, clock, owner);
  expect(crashed.claim(PERIOD, KEY)).toEqual({ kind: 'fresh' });
  crashed.saveReply(PERIOD, KEY, REPLY);
  crashed.beforePart(PERIOD, KEY, 0);
  crashed.afterPart(PERIOD, KEY, 0);
  crashed.beforePart(PERIOD, KEY, 1);
  now = new Date(now.getTime() + 60_000);
  // This process, restarted: the ledger as `cphub start` builds it.
  return new SqliteDigestLedger(db, clock);
}

const resumed = { kind: 'resume', partsSent: 1, inFlight: { index: 1, since: new Date('2026-03-23T08:00:00Z') }, replyJson: REPLY };

/** A process of this host that keeps running, and its kernel start time. */
async function liveProcess(): Promise<{ pid: number; start: string }> {
  child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await once(child, 'spawn');
  const start = processStart(child.pid!);
  expect(start).toMatch(/^\d+$/);
  return { pid: child.pid!, start: start! };
}

describe('the digest ledger takes over a crashed sender\'s claim', () => {
  it('at once when the claim is this pid\'s but from an earlier start (a restarted container process)', () => {
    const [host, pid] = processOwner().split(':');
    expect(pid).toBe(String(process.pid));
    const ledger = crashedClaim(`${host}:${pid}:1`);
    expect(ledger.claim(PERIOD, KEY)).toEqual(resumed);
  });

  it('never while this very process holds it (another run of it)', () => {
    const ledger = crashedClaim(processOwner());
    expect(ledger.claim(PERIOD, KEY)).toEqual({ kind: 'busy' });
  });

  it('when another pid of this host now belongs to a different process than the one that claimed', async () => {
    const { pid, start } = await liveProcess();
    const ledger = crashedClaim(`${hostname()}:${pid}:${Number(start) - 100}`);
    expect(ledger.claim(PERIOD, KEY)).toEqual(resumed);
  });

  it('not while the process that claimed still runs; once it is gone, yes', async () => {
    const { pid, start } = await liveProcess();
    const ledger = crashedClaim(`${hostname()}:${pid}:${start}`);
    expect(ledger.claim(PERIOD, KEY)).toEqual({ kind: 'busy' });
    child!.kill('SIGKILL');
    await once(child!, 'exit');
    expect(ledger.claim(PERIOD, KEY)).toEqual(resumed);
  });

  it('on another host only after the lease: its processes cannot be seen from here', () => {
    const ledger = crashedClaim(`elsewhere.example:${process.pid}:1`);
    expect(ledger.claim(PERIOD, KEY)).toEqual({ kind: 'busy' });
    now = new Date(now.getTime() + LEASE_MS);
    expect(ledger.claim(PERIOD, KEY)).toEqual(resumed);
  });
});
