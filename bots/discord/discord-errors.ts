/**
 * discord.js's errors → the neutral `PlatformError`. `DiscordAPIError` is
 * "Discord said no" (HTTP status and a JSON error code), `HTTPError` a
 * server error without a body, `RateLimitError` a 429 discord.js was told not
 * to wait out. https://discord.com/developers/docs/topics/opcodes-and-status-codes#json
 */
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { PlatformError, type PlatformErrorCode } from '../../core/delivery/platform-error.ts';

/** JSON codes that say the target will never take the message: DMs closed, no access, unknown channel or user. */
const UNREACHABLE_CODES = new Set([50007, 50001, 50013, 10003, 10013]);

export function toPlatformError(error: unknown): PlatformError {
  if (error instanceof PlatformError) return error;
  if (error instanceof RateLimitError) {
    return new PlatformError('discord', 'RATE_LIMITED', error.message, { cause: error, retryAfterMs: error.retryAfter });
  }
  if (error instanceof DiscordAPIError) {
    return new PlatformError('discord', codeOf(error.status, Number(error.code)), `${error.method} ${error.url}: ${error.message}`, { cause: error });
  }
  // login() with a token Discord refuses (its own error code, not an HTTP one).
  if ((error as { code?: unknown } | undefined)?.code === 'TokenInvalid') {
    return new PlatformError('discord', 'AUTH', (error as Error).message, { cause: error });
  }
  if (error instanceof HTTPError) return new PlatformError('discord', error.status >= 500 ? 'NETWORK' : 'INVALID', error.message, { cause: error });
  return new PlatformError('discord', 'NETWORK', error instanceof Error ? error.message : String(error), { cause: error });
}

function codeOf(status: number, code: number): PlatformErrorCode {
  if (status === 429) return 'RATE_LIMITED';
  if (status === 401) return 'AUTH';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status >= 500) return 'NETWORK';
  return UNREACHABLE_CODES.has(code) ? 'FORBIDDEN' : 'INVALID';
}

