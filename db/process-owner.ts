/**
 * Who holds a claim in the digest ledger, and whether that process still
 * runs: `host:pid:start`. A pid alone is not enough. A process restarted in
 * a container usually gets the pid its crashed predecessor had (the same
 * entry point starts first in a fresh pid namespace), so "is that pid
 * alive?" would answer yes — it is us — and the crashed process's claims
 * would look busy until their lease ran out. The start time tells the two
 * apart: a claim whose recorded start differs from the start of the process
 * now running under that pid is stale.
 *
 * The start is the kernel's (`/proc/<pid>/stat`, field 22: clock ticks
 * after boot, https://man7.org/linux/man-pages/man5/proc_pid_stat.5.html),
 * which can be read for any pid of the host; where there is no /proc, this
 * process's own start (`performance.timeOrigin`), which can be compared for
 * this pid only.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** The kernel's start time of process `pid` (ticks after boot), or undefined without /proc or when it is gone. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'; field 3 is the first after it.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[22 - 3];
  } catch {
    return undefined;
  }
}

const OWN_START = processStart(process.pid) ?? `t${Math.round(performance.timeOrigin)}`;

export function processOwner(): string {
  return `${hostname()}:${process.pid}:${OWN_START}`;
}

/** True unless the owner is a process of this host that no longer runs (its pid gone, or now another process's). */
export function ownerIsRunning(owner: string): boolean {
  const [host, pidText, start] = owner.split(':');
  if (host !== hostname() || !pidText) return true;
  const pid = Number(pidText);
  if (pid === process.pid) return start === undefined || start === OWN_START;
  if (!isAlive(pid)) return false;
  const liveStart = processStart(pid);
  return start === undefined || liveStart === undefined || liveStart === start;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
