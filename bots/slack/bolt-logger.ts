/**
 * Bolt's and the Socket Mode client's log lines through cphub's logger, so
 * stderr stays JSON (Bolt's own logger prints plain text). Only warnings and
 * errors are passed on: Bolt's info and debug lines are its internals.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/ports.ts';

export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.WARN;
  const text = (parts: unknown[]) => parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' ');
  return {
    debug: () => {},
    info: () => {},
    warn: (...parts: unknown[]) => logger.warn({ platform: 'slack' }, `slack: ${text(parts)}`),
    error: (...parts: unknown[]) => logger.error({ platform: 'slack' }, `slack: ${text(parts)}`),
    setLevel: (next: LogLevel) => void (level = next),
    getLevel: () => level,
    setName: () => {},
  };
}
