-- How FTS5 writes the search index (settings stored in documents_fts_config,
-- so an existing database has them from its next write on; nothing is
-- re-indexed). New entries gather in memory up to `hashsize` bytes before
-- they are written out as a segment, which later merges rewrite: with the
-- default 1 MB an import wrote many small segments and merged them over and
-- over. 16 MB: the index's share of an import 79 -> 39 us a document at
-- 16,400 documents, 107 -> 79 us at 200,000 (CPU time, FTS inserts alone).
-- The memory is held only while a write transaction is open.
INSERT INTO `documents_fts` (`documents_fts`, `rank`) VALUES ('hashsize', 16000000);
