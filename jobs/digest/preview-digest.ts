/**
 * What the next send delivers, for `cphub digest preview`: composed by the
 * job's own code (compose-for.ts) from the subscription row the job reads —
 * the account it goes to, that account's language, the member's zone and
 * filters, commands as typed on that platform — over the same week.
 *
 * The period is the one due now while this recipient's digest of it is
 * still to be sent (a digest a crashed sender left half-sent: the stored
 * one). Once it went out (or was given up), when the recipient subscribed
 * after it was due, or when it is past its time, the next send is the next
 * period's: shown as its week stands so far.
 */
import { isRelevant, latestPeriod, nextPeriod, type DigestPeriod } from '../../core/digest/digest-period.ts';
import type { Claim, DigestRecipient } from '../../core/digest/digest-ports.ts';
import type { Reply } from '../../core/model/reply.ts';
import { composeFor, weekComposer, type DigestReaderOf } from './compose-for.ts';
import type { DigestJobDeps } from './send-digests.ts';

export type DigestPreviewDeps = Pick<DigestJobDeps, 'schedule' | 'hubTimeZone' | 'subscriptions' | 'sources' | 'ledger' | 'translator' | 'commandPrefixes'>;

export interface DigestPreview {
  period: DigestPeriod;
  /** The period is not due yet: its week so far. */
  soFar: boolean;
  /** Undefined: this key receives no digest (not subscribed, or not an active member with an account). */
  recipient?: DigestRecipient;
  /** `busy`: another process is sending it now; `resume`: a crashed sender's, to be finished. */
  claim?: Claim['kind'];
  /** Undefined: nothing in the week for this reader, so nothing is sent. */
  reply?: Reply;
}

/** The next digest `recipientKey` receives. */
export async function previewRecipient(deps: DigestPreviewDeps, recipientKey: string, now: Date): Promise<DigestPreview> {
  const latest = latestPeriod(deps.schedule, now);
  if (isRelevant(latest, now)) {
    const recipient = await deps.subscriptions.recipient(recipientKey, latest.due, deps.hubTimeZone);
    const claim = recipient ? deps.ledger.peek(latest.id, recipientKey) : undefined;
    if (recipient && claim && claim.kind !== 'done' && claim.kind !== 'given-up') {
      const stored = claim.kind === 'resume' && claim.replyJson ? (JSON.parse(claim.replyJson) as Reply) : undefined;
      const reply = stored ?? composeFor(await weekComposer(deps.sources, deps.translator, latest.from, latest.due), recipient, deps.commandPrefixes);
      return { period: latest, soFar: false, recipient, claim: claim.kind, ...(reply ? { reply } : {}) };
    }
  }
  const next = nextPeriod(deps.schedule, now);
  const recipient = await deps.subscriptions.recipient(recipientKey, next.due, deps.hubTimeZone);
  if (!recipient) return { period: next, soFar: true };
  const reply = composeFor(await weekComposer(deps.sources, deps.translator, latest.due, now), recipient, deps.commandPrefixes);
  return { period: next, soFar: true, recipient, ...(reply ? { reply } : {}) };
}

/** The digest due now (or, past its time, the next one so far) for a reader who is no one in particular. */
export async function previewReader(deps: DigestPreviewDeps, reader: DigestReaderOf, now: Date): Promise<Omit<DigestPreview, 'recipient' | 'claim'>> {
  const latest = latestPeriod(deps.schedule, now);
  const soFar = !isRelevant(latest, now);
  const [period, from, to] = soFar ? [nextPeriod(deps.schedule, now), latest.due, now] : [latest, latest.from, latest.due];
  const reply = composeFor(await weekComposer(deps.sources, deps.translator, from, to), reader, deps.commandPrefixes);
  return { period, soFar, ...(reply ? { reply } : {}) };
}
