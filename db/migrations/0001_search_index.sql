-- Full-text index of the library (SQLite FTS5), one row per document, rowid =
-- documents.seq. It holds the folded search keys (core/search/fold.ts), not
-- the original text, so it is contentless: the originals live in documents.
-- contentless_delete lets an updated or removed document leave the index.
-- Query words are searched by their stem as a prefix ("nasil"*): prefix
-- indexes of 4, 5 and 6 letters (the common stem lengths) turn those into
-- one lookup instead of a merge of every word that starts so (measured at
-- 200,000 documents: count of "prav"* 95 ms -> 18 ms).
-- `meta` holds the topics and the publisher, so "trafficking" or "UNICEF"
-- finds documents tagged or published so; `facets` the filter values as
-- tokens (db/search-facets.ts), searched with BM25 weight 0.
CREATE VIRTUAL TABLE `documents_fts` USING fts5(
	title, summary, body, meta, facets,
	content = '',
	contentless_delete = 1,
	prefix = '4 5 6',
	tokenize = 'unicode61 remove_diacritics 2'
);
