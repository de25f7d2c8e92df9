/**
 * The digest delivery ledger: exactly one digest per period and recipient,
 * whatever crashes, restarts or second processes happen.
 *
 * - A sender claims a row before it sends anything (INSERT of a new row, or
 *   taking over a dead sender's, in one IMMEDIATE transaction: two processes
 *   never both hold one).
 * - Each part of the message is marked `part_in_flight` just before it is
 *   sent and counted in `parts_sent` once the platform confirmed it; the
 *   composed reply is kept in the row meanwhile, so a resumed send renders
 *   the very same parts.
 * - A claim whose owner is gone (this host, its pid no longer running or
 *   now another process's — a restarted container's process often has its
 *   crashed predecessor's pid: the recorded start time tells them apart, see
 *   process-owner.ts; or any owner silent for LEASE_MS) is resumed after
 *   its last confirmed part.
 *   A part that was in flight when its sender died is handed to the
 *   messenger with the time it was marked, to settle as its platform allows:
 *   Discord sends it again with the same nonce (Discord returns the message
 *   it already made), Slack looks for it in the DM by its metadata, and
 *   Telegram, which can tell neither, counts it as delivered — it was
 *   written to the socket right after being marked, so Telegram almost surely
 *   has it, and sending it again would be the duplicate members see.
 * - `sent`, `empty` (nothing for this recipient) and `unreachable` are final;
 *   `failed` (429 storm, network, after the run's retries) is claimed again
 *   by the next run while the period is still relevant, until MAX_ATTEMPTS
 *   claims (the first one included) have failed: then it is given up, which
 *   a claim reports as such (`given-up`), never as done.
 */
import type { Claim, DeliveryOutcome, DigestLedger } from '../core/digest/digest-ports.ts';
import type { Clock } from '../core/ports.ts';
import type { OpenDatabase } from './open-database.ts';
import { ownerIsRunning, processOwner } from './process-owner.ts';

/** A sender that has not finished a claim in this long is taken to be gone (a hung process on another host). */
export const LEASE_MS = 30 * 60 * 1000;
const FINAL = new Set(['sent', 'empty', 'unreachable']);
/** A digest the platform refused this many times (a message it will never take) is given up. */
export const MAX_ATTEMPTS = 10;

interface LedgerRow {
  status: string;
  owner: string;
  claimed_at: string;
  parts_sent: number;
  part_in_flight: number;
  reply_json: string | null;
  attempts: number;
  error: string | null;
}

export class SqliteDigestLedger implements DigestLedger {
  private readonly statements;

  constructor(
    private readonly db: OpenDatabase,
    private readonly clock: Clock,
    private readonly owner: string = processOwner(),
    private readonly isRunning: (owner: string) => boolean = ownerIsRunning,
  ) {
    const sqlite = db.sqlite;
    this.statements = {
      row: sqlite.prepare<[string, string], LedgerRow>('SELECT status, owner, claimed_at, parts_sent, part_in_flight, reply_json, attempts, error FROM digest_deliveries WHERE period = ? AND recipient_key = ?'),
      insert: sqlite.prepare("INSERT INTO digest_deliveries (period, recipient_key, status, owner, claimed_at, attempts) VALUES (?, ?, 'claimed', ?, ?, 1)"),
      take: sqlite.prepare("UPDATE digest_deliveries SET status = 'claimed', owner = ?, claimed_at = ?, attempts = attempts + 1 WHERE period = ? AND recipient_key = ?"),
      reply: sqlite.prepare('UPDATE digest_deliveries SET reply_json = ? WHERE period = ? AND recipient_key = ? AND owner = ?'),
      before: sqlite.prepare('UPDATE digest_deliveries SET part_in_flight = ?, claimed_at = ? WHERE period = ? AND recipient_key = ? AND owner = ?'),
      after: sqlite.prepare('UPDATE digest_deliveries SET parts_sent = ?, part_in_flight = -1 WHERE period = ? AND recipient_key = ? AND owner = ?'),
      finish: sqlite.prepare('UPDATE digest_deliveries SET status = ?, error = ?, finished_at = ?, part_in_flight = -1, reply_json = NULL WHERE period = ? AND recipient_key = ? AND owner = ?'),
      // The platform answered (429, 5xx): the part was not delivered, so nothing is in flight.
      release: sqlite.prepare("UPDATE digest_deliveries SET status = 'failed', part_in_flight = -1, error = ? WHERE period = ? AND recipient_key = ? AND owner = ?"),
      counts: sqlite.prepare<[string], { status: string; n: number }>('SELECT status, count(*) AS n FROM digest_deliveries WHERE period = ? GROUP BY status'),
    };
  }

  claim(period: string, recipientKey: string): Claim {
    return this.db.sqlite.transaction((): Claim => {
      const now = this.clock.now();
      const row = this.statements.row.get(period, recipientKey);
      if (!row) {
        this.statements.insert.run(period, recipientKey, this.owner, now.toISOString());
        return { kind: 'fresh' };
      }
      const found = this.judge(row, now);
      if (found.kind === 'fresh' || found.kind === 'resume') this.statements.take.run(this.owner, now.toISOString(), period, recipientKey);
      return found;
    }).immediate();
  }

  peek(period: string, recipientKey: string): Claim {
    const row = this.statements.row.get(period, recipientKey);
    return row ? this.judge(row, this.clock.now()) : { kind: 'fresh' };
  }

  /** What a claim of `row` finds at `now`; taking it over is the caller's. */
  private judge(row: LedgerRow, now: Date): Claim {
    if (FINAL.has(row.status)) return { kind: 'done' };
    // Not sent, and never will be this period: reported apart from the sent ones.
    if (row.status === 'failed' && row.attempts >= MAX_ATTEMPTS) return { kind: 'given-up', attempts: row.attempts, error: row.error ?? '' };
    // Held by a running sender (this process's other run included): theirs to finish.
    if (row.status === 'claimed' && !this.isGone(row, now)) return { kind: 'busy' };
    // The part in flight when the last sender stopped is the messenger's to settle (see above).
    const inFlight = row.part_in_flight >= row.parts_sent ? { index: row.part_in_flight, since: new Date(row.claimed_at) } : undefined;
    if (row.parts_sent === 0 && !inFlight && !row.reply_json) return { kind: 'fresh' };
    return { kind: 'resume', partsSent: row.parts_sent, ...(inFlight ? { inFlight } : {}), replyJson: row.reply_json ?? undefined };
  }

  saveReply(period: string, recipientKey: string, replyJson: string): void {
    this.statements.reply.run(replyJson, period, recipientKey, this.owner);
  }

  beforePart(period: string, recipientKey: string, index: number): void {
    this.statements.before.run(index, this.clock.now().toISOString(), period, recipientKey, this.owner);
  }

  afterPart(period: string, recipientKey: string, index: number): void {
    this.statements.after.run(index + 1, period, recipientKey, this.owner);
  }

  finish(period: string, recipientKey: string, outcome: DeliveryOutcome, error?: string): void {
    this.statements.finish.run(outcome, error ?? null, this.clock.now().toISOString(), period, recipientKey, this.owner);
  }

  release(period: string, recipientKey: string, error: string): void {
    this.statements.release.run(error, period, recipientKey, this.owner);
  }

  counts(period: string): Record<string, number> {
    return Object.fromEntries(this.statements.counts.all(period).map((row) => [row.status, row.n]));
  }

  private isGone(row: LedgerRow, now: Date): boolean {
    return !this.isRunning(row.owner) || now.getTime() - new Date(row.claimed_at).getTime() > LEASE_MS;
  }
}
