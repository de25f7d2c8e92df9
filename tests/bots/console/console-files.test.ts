/**
 * The console's /mydata files and /forget: the files are the console
 * account's, so they go when the member behind that account is erased —
 * from whichever platform — and stay when someone else is.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleExportFiles, saveConsoleAttachment } from '../../../bots/console/console-files.ts';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function exportsFolder(): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'cphub-files-')), 'exports');
  folders.push(folder);
  for (const day of ['2026-03-14', '2026-03-15']) saveConsoleAttachment(folder, { filename: `cphub-mydata-${day}.json`, mimeType: 'application/json', content: '{}' });
  return folder;
}

describe('ConsoleExportFiles', () => {
  it('erases every export when the console account is among the erased ones, whichever platform /forget came from', async () => {
    const folder = exportsFolder();
    expect(await new ConsoleExportFiles(folder).erase([{ platform: 'telegram', userId: '42' }, { platform: 'console', userId: 'local' }])).toBe(2);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('leaves them when the member erased has no console account, and copes with no folder at all', async () => {
    const folder = exportsFolder();
    expect(await new ConsoleExportFiles(folder).erase([{ platform: 'telegram', userId: '42' }])).toBe(0);
    expect(readdirSync(folder)).toHaveLength(2);
    expect(await new ConsoleExportFiles(join(folder, 'missing')).erase([{ platform: 'console', userId: 'local' }])).toBe(0);
  });
});
