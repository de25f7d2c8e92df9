/**
 * The weekly digest job: for the period due now (core/digest/digest-period.ts),
 * every subscription gets its digest once, through its platform's Messenger,
 * with the delivery ledger (db/sqlite-digest-ledger.ts) claimed before and
 * marked after every part. Idempotent: run it twice, after a crash, or in two
 * processes at once, and each recipient still gets one digest.
 *
 * Fan-out is a few workers per platform; the Messenger keeps to the
 * platform's rates (Telegram's sliding windows, discord.js's and the Slack
 * client's own limiters). A 429 or a network failure gives the claim back and
 * the recipient is tried again after the wait the platform asked for; a 403
 * (blocked, removed) is final: `unreachable`.
 */
import { isRelevant, latestPeriod, type DigestPeriod, type WeeklySchedule } from '../../core/digest/digest-period.ts';
import type { Claim, DigestLedger, DigestRecipient, DigestSources, DigestSubscriptions } from '../../core/digest/digest-ports.ts';
import type { DigestComposer } from '../../core/digest/compose-digest.ts';
import { PlatformError } from '../../core/delivery/platform-error.ts';
import type { Reply } from '../../core/model/reply.ts';
import type { Logger, Messenger, Translator } from '../../core/ports.ts';
import { composeFor, weekComposer, type CommandPrefixes } from './compose-for.ts';

export interface DigestJobDeps {
  schedule: WeeklySchedule;
  hubTimeZone: string;
  subscriptions: DigestSubscriptions;
  sources: DigestSources;
  ledger: DigestLedger;
  translator: Translator;
  messengers: readonly Messenger[];
  logger: Logger;
  /** How a command is typed on a platform when it is not `/name` (Slack: `/hub name`). */
  commandPrefixes?: CommandPrefixes;
  /**
   * Recipients in hand at once per platform (default 64). The Messenger's
   * limiter does the pacing; enough must be in hand that while some wait a
   * second for their own chat (a digest in two parts: Telegram allows one
   * message a second per chat), others fill the overall rate.
   */
  concurrency?: number;
  /** Tries of one recipient within a run before it is left `failed` for the next run. */
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface DigestRunResult {
  period?: string;
  /** Why nothing was done. */
  skipped?: 'not-due' | 'already-running';
  recipients: number;
  sent: number;
  empty: number;
  unreachable: number;
  failed: number;
  /** Held by another running sender. */
  busy: number;
  /** Finished by an earlier run. */
  done: number;
  /** Failed as often as the ledger allows (db/sqlite-digest-ledger.ts, MAX_ATTEMPTS): not sent this period. */
  givenUp: number;
  /** On a platform this process does not run. */
  noPlatform: number;
}

const PROGRESS_EVERY = 500;
const DEFAULT_WAIT_MS = 1_000;

export function emptyResult(period?: string): DigestRunResult {
  return { ...(period ? { period } : {}), recipients: 0, sent: 0, empty: 0, unreachable: 0, failed: 0, busy: 0, done: 0, givenUp: 0, noPlatform: 0 };
}

export class DigestJob {
  private running: Promise<DigestRunResult> | undefined;

  constructor(private readonly deps: DigestJobDeps) {}

  /** The period due at `now`, if still relevant; a run already going is not started twice in one process. */
  async run(now: Date, options: { dryRun?: boolean } = {}): Promise<DigestRunResult> {
    if (this.running) return { ...emptyResult(), skipped: 'already-running' };
    this.running = this.runOnce(now, options.dryRun === true);
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }

  private async runOnce(now: Date, dryRun: boolean): Promise<DigestRunResult> {
    const period = latestPeriod(this.deps.schedule, now);
    if (!isRelevant(period, now)) return { ...emptyResult(period.id), skipped: 'not-due' };
    // One read of the week and one digest per way of reading it, for every platform.
    const composer = await weekComposer(this.deps.sources, this.deps.translator, period.from, period.due);
    const recipients = await this.deps.subscriptions.recipients(period.due, this.deps.hubTimeZone);
    const result = { ...emptyResult(period.id), recipients: recipients.length };
    this.deps.logger.info({ period: period.id, recipients: recipients.length, dryRun }, 'digest: sending');
    const byPlatform = groupBy(recipients, (recipient) => recipient.platform);
    await Promise.all([...byPlatform].map(async ([platform, group]) => {
      const messenger = this.deps.messengers.find((candidate) => candidate.platform === platform);
      if (!messenger) {
        result.noPlatform += group.length;
        this.deps.logger.warn({ period: period.id, platform, recipients: group.length }, 'digest: platform not running here; its digests wait');
        return;
      }
      await new PlatformRun(this.deps, period, composer, messenger, result, dryRun).run(group);
    }));
    this.deps.logger.info({ ...result }, 'digest: done');
    return result;
  }
}

/** One platform's share of a period. */
class PlatformRun {
  private handled = 0;

  constructor(
    private readonly deps: DigestJobDeps,
    private readonly period: DigestPeriod,
    private readonly composer: DigestComposer,
    private readonly messenger: Messenger,
    private readonly result: DigestRunResult,
    private readonly dryRun: boolean,
  ) {}

  async run(recipients: DigestRecipient[]): Promise<void> {
    const queue = this.longestFirst(recipients);
    const workers = Array.from({ length: Math.min(this.deps.concurrency ?? 64, queue.length) }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await this.deliver(next);
    });
    await Promise.all(workers);
  }

