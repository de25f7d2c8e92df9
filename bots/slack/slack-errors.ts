/**
 * @slack/web-api's errors → the neutral `PlatformError`. Slack answers most
 * refusals with HTTP 200 and `{ ok: false, error: '<code>' }`
 * (`slack_webapi_platform_error`); a 429 is retried by the client itself
 * after `Retry-After` unless it was told not to.
 * https://api.slack.com/web#errors, https://tools.slack.dev/node-slack-sdk/web-api#handle-errors
 */
import { PlatformError, type PlatformErrorCode } from '../../core/delivery/platform-error.ts';

/** The target will never take the message: stop sending there. */
const UNREACHABLE = new Set(['not_in_channel', 'channel_not_found', 'account_inactive', 'is_archived', 'user_not_found', 'cannot_dm_bot', 'user_disabled']);
const AUTH = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive_token']);

interface WebApiError {
  code?: string;
  data?: { error?: string };
  statusCode?: number;
  retryAfter?: number;
  message?: string;
}

export function toPlatformError(error: unknown): PlatformError {
  if (error instanceof PlatformError) return error;
  const details = (error ?? {}) as WebApiError;
  const message = details.data?.error ?? details.message ?? String(error);
  return new PlatformError('slack', codeOf(details), message, {
    cause: error,
    ...(details.retryAfter !== undefined ? { retryAfterMs: details.retryAfter * 1000 } : {}),
  });
}

function codeOf(error: WebApiError): PlatformErrorCode {
  switch (error.code) {
    case 'slack_webapi_rate_limited_error':
      return 'RATE_LIMITED';
    case 'slack_webapi_platform_error': {
      const reason = error.data?.error ?? '';
      if (UNREACHABLE.has(reason)) return 'FORBIDDEN';
      if (AUTH.has(reason)) return 'AUTH';
      return 'INVALID';
    }
    case 'slack_webapi_http_error':
      return (error.statusCode ?? 500) >= 500 ? 'NETWORK' : 'INVALID';
    default:
      return 'NETWORK';
  }
}

