/**
 * Files a reply carries (a member's /mydata export), for the console: there
 * is no chat to attach them to, so they are written into a folder beside
 * the database, readable by the terminal's user only, and the chat prints
 * where.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Attachment } from '../../core/model/reply.ts';

/** Writes the file into `folder` (created if needed) and returns its path. */
export function saveConsoleAttachment(folder: string, attachment: Attachment): string {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  // The name is core's, but a path never comes from a reply.
  const path = join(folder, basename(attachment.filename));
  writeFileSync(path, attachment.content, { encoding: 'utf8', mode: 0o600 });
  return path;
}
