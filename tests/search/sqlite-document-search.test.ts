import { openDatabase } from '../../db/open-database.ts';
import { SqliteDocumentSearch } from '../../db/sqlite-document-search.ts';
import { SqliteDocumentStore } from '../../db/sqlite-document-store.ts';
import { describeSearchContract } from './document-search-contract.ts';

// The ranking extension when npm install built it (sqlite-ranking.test.ts
// checks it loads), and FTS5's bm25(), which a machine without a C compiler gets.
for (const rankingExtension of [true, false]) {
  describeSearchContract(`SQLite FTS5 (${rankingExtension ? 'cphub_rank' : 'bm25'})`, async (documents) => {
    const db = openDatabase(':memory:', { rankingExtension });
    new SqliteDocumentStore(db).upsertAll(documents, new Date('2026-01-01T00:00:00Z'));
    return new SqliteDocumentSearch(db);
  });
}
