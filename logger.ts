/**
 * The process logger: pino, JSON lines on stderr so stdout stays the chat
 * (the console adapter writes replies there). Secrets never reach it:
 * config is logged through describeConfig only.
 */
import pino from 'pino';
import type { Logger } from './core/ports.ts';

export type ProcessLogger = Logger & { level: string };

export function createLogger(level: string): ProcessLogger {
  return pino({ level, redact: ['token', '*.token', 'config.*Token'] }, pino.destination(2));
}
