import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open-database.ts';
import { SqliteContentStore } from '../../db/sqlite-content-store.ts';
import { importContentFile, isContentFile } from '../../library/import-content.ts';

const NOW = new Date('2026-03-14T09:00:00Z');
const clock = { now: () => NOW };

let db: OpenDatabase;
let store: SqliteContentStore;
let dir: string;

beforeEach(() => {
  db = openDatabase(':memory:');
  store = new SqliteContentStore(db, clock);
  dir = mkdtempSync(join(tmpdir(), 'cphub-content-'));
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

const jsonl = (...records: object[]) => records.map((record) => JSON.stringify(record)).join('\n');

describe('content files', () => {
  it('imports news and events; local times are read in their time zone, offsets as given', async () => {
    const path = write('content.jsonl', jsonl(
      { id: 'n-1', kind: 'news', title: 'New law on foster care', language: 'sr-Latn', country: 'RS', topics: 'alternative care', published: '2026-03-10', url: 'https://example.org/n-1' },
      { id: 'e-1', kind: 'Event', title: 'Regional conference', language: 'en', start: '2026-03-30 09:30', end: '2026-03-31T17:00', time_zone: 'Europe/Sofia' },
      { id: 'w-1', kind: 'webinar', title: 'Online safety', language: 'sq', start: '2026-04-02T10:00+02:00' },
    ));
    expect(await isContentFile(path)).toBe(true);
    const report = await importContentFile(path, store, { now: NOW });
    expect(report).toMatchObject({ rows: 3, added: 3, problemCount: 0 });
    const event = await store.findById('e-1');
    // 30 March is after the clocks went forward: Sofia is UTC+3.
    expect(event).toMatchObject({ kind: 'event', timeZone: 'Europe/Sofia' });
    expect(event?.startsAt?.toISOString()).toBe('2026-03-30T06:30:00.000Z');
    expect(event?.endsAt?.toISOString()).toBe('2026-03-31T14:00:00.000Z');
    expect((await store.findById('w-1'))?.startsAt?.toISOString()).toBe('2026-04-02T08:00:00.000Z');
    expect((await store.findById('n-1'))).toMatchObject({ languageGroup: 'sh', topics: ['alternative care'], publishedAt: new Date('2026-03-10T00:00:00Z') });
    const again = await importContentFile(path, store, { now: NOW });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
  });

  it('imports nothing from a file with a bad record, naming each problem with its line', async () => {
    const path = write('bad.csv', [
      'id,kind,title,language,start,time_zone',
      'ok-1,training,Case management,en,2026-04-01 10:00,Europe/Belgrade',
      'bad-1,party,Wrong kind,en,,',
      'bad-2,event,No zone,en,2026-04-01 10:00,',
      'bad-3,event,Spring gap,en,2026-03-29 02:30,Europe/Belgrade',
      'bad-4,event,No start,en,,Europe/Belgrade',
      'bad-5,news,Bad zone,en,,Mars/Olympus',
    ].join('\n'));
    const report = await importContentFile(path, store, { now: NOW });
    expect(report.added).toBe(0);
    expect(report.problems).toEqual([
      { line: 3, message: 'kind: "party" is not one of news, event, training, webinar' },
      { line: 4, message: 'start: "2026-04-01 10:00" has no offset: add one ("+02:00") or a time_zone field (a column in CSV)' },
      { line: 5, message: 'start: "2026-03-29 02:30" does not exist in Europe/Belgrade (the clocks skip that hour)' },
      { line: 6, message: 'start: missing (events, trainings and webinars need one, e.g. "2026-04-02T10:00")' },
      { line: 7, message: 'time_zone: "Mars/Olympus" is not a time zone (such as "Europe/Belgrade")' },
    ]);
    expect(await store.findById('ok-1')).toBeUndefined();
  });

  it('takes a file without a kind for library documents', async () => {
    const path = write('docs.jsonl', jsonl({ id: 'd-1', title: 'A report', language: 'en', type: 'report' }));
    expect(await isContentFile(path)).toBe(false);
  });
});