  /**
   * Digests of several messages first. Telegram lets one message a second
   * into a chat, so a digest's second part waits a second after its first;
   * while other chats are left, others fill that second, but at the very end
   * only second parts would be left, the overall rate idle. Started first,
   * those waits fall where the single messages still fill the rate. The
   * digests are composed once per way of reading, so this costs little.
   */
  private longestFirst(recipients: readonly DigestRecipient[]): DigestRecipient[] {
    const partsOf = this.messenger.partsOf?.bind(this.messenger);
    if (!partsOf || this.dryRun) return [...recipients];
    const parts = new Map(recipients.map((recipient) => {
      const reply = this.compose(recipient);
      return [recipient, reply ? partsOf(reply) : 0] as const;
    }));
    // Stable: recipients with as many parts keep their order.
    return [...recipients].sort((a, b) => parts.get(b)! - parts.get(a)!);
  }

  private compose(recipient: DigestRecipient): Reply | undefined {
    return composeFor(this.composer, recipient, this.deps.commandPrefixes);
  }

  private async deliver(recipient: DigestRecipient): Promise<void> {
    if (this.dryRun) return this.count(this.rehearse(recipient));
    const attempts = this.deps.attempts ?? 5;
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.attempt(recipient);
      if (outcome.kind !== 'retry') return this.count(outcome.kind);
      if (attempt >= attempts) return this.count('failed');
      await (this.deps.sleep ?? sleep)(outcome.waitMs);
    }
  }

  /** A dry run: what a real run would do with `recipient` now, by the ledger as it stands; nothing is claimed or sent. */
  private rehearse(recipient: DigestRecipient): keyof DigestRunResult {
    const claim = this.deps.ledger.peek(this.period.id, recipient.key);
    if (claim.kind !== 'fresh' && claim.kind !== 'resume') return this.settled(claim, recipient);
    return (claim.kind === 'resume' && claim.replyJson) || this.compose(recipient) ? 'sent' : 'empty';
  }

  /** A claim that leaves nothing to send: how it counts. */
  private settled(claim: Exclude<Claim, { kind: 'fresh' | 'resume' }>, recipient: DigestRecipient): keyof DigestRunResult {
    if (claim.kind !== 'given-up') return claim.kind;
    this.deps.logger.warn({ period: this.period.id, platform: recipient.platform, recipient: recipient.key, attempts: claim.attempts, error: claim.error }, 'digest: given up after repeated failures, not sent this period');
    return 'givenUp';
  }

  private async attempt(recipient: DigestRecipient): Promise<{ kind: keyof DigestRunResult } | { kind: 'retry'; waitMs: number }> {
    const { ledger } = this.deps;
    const id = this.period.id;
    const claim = ledger.claim(id, recipient.key);
    if (claim.kind !== 'fresh' && claim.kind !== 'resume') return { kind: this.settled(claim, recipient) };
    const reply = claim.kind === 'resume' && claim.replyJson ? (JSON.parse(claim.replyJson) as Reply) : this.compose(recipient);
    if (!reply) {
      ledger.finish(id, recipient.key, 'empty');
      return { kind: 'empty' };
    }
    if (claim.kind === 'fresh') ledger.saveReply(id, recipient.key, JSON.stringify(reply));
    try {
      await this.messenger.send(recipient.target, reply, {
        deliveryId: `${id}/${recipient.key}`,
        skipParts: claim.kind === 'resume' ? claim.partsSent : 0,
        ...(claim.kind === 'resume' && claim.inFlight ? { unconfirmed: claim.inFlight } : {}),
        beforePart: (index) => ledger.beforePart(id, recipient.key, index),
        afterPart: (index) => ledger.afterPart(id, recipient.key, index),
      });
      ledger.finish(id, recipient.key, 'sent');
      return { kind: 'sent' };
    } catch (error) {
      return this.failed(recipient, error);
    }
  }

  private failed(recipient: DigestRecipient, error: unknown): { kind: keyof DigestRunResult } | { kind: 'retry'; waitMs: number } {
    const { ledger, logger } = this.deps;
    const id = this.period.id;
    const code = error instanceof PlatformError ? error.code : 'UNKNOWN';
    const message = error instanceof Error ? error.message : String(error);
    if (code === 'FORBIDDEN' || code === 'NOT_FOUND') {
      ledger.finish(id, recipient.key, 'unreachable', message);
      return { kind: 'unreachable' };
    }
    ledger.release(id, recipient.key, `${code}: ${message}`);
    logger.warn({ period: id, platform: recipient.platform, recipient: recipient.key, code }, 'digest: not delivered, trying again later');
    if (code === 'RATE_LIMITED' || code === 'NETWORK') return { kind: 'retry', waitMs: (error as PlatformError).retryAfterMs ?? DEFAULT_WAIT_MS };
    // A refused token or message will not change within this run: the next run tries again.
    return { kind: 'failed' };
  }

  private count(kind: keyof DigestRunResult): void {
    (this.result[kind] as number) += 1;
    this.handled += 1;
    if (this.handled % PROGRESS_EVERY === 0) {
      this.deps.logger.info({ period: this.period.id, platform: this.messenger.platform, handled: this.handled, sent: this.result.sent }, 'digest: progress');
    }
  }
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item)) ?? [];
    group.push(item);
    groups.set(key(item), group);
  }
  return groups;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
