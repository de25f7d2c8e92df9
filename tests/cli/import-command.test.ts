import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open-database.ts';

const REPO = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cphub-import-cli-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** `cphub import <file>` as an admin runs it; a failing exit code is data here. */
async function cphubImport(file: string, database: string) {
  const env = { ...process.env, CPHUB_DB: join(dir, database), LOG_LEVEL: undefined };
  try {
    const { stdout, stderr } = await run('node', ['bin/cphub.js', 'import', file], { cwd: REPO, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function countDocuments(database: string): number {
  const db = openDatabase(join(dir, database));
  try {
    return (db.sqlite.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('cphub import', () => {
  it('imports a content file (its records have a kind), all or nothing, with line-numbered problems', async () => {
    const good = join(dir, 'content.jsonl');
    writeFileSync(good, [
      JSON.stringify({ id: 'c-1', kind: 'news', title: 'New helpline', language: 'sq', country: 'AL' }),
      JSON.stringify({ id: 'c-2', kind: 'training', title: 'Case work', language: 'en', start: '2026-05-04T09:00', time_zone: 'Europe/Skopje' }),
    ].join('\n'));
    const first = await cphubImport(good, 'content.db');
    expect(first).toMatchObject({ code: 0, stdout: `Imported 2 content items from ${good}: 2 added, 0 updated, 0 unchanged.\n` });
    const bad = join(dir, 'content-bad.csv');
    writeFileSync(bad, 'id,kind,title,language,start\nc-3,webinar,No start,en,\nc-4,news,Fine,en,\n');
    const second = await cphubImport(bad, 'content.db');
    expect(second.code).toBe(1);
    expect(second.stdout).toContain('line 2: start: missing');
    const db = openDatabase(join(dir, 'content.db'));
    try {
      expect(db.sqlite.prepare('SELECT id FROM content_items ORDER BY id').all()).toEqual([{ id: 'c-1' }, { id: 'c-2' }]);
      expect((db.sqlite.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(0);
    } finally {
      db.close();
    }
  });

  it('imports the sample library, then finds nothing to change on a second run', async () => {
    const first = await cphubImport('data/library/sample-library.jsonl', 'sample.db');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe('Imported 71 rows from data/library/sample-library.jsonl: 71 added, 0 updated, 0 unchanged.\n');
    const second = await cphubImport('data/library/sample-library.jsonl', 'sample.db');
    expect(second.stdout).toContain('0 added, 0 updated, 71 unchanged.');
    expect(countDocuments('sample.db')).toBe(71);
  });

  it('imports nothing from a file with bad rows, naming their lines, and exits with 1', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, [
      'id,title,language,year,country',
      'b-1,Good,en,2020,RS',
      'b-2,Bad year,en,abc,RS',
      'b-3,"Multi',
      'line",en,2020,RS',
      'b-4,Bad country,en,2020,Serbia',
    ].join('\n'));
    const result = await cphubImport(file, 'bad.db');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe([
      `Nothing was imported: 2 problems in ${file}`,
      '  line 3: year: expected a whole number, got "abc"',
      '  line 6: country: "Serbia" is not an ISO 3166 alpha-2 country code (such as "RS", or "XK" for Kosovo)',
      '',
    ].join('\n'));
    expect(countDocuments('bad.db')).toBe(0);
  });

  it('says so on stderr and exits with 2 when the file is missing', async () => {
    const result = await cphubImport(join(dir, 'missing.jsonl'), 'missing.db');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`cphub import: ${join(dir, 'missing.jsonl')}: no such file\n`);
  });
});
