/**
 * grammY's errors → the neutral `PlatformError`. grammY separates "Telegram
 * said no" (`GrammyError`, with Telegram's `error_code`, `description` and
 * `parameters`) from "Telegram could not be reached" (`HttpError`).
 * https://core.telegram.org/bots/api#making-requests
 */
import { GrammyError, HttpError } from 'grammy';
import { PlatformError, type PlatformErrorCode } from '../../core/delivery/platform-error.ts';

export function toPlatformError(error: unknown): PlatformError {
  if (error instanceof PlatformError) return error;
  if (error instanceof GrammyError) {
    const retryAfter = error.parameters.retry_after;
    return new PlatformError('telegram', codeOf(error), `${error.method}: ${error.description}`, {
      cause: error,
      ...(retryAfter !== undefined ? { retryAfterMs: retryAfter * 1000 } : {}),
    });
  }
  const message = error instanceof HttpError ? error.message : String(error);
  return new PlatformError('telegram', 'NETWORK', message, { cause: error });
}

function codeOf(error: GrammyError): PlatformErrorCode {
  const code = error.error_code;
  if (code === 429) return 'RATE_LIMITED';
  if (code === 401) return 'AUTH';
  if (code === 403) return 'FORBIDDEN';
  if (code === 404 || isChatGone(error)) return 'NOT_FOUND';
  if (code >= 500) return 'NETWORK';
  return 'INVALID';
}

/** "Bad Request: chat not found" is a 400, but it means the chat is gone. */
function isChatGone(error: GrammyError): boolean {
  return error.error_code === 400 && /chat not found|group chat was deleted/i.test(error.description);
}

/** Telegram refused the HTML: "Bad Request: can't parse entities: …". */
export function isEntityParseError(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 400 && /can't parse entities|unsupported start tag/i.test(error.description);
}

/** "Bad Request: group chat was upgraded to a supergroup chat" carries the new id. */
export function migratedChatId(error: unknown): number | undefined {
  return error instanceof GrammyError ? error.parameters.migrate_to_chat_id : undefined;
}

/** An edit that changes nothing is not a failure. */
export function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && /message is not modified/i.test(error.description);
}
