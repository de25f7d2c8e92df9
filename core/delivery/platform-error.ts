/**
 * The one error core sees from any platform. Adapters map their library's
 * errors (HTTP status, platform error codes) to these codes at the boundary,
 * so core can decide without knowing which platform said no.
 */
import type { PlatformName } from '../model/incoming.ts';

export type PlatformErrorCode =
  /** Too many requests; `retryAfterMs` says how long the platform asked to wait. */
  | 'RATE_LIMITED'
  /** The bot's credentials were refused (bad or revoked token). */
  | 'AUTH'
  /** The target will not take messages from the bot (blocked, kicked, DMs closed). */
  | 'FORBIDDEN'
  /** The chat, channel or message does not exist (any more). */
  | 'NOT_FOUND'
  /** The platform rejected the request itself (too long, bad markup). */
  | 'INVALID'
  /** The platform could not be reached or answered with a server error. */
  | 'NETWORK';

export class PlatformError extends Error {
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly platform: PlatformName,
    readonly code: PlatformErrorCode,
    message: string,
    options: { retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'PlatformError';
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * What may be logged of a failed send to a person: the neutral code, never
 * the error's message (it names the chat, that is the person's id) — for
 * sends to an asker, who may be anonymous.
 */
export function failureCode(error: unknown): PlatformErrorCode | 'UNKNOWN' {
  return error instanceof PlatformError ? error.code : 'UNKNOWN';
}
