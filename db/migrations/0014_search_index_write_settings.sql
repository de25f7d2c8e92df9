-- How FTS5 writes the search index (settings stored in documents_fts_config,
-- so an existing database has them from its next write on; nothing is
-- re-indexed). Measured with CPU time, FTS inserts alone, medians of
-- interleaved runs.
--
-- hashsize: new entries gather in memory up to this many bytes before they
-- are written out as a segment, which later merges rewrite. With the default
-- 1 MB an import wrote many small segments and merged them over and over;
-- 16 MB: 79 -> 39 us a document at 16,400 documents, 107 -> 79 at 200,000.
-- The memory is held only while a write transaction is open.
INSERT INTO `documents_fts` (`documents_fts`, `rank`) VALUES ('hashsize', 16000000);
--> statement-breakpoint
-- automerge: segments of a level are merged once there are this many (the
-- default 4). 8 rewrites each entry fewer times as a large library grows:
-- at 200,000 documents 79 -> 58 us a document (the whole import +21%), for
-- a search p95 about 15% higher there (9.5 -> 10.9 ms CPU, the target is
-- 30 ms); no difference at 16,400.
INSERT INTO `documents_fts` (`documents_fts`, `rank`) VALUES ('automerge', 8);
