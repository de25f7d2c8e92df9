/**
 * The search contract against a real Typesense server, unchanged, whenever
 * TYPESENSE_NODES (and TYPESENSE_API_KEY) are set — e.g.
 *   TYPESENSE_NODES=http://localhost:8108 TYPESENSE_API_KEY=xyz npx vitest run tests/search
 * Without them it is reported as skipped. Each backend is a fresh alias and
 * collection built by the real rebuild (SQLite first, then pushed), removed
 * at the end.
 */
import { afterAll, describe, it } from 'vitest';
import { parseNodes } from '../../config.ts';
import { openDatabase } from '../../db/open-database.ts';
import { SqliteSearchOutbox } from '../../db/search-outbox.ts';
import { SqliteDocumentStore } from '../../db/sqlite-document-store.ts';
import { createTypesenseClient } from '../../typesense/typesense-client.ts';
import { TypesenseDocumentSearch } from '../../typesense/typesense-document-search.ts';
import { TypesenseIndex } from '../../typesense/typesense-index.ts';
import { describeSearchContract } from './document-search-contract.ts';

const nodes = process.env.TYPESENSE_NODES ? parseNodes(process.env.TYPESENSE_NODES) : undefined;
const apiKey = process.env.TYPESENSE_API_KEY ?? '';

if (nodes && apiKey) {
  const client = createTypesenseClient({ nodes, apiKey, collection: 'unused', timeoutSeconds: 10 }, 'index');
  const aliases: string[] = [];
  const run = `cphub_contract_${Date.now()}`;

  afterAll(async () => {
    for (const alias of aliases) {
      const target = await client.aliases(alias).retrieve();
      await client.aliases(alias).delete();
      await client.collections(target.collection_name).delete();
    }
  });

  describeSearchContract(`Typesense (${process.env.TYPESENSE_NODES})`, async (documents) => {
    const db = openDatabase(':memory:');
    const store = new SqliteDocumentStore(db);
    store.upsertAll(documents, new Date('2026-01-01T00:00:00Z'));
    const alias = `${run}_${aliases.length}`;
    aliases.push(alias);
    await new TypesenseIndex(client, new SqliteSearchOutbox(db), alias).reindex(new Date());
    return new TypesenseDocumentSearch(client, { collection: alias, documents: store });
  });
} else {
  describe('DocumentSearch contract: Typesense', () => {
    it.skip('needs a Typesense server: set TYPESENSE_NODES and TYPESENSE_API_KEY (README, "Search backends")', () => {});
  });
}
