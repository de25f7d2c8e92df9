/** A logger that keeps every line, for tests that check what was reported. */
import type { Logger } from '../../core/ports.ts';

export type LogLine = { level: string; message: string; details: object };

export function recordingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const record = (level: string) => (details: object, message: string) => void lines.push({ level, message, details });
  return { logger: { info: record('info'), warn: record('warn'), error: record('error') }, lines };
}
