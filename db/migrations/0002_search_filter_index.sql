-- Counting the matches of a filtered search reads, for every full-text match,
-- the document's filter columns: this covering index answers that without
-- touching the rows (with their bodies). Measured at 16,400 documents: the
-- filtered count of a common word 20 ms -> 4 ms.
CREATE INDEX `documents_filter_cover` ON `documents` (`seq`, `language_group`, `year`, `country`, `type`, `topics_key`);
