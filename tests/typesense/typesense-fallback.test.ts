/**
 * Typesense unreachable (a closed port): the member's /search is answered
 * from SQLite as usual, the log says so once, and Typesense is tried again
 * after a while.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSearch } from '../../core/ports.ts';
import { parseQuery } from '../../core/search/query-parser.ts';
import { FallbackDocumentSearch } from '../../typesense/fallback-document-search.ts';
import { createTypesenseClient } from '../../typesense/typesense-client.ts';
import { TypesenseDocumentSearch } from '../../typesense/typesense-document-search.ts';
import { createCoreHarness, plain, sampleDocument } from '../support/core-harness.ts';
import { startFakeTypesense, type FakeTypesense } from '../support/fake-typesense.ts';
import { recordingLogger } from '../support/recording-logger.ts';

/** A port that was just free: nothing listens there. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

const documents = [
  sampleDocument({ id: 'v1', title: 'Violence against children in schools' }),
  sampleDocument({ id: 'v2', title: 'Violence at home' }),
];

describe('Typesense unreachable', () => {
  let port: number;
  let fake: FakeTypesense;
  beforeAll(async () => {
    port = await closedPort();
    fake = await startFakeTypesense();
  });
  afterAll(() => fake.close());

  it('the member gets the SQLite results, and one log line says why', async () => {
    const { logger, lines } = recordingLogger();
    const hub = createCoreHarness(documents, {}, {
      search: (sqlite, store) => {
        const client = createTypesenseClient({ nodes: [{ protocol: 'http', host: '127.0.0.1', port, path: '' }], apiKey: 'k', collection: 'hub', timeoutSeconds: 1 });
        return new FallbackDocumentSearch(new TypesenseDocumentSearch(client, { collection: 'hub', documents: store }), sqlite, logger);
      },
    });
    const first = plain(await hub.send('/search violence'));
    expect(first).toContain('2 documents found for “violence”.');
    expect(first).toContain('Violence against children in schools');
    expect(plain(await hub.send('/search violence home'))).toContain('1 document found');
    expect(hub.errors).toEqual([]);
    expect(lines).toEqual([
      { level: 'warn', message: 'typesense did not answer: searching SQLite instead', details: { backend: 'typesense', err: expect.stringMatching(/ECONNREFUSED/) } },
    ]);
    expect(JSON.stringify(lines)).not.toContain('"k"');
  });

  it('after the pause Typesense is asked again, and its recovery is logged', async () => {
    const { logger, lines } = recordingLogger();
    let now = 0;
    const calls: string[] = [];
    const failing: DocumentSearch = { search: async () => { calls.push('typesense'); throw new Error('connect ECONNREFUSED'); } };
    const sqlite: DocumentSearch = { search: async () => { calls.push('sqlite'); return { total: 0, hits: [] }; } };
    let primary = failing;
    const search = new FallbackDocumentSearch({ search: (request) => primary.search(request) }, sqlite, logger, { retryAfterMs: 30_000, now: () => now });
    const request = { query: parseQuery('x'), preferredLanguage: 'en', offset: 0, limit: 5 };
    await search.search(request);
    now = 10_000;
    await search.search(request);
    expect(calls).toEqual(['typesense', 'sqlite', 'sqlite']);
    now = 31_000;
    primary = { search: async () => { calls.push('typesense'); return { total: 1, hits: [] }; } };
    expect((await search.search(request)).total).toBe(1);
    expect(lines.map((line) => line.message)).toEqual(['typesense did not answer: searching SQLite instead', 'typesense answers again: searching it']);
  });

  it('a node that refuses the key falls back too (an answer, not an error, for the member)', async () => {
    const { logger, lines } = recordingLogger();
    const hub = createCoreHarness(documents, {}, {
      search: (sqlite, store) => {
        const client = createTypesenseClient({ nodes: [fake.node], apiKey: 'wrong key', collection: 'hub', timeoutSeconds: 1 });
        return new FallbackDocumentSearch(new TypesenseDocumentSearch(client, { collection: 'hub', documents: store }), sqlite, logger);
      },
    });
    expect(plain(await hub.send('/search violence'))).toContain('2 documents found');
    expect(lines[0]!.details).toEqual({ backend: 'typesense', err: expect.stringMatching(/RequestUnauthorized/) });
  });
});
