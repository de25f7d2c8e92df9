/**
 * Files a reply carries (a member's /mydata export), for the console: there
 * is no chat to attach them to, so they are written into a folder beside
 * the database, readable by the terminal's user only, and the chat prints
 * where. /forget deletes them with the rest (ConsoleExportFiles).
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MYDATA_FILE_PREFIX } from '../../core/commands/mydata.ts';
import type { PlatformName } from '../../core/model/incoming.ts';
import type { Attachment } from '../../core/model/reply.ts';
import type { MemberFiles } from '../../core/ports.ts';
import { CONSOLE_USER_ID } from './inbound.ts';

/** The console's folder for files: `exports/` beside the database, so the member's data stays where the rest of it is. */
export function consoleFilesFolder(databasePath: string): string {
  return join(dirname(databasePath), 'exports');
}

/** Writes the file into `folder` (created if needed) and returns its path. */
export function saveConsoleAttachment(folder: string, attachment: Attachment): string {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  // The name is core's, but a path never comes from a reply.
  const path = join(folder, basename(attachment.filename));
  writeFileSync(path, attachment.content, { encoding: 'utf8', mode: 0o600 });
  return path;
}

/**
 * The console's /mydata files, erased when the member behind the console
 * account is: the console has one account (`local`), so every export in
 * the folder is theirs — whichever platform they send /forget from. Other
 * files someone put there are left alone.
 */
export class ConsoleExportFiles implements MemberFiles {
  constructor(private readonly folder: string) {}

  async erase(accounts: ReadonlyArray<{ platform: PlatformName; userId: string }>): Promise<number> {
    if (!accounts.some((account) => account.platform === 'console' && account.userId === CONSOLE_USER_ID)) return 0;
    const exports = this.files().filter((name) => name.startsWith(MYDATA_FILE_PREFIX));
    for (const name of exports) rmSync(join(this.folder, name), { force: true });
    return exports.length;
  }

  private files(): string[] {
    try {
      return readdirSync(this.folder);
    } catch (error) {
      // Nothing was ever exported here.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }
}
