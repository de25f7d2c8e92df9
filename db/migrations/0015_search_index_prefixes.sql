-- The search index with prefix indexes of 4 and 5 letters, no longer 6
-- (0001). Each prefix index is another copy of every word in the index to
-- write and merge; the 6-letter one cost an import more than it gave a
-- search. Measured at 60,000 documents, 7 interleaved pairs: the import
-- median 1.11x the documents a second; at 200,000: 11,200 -> 12,800
-- documents a second and 787 -> 717 MB, for a search p95 of 7.0-7.5 ->
-- 8.1-8.2 ms (target 30 ms); at 16,400 no difference in search.
--
-- A contentless FTS5 table cannot be rebuilt from itself: the table is
-- created empty here and db/rebuild-search-index.ts fills it from
-- `documents` when the database is next opened. The rest is as 0001 and
-- 0014 made it.
DROP TABLE `documents_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `documents_fts` USING fts5(
	title, summary, body, meta, facets,
	content = '',
	contentless_delete = 1,
	prefix = '4 5',
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `documents_fts` (`documents_fts`, `rank`) VALUES ('hashsize', 16000000);
--> statement-breakpoint
INSERT INTO `documents_fts` (`documents_fts`, `rank`) VALUES ('automerge', 8);
