/**
 * A digest part's Discord nonce: the same for every try of the same part of
 * the same delivery, so a sender that resumes a dead one's delivery can send
 * the part that was on its way again — Discord returns the message it already
 * created instead of a second one (`enforce_nonce`, see limits.ts).
 */
import { createHash } from 'node:crypto';
import { NONCE_MAX_LENGTH, NONCE_WINDOW_MS } from './limits.ts';

export function digestNonce(deliveryId: string, part: number): string {
  return createHash('sha256').update(`${deliveryId}#${part}`).digest('base64url').slice(0, NONCE_MAX_LENGTH);
}

/** An unconfirmed part is sent again while Discord still remembers its nonce; after that it counts as delivered (a resend could be a duplicate). */
export function nonceExpired(since: Date, now = Date.now()): boolean {
  return now - since.getTime() > NONCE_WINDOW_MS;
}
