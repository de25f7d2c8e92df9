/**
 * `cphub search reindex | status | sync` as an operator runs them, the real
 * CLI in a child process talking to a fake Typesense node on 127.0.0.1.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open-database.ts';
import { SqliteDocumentStore } from '../../db/sqlite-document-store.ts';
import { sampleDocument } from '../support/core-harness.ts';
import { startFakeTypesense, type FakeTypesense } from '../support/fake-typesense.ts';
import { runCphub } from '../support/run-cphub.ts';

const dir = mkdtempSync(join(tmpdir(), 'cphub-search-index-'));
const database = join(dir, 'cphub.db');
let fake: FakeTypesense;

beforeAll(async () => {
  fake = await startFakeTypesense();
  const db = openDatabase(database);
  new SqliteDocumentStore(db).upsertAll([sampleDocument({ id: 'a', title: 'One' }), sampleDocument({ id: 'b', title: 'Two' })], new Date());
  db.close();
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

function cphub(extra: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCphub({ ...process.env, CPHUB_DB: database, CPHUB_SAMPLE_LIBRARY: 'off', LOG_LEVEL: 'warn', TYPESENSE_NODES: undefined, TYPESENSE_API_KEY: undefined, SEARCH_BACKEND: undefined, ...extra }, ...args);
}

describe('cphub search reindex / status / sync', () => {
  const typesense = () => ({ TYPESENSE_NODES: `http://127.0.0.1:${fake.node.port}`, TYPESENSE_API_KEY: fake.apiKey, TYPESENSE_COLLECTION: 'library' });

  it('without Typesense configured: status counts the SQLite library; reindex and sync say what to set', async () => {
    const status = await cphub({}, 'search', 'status');
    expect(status.code).toBe(0);
    expect(status.stdout).toBe('SQLite: 2 documents (what members search)\nTypesense: not configured (TYPESENSE_NODES and TYPESENSE_API_KEY; see the README, "Search backends")\n');
    for (const command of ['reindex', 'sync']) {
      const result = await cphub({}, 'search', command);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Typesense is not configured; set TYPESENSE_NODES and TYPESENSE_API_KEY');
    }
  });

  it('--help shows how a search is typed and its options, not the internal name of the search subcommand', async () => {
    const help = await cphub({}, 'search', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: cphub search "<query>" \[--lang <code>\] \[--json\] \[--limit <n>\]\n {7}cphub search reindex \| status \| sync\n/);
    expect(help.stdout).not.toMatch(/^\s+query\b/m);
    expect(help.stdout).toContain('Options of a search (cphub search "<query>"):\n  --lang <code>   the member language');
    // And a search is still the default.
    const found = await cphub({}, 'search', 'One', '--json');
    expect(JSON.parse(found.stdout)).toMatchObject({ total: 1, results: [{ id: 'a' }] });
  });

  it('status before a build, reindex, then status in sync; a change is pushed by sync', async () => {
    const before = await cphub(typesense(), 'search', 'status');
    expect(before.code).toBe(1);
    expect(before.stdout).toBe(
      'SQLite: 2 documents\nTypesense: no collection library (run cphub search reindex)\nChanges not yet pushed: 0\n' +
        'Not in sync: the bot pushes changes every minute; cphub search sync does it now, cphub search reindex rebuilds.\n',
    );

    const reindex = await cphub(typesense(), 'search', 'reindex');
    expect(reindex.stderr).toBe('');
    expect(reindex.stdout).toMatch(/^Rebuilt library as library_\d+: 2 documents in \d+\.\d s\.\n$/);
    expect(reindex.code).toBe(0);
    const collection = fake.aliases.get('library')!;
    expect([...fake.documentsOf('library')!.keys()].sort()).toEqual(['a', 'b']);

    const status = await cphub(typesense(), 'search', 'status');
    expect(status.stdout).toMatch(new RegExp(`^SQLite: 2 documents\\nTypesense: 2 documents in library \\(${collection}\\)\\nChanges not yet pushed: 0 \\(last sync .+\\)\\nIn sync\\.\\n$`));
    expect(status.code).toBe(0);

    const db = openDatabase(database);
    new SqliteDocumentStore(db).upsertAll([sampleDocument({ id: 'c', title: 'Three' })], new Date());
    db.close();
    expect((await cphub(typesense(), 'search', 'status')).stdout).toContain('SQLite: 3 documents\nTypesense: 2 documents');
    const sync = await cphub(typesense(), 'search', 'sync');
    expect(sync.stdout).toBe('Synced library: 1 added or changed, 0 removed.\n');
    expect(fake.documentsOf('library')!.has('c')).toBe(true);

    // An import lands in Typesense at once.
    const file = join(dir, 'more.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'd', title: 'Four', language: 'en' })}\n`);
    const imported = await cphub(typesense(), 'import', file);
    expect(imported.stdout).toBe(`Imported 1 row from ${file}: 1 added, 0 updated, 0 unchanged.\nPushed to Typesense (library): 1 added or changed, 0 removed.\n`);
    expect(fake.documentsOf('library')!.has('d')).toBe(true);
  }, 90_000);

  it('a search for one of those words: cphub search query status', async () => {
    const result = await cphub({}, 'search', 'query', 'status', '--json');
    expect(JSON.parse(result.stdout)).toEqual({ total: 0, results: [] });
  });

  it('an unreachable node is named, not a stack trace', async () => {
    const result = await cphub({ TYPESENSE_NODES: 'http://127.0.0.1:9', TYPESENSE_API_KEY: 'k', TYPESENSE_TIMEOUT_SECONDS: '1' }, 'search', 'reindex');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^cphub search: Typesense did not answer as expected: .*ECONNREFUSED/);
  });
});
