import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open-database.ts';
import { SqliteDocumentStore } from '../../db/sqlite-document-store.ts';
import { importLibraryFile, LibraryFileError, MAX_REPORTED_PROBLEMS } from '../../library/import-library.ts';

const SAMPLE = join(import.meta.dirname, '..', '..', 'data', 'library', 'sample-library.jsonl');
const FIRST_RUN = new Date('2025-03-01T10:00:00Z');
const SECOND_RUN = new Date('2025-04-01T10:00:00Z');

const RECORDS = [
  { id: 'a-1', title: 'Izveštaj', summary: 'Sažetak', language: 'sr-Cyrl', country: 'rs', type: ' Report ',
    topics: ['violence and abuse', 'health'], publisher: 'UNICEF', year: 2017, url: 'https://example.org/a-1' },
  { id: 'a-2', title: 'Smjernice', language: 'cnr', country: 'ME', type: 'Guideline', topics: 'justice; police', year: '2020' },
  { id: 'a-3', title: 'Priručnik', body: 'Cijeli tekst', language: 'hr', country: '', topics: [], year: null },
];

let db: OpenDatabase;
let store: SqliteDocumentStore;
let dir: string;

beforeEach(() => {
  db = openDatabase(':memory:');
  store = new SqliteDocumentStore(db);
  dir = mkdtempSync(join(tmpdir(), 'cphub-import-'));
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const jsonl = (records: unknown[]) => records.map((record) => JSON.stringify(record)).join('\n') + '\n';
const updatedAt = (id: string) =>
  (db.sqlite.prepare('SELECT updated_at FROM documents WHERE id = ?').get(id) as { updated_at: string }).updated_at;

describe('importLibraryFile, JSON Lines', () => {
  it('lands every row with its fields, topics and language group', async () => {
    const path = write('lib.jsonl', jsonl(RECORDS));
    const report = await importLibraryFile(path, store, { now: FIRST_RUN });
    expect(report).toMatchObject({ path, format: 'jsonl', rows: 3, added: 3, updated: 0, unchanged: 0, problems: [] });
    expect(await store.findById('a-1')).toEqual({
      id: 'a-1', title: 'Izveštaj', summary: 'Sažetak', body: '', language: 'sr-Cyrl', languageGroup: 'sh',
      country: 'RS', type: 'report', topics: ['violence and abuse', 'health'], publisher: 'UNICEF', year: 2017,
      url: 'https://example.org/a-1', urlIsMirror: false,
    });
    expect(await store.findById('a-2')).toMatchObject({ languageGroup: 'sh', type: 'guideline', topics: ['justice', 'police'], year: 2020 });
    expect(await store.findById('a-3')).toMatchObject({ language: 'hr', languageGroup: 'sh', country: '', body: 'Cijeli tekst', year: null });
  });

  it('changes nothing on a re-import, not even updated_at', async () => {
    const path = write('lib.jsonl', jsonl(RECORDS));
    await importLibraryFile(path, store, { now: FIRST_RUN });
    const report = await importLibraryFile(path, store, { now: SECOND_RUN });
    expect(report).toMatchObject({ rows: 3, added: 0, updated: 0, unchanged: 3 });
    expect(updatedAt('a-1')).toBe(FIRST_RUN.toISOString());
  });

  it('updates a changed row and only that one', async () => {
    await importLibraryFile(write('lib.jsonl', jsonl(RECORDS)), store, { now: FIRST_RUN });
    const changed = [{ ...RECORDS[0], title: 'Novi naslov' }, ...RECORDS.slice(1)];
    const report = await importLibraryFile(write('lib2.jsonl', jsonl(changed)), store, { now: SECOND_RUN });
    expect(report).toMatchObject({ added: 0, updated: 1, unchanged: 2 });
    expect((await store.findById('a-1'))?.title).toBe('Novi naslov');
    expect(updatedAt('a-1')).toBe(SECOND_RUN.toISOString());
    expect(updatedAt('a-2')).toBe(FIRST_RUN.toISOString());
  });

  it('skips blank lines and a byte order mark, and reports progress up to the whole file', async () => {
    const path = write('lib.jsonl', `\uFEFF${JSON.stringify(RECORDS[0])}\n\n   \n${JSON.stringify(RECORDS[1])}\r\n`);
    const progress: Array<[number, number]> = [];
    const report = await importLibraryFile(path, store, { now: FIRST_RUN, onProgress: (read, total) => progress.push([read, total]) });
    expect(report).toMatchObject({ rows: 2, added: 2, problems: [] });
    const total = progress[0]![1];
    expect(progress.at(-1)).toEqual([total, total]);
  });
});

describe('importLibraryFile, all or nothing', () => {
  const good = (n: number) => JSON.stringify({ id: `g-${n}`, title: `Good ${n}`, language: 'en' });

  async function importWithBadLine(badLine: string) {
    await importLibraryFile(write('before.jsonl', jsonl([RECORDS[0]])), store, { now: FIRST_RUN });
    const path = write('bad.jsonl', [good(1), good(2), badLine, good(3)].join('\n'));
    const report = await importLibraryFile(path, store, { now: SECOND_RUN });
    expect(report).toMatchObject({ rows: 4, added: 0, updated: 0, unchanged: 0 });
    expect(await store.count()).toBe(1);
    expect(await store.findById('g-1')).toBeUndefined();
    return report.problems;
  }

  it('rejects a file with a line that is not JSON', async () => {
    expect(await importWithBadLine('{"id": "x", title}')).toEqual([
      { line: 3, message: expect.stringMatching(/^not valid JSON/) },
    ]);
  });

  it('rejects a line that is not an object', async () => {
    expect(await importWithBadLine('["a-9"]')).toEqual([{ line: 3, message: 'expected a JSON object, got a list' }]);
  });

  it('rejects a record without a title', async () => {
    expect(await importWithBadLine('{"id": "x", "language": "en"}')).toEqual([{ line: 3, message: 'title: missing' }]);
  });

  it('rejects a bad year', async () => {
    expect(await importWithBadLine('{"id": "x", "title": "T", "language": "en", "year": "abc"}')).toEqual([
      { line: 3, message: 'year: expected a whole number, got "abc"' },
    ]);
  });

  it('rejects a bad country', async () => {
    expect(await importWithBadLine('{"id": "x", "title": "T", "language": "en", "country": "SRB"}')).toEqual([
      { line: 3, message: expect.stringMatching(/^country: "SRB" is not an ISO 3166 alpha-2/) },
    ]);
  });

  it('rejects an id used twice in one file, at its second line', async () => {
    expect(await importWithBadLine(good(1))).toEqual([{ line: 3, message: 'id: "g-1" is already used on line 1' }]);
  });

  it('keeps counting rows past the first 50 problems', async () => {
    const lines = Array.from({ length: 60 }, (_, n) => JSON.stringify({ id: `x-${n}`, language: 'en' }));
    const report = await importLibraryFile(write('many.jsonl', lines.join('\n')), store, { now: FIRST_RUN });
    expect(report.rows).toBe(60);
    expect(report.problems).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(report.problemCount).toBe(60);
  });
});

describe('importLibraryFile, CSV', () => {
  const HEADER = 'id,title,summary,language,country,type,topics,publisher,year,url';

  it('lands rows with quoted commas and newlines, a BOM and CRLF, topics split on ; or |', async () => {
    const csv = `\uFEFF${HEADER}\r\n`
      + 'c-1,"Violence, abuse and neglect","Line one\r\nline two",sr-Cyrl,RS,Report,violence and abuse|health,UNICEF,2017,https://example.org/c-1\r\n'
      + '\r\n'
      + 'c-2,Smjernice,,cnr,me,guideline,justice; police,,,\r\n';
    const report = await importLibraryFile(write('lib.csv', csv), store, { now: FIRST_RUN });
    expect(report).toMatchObject({ format: 'csv', rows: 2, added: 2, problems: [] });
    expect(await store.findById('c-1')).toEqual({
      id: 'c-1', title: 'Violence, abuse and neglect', summary: 'Line one\r\nline two', body: '', language: 'sr-Cyrl',
      languageGroup: 'sh', country: 'RS', type: 'report', topics: ['violence and abuse', 'health'], publisher: 'UNICEF',
      year: 2017, url: 'https://example.org/c-1', urlIsMirror: false,
    });
    expect(await store.findById('c-2')).toMatchObject({ languageGroup: 'sh', country: 'ME', topics: ['justice', 'police'], year: null });
  });

  it('names the physical line where a bad row starts, after a multi-line field', async () => {
    const csv = `${HEADER}\n`
      + 'c-1,"Title","one\ntwo\nthree",en,,,,,,\n'
      + '\n'
      + 'c-2,Title,,en,,,,,1700,\n'
      + 'c-3,Title,unquoted, comma,en,,,,,,\n';
    const report = await importLibraryFile(write('bad.csv', csv), store, { now: FIRST_RUN });
    expect(report.problems).toEqual([
      { line: 6, message: 'year: 1700 is not between 1800 and 2100' },
      { line: 7, message: '11 fields where the header has 10 (a comma in a field needs "quotes")' },
    ]);
    expect(await store.count()).toBe(0);
  });

  it('reports a stray quote at the line of its row', async () => {
    const csv = `${HEADER}\nc-1,Title,,en,,,,,,\nc-2,The "best" title,,en,,,,,,\nc-3,Title,,en,,,,,,\n`;
    const report = await importLibraryFile(write('quote.csv', csv), store, { now: FIRST_RUN });
    expect(report.problems).toEqual([{ line: 3, message: expect.stringMatching(/^not valid CSV/) }]);
    expect(await store.count()).toBe(0);
  });
});

describe('importLibraryFile, the file itself', () => {
  it('throws a clear error for a missing file', async () => {
    const path = join(dir, 'nowhere.jsonl');
    await expect(importLibraryFile(path, store, { now: FIRST_RUN })).rejects.toThrow(new LibraryFileError(`${path}: no such file`));
  });

  it('throws a clear error for an unknown kind of file', async () => {
    await expect(importLibraryFile(write('lib.xlsx', ''), store, { now: FIRST_RUN })).rejects.toThrow(/expected \.jsonl, \.ndjson or \.csv/);
  });

  it('imports the bundled sample library without a problem', async () => {
    const report = await importLibraryFile(SAMPLE, store, { now: FIRST_RUN });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ rows: 71, added: 71 });
    expect(await store.count()).toBe(71);
  });
});
