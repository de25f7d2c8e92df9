-- Full-text index of the library (SQLite FTS5), one row per document, rowid =
-- documents.seq. It holds the folded search keys (core/search/fold.ts), not
-- the original text, so it is contentless: the originals live in documents.
-- contentless_delete lets an updated or removed document leave the index.
-- Column order gives bm25 its weights: title, summary, body.
CREATE VIRTUAL TABLE `documents_fts` USING fts5(
	title, summary, body,
	content = '',
	contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `documents_fts` (`documents_fts`, `rank`) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)');
