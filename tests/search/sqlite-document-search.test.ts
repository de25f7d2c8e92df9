import { openDatabase } from '../../db/open-database.ts';
import { SqliteDocumentSearch } from '../../db/sqlite-document-search.ts';
import { SqliteDocumentStore } from '../../db/sqlite-document-store.ts';
import { describeSearchContract } from './document-search-contract.ts';

describeSearchContract('SQLite FTS5', async (documents) => {
  const db = openDatabase(':memory:');
  new SqliteDocumentStore(db).upsertAll(documents, new Date('2026-01-01T00:00:00Z'));
  return new SqliteDocumentSearch(db);
});
