/**
 * `DocumentSearch` on SQLite FTS5: BM25 over folded title, summary and body
 * (weights 10 / 4 / 1, set in the migration), then core's re-ranking by the
 * member's language and year among close scores.
 */
import type { LibraryDocument } from '../core/library/document.ts';
import type { DocumentSearch, SearchHit, SearchPage, SearchRequest } from '../core/ports.ts';
import { excludedTerms, requiredTerms } from '../core/search/match-terms.ts';
import { hasPositiveTerms, type ParsedQuery } from '../core/search/parsed-query.ts';
import { RERANK_WINDOW, rankHits } from '../core/search/ranking.ts';
import { toLibraryDocument, type DocumentRow } from './document-rows.ts';
import { anyOf, matchExpression } from './fts-expression.ts';
import { filterClause, type SqlClause } from './search-filters.ts';
import type { OpenDatabase } from './open-database.ts';

const COLUMNS = `d.seq, d.id, d.title, d.summary, d.body, d.language, d.language_group AS languageGroup,
  d.country, d.type, d.topics, d.publisher, d.year, d.url`;

type ScoredRow = DocumentRow & { score: number };

export class SqliteDocumentSearch implements DocumentSearch {
  constructor(private readonly db: OpenDatabase) {}

  async search(request: SearchRequest): Promise<SearchPage> {
    const where = this.whereClause(request.query);
    if (!where) return { total: 0, hits: [] };
    const total = this.count(where);
    if (total === 0 || request.offset >= total) return { total, hits: [] };
    const hits =
      request.offset + request.limit <= RERANK_WINDOW
        ? rankHits(this.scored(where, RERANK_WINDOW, 0), request.preferredLanguage)
            .slice(request.offset, request.offset + request.limit)
        : this.scored(where, request.limit, request.offset);
    return { total, hits };
  }

  /** Undefined when nothing can match (only exclusions and no filter). */
  private whereClause(query: ParsedQuery): (SqlClause & { ranked: boolean }) | undefined {
    const filters = filterClause(query.filters);
    const excluded = excludedTerms(query);
    if (hasPositiveTerms(query)) {
      return {
        sql: `documents_fts MATCH ? AND ${filters.sql}`,
        params: [matchExpression(requiredTerms(query), excluded), ...filters.params],
        ranked: true,
      };
    }
    if (filters.params.length === 0) return undefined;
    // Filters alone list the library, newest first, minus any exclusions.
    const exclusion = excluded.length
      ? ' AND d.seq NOT IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)'
      : '';
    return {
      sql: filters.sql + exclusion,
      params: [...filters.params, ...(excluded.length ? [anyOf(excluded)] : [])],
      ranked: false,
    };
  }

  private count(where: SqlClause & { ranked: boolean }): number {
    const from = where.ranked ? 'documents_fts JOIN documents d ON d.seq = documents_fts.rowid' : 'documents d';
    const row = this.db.sqlite.prepare(`SELECT count(*) AS n FROM ${from} WHERE ${where.sql}`).get(...where.params);
    return (row as { n: number }).n;
  }

  private scored(where: SqlClause & { ranked: boolean }, limit: number, offset: number): SearchHit[] {
    const sql = where.ranked
      ? `SELECT ${COLUMNS}, -documents_fts.rank AS score FROM documents_fts
         JOIN documents d ON d.seq = documents_fts.rowid
         WHERE ${where.sql} ORDER BY documents_fts.rank LIMIT ? OFFSET ?`
      : `SELECT ${COLUMNS}, 1.0 AS score FROM documents d
         WHERE ${where.sql} ORDER BY d.year DESC NULLS LAST, d.seq DESC LIMIT ? OFFSET ?`;
    const rows = this.db.sqlite.prepare(sql).all(...where.params, limit, offset) as ScoredRow[];
    return rows.map((row) => ({ document: toLibraryDocument(row) as LibraryDocument, score: row.score }));
  }
}
