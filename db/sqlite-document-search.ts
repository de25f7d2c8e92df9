/**
 * `DocumentSearch` on SQLite FTS5: BM25 over folded title, summary and body
 * (weights 10 / 4 / 1) and topics with publisher (2), then core's re-ranking
 * by the member's language and year among close scores.
 *
 * BM25 costs a few microseconds a matching row, and a common word matches
 * half of a large library (measured: "pravo" at 200,000 documents, 98,000
 * matches, 230 ms to rank them all). So when more documents match than
 * RANK_WINDOW, only the most recently added RANK_WINDOW matches are ranked
 * (FTS5 walks rowids newest first and stops): such a query names no document
 * in particular, and the newest of its matches are the ones members want.
 *
 * Every join is a CROSS JOIN, which makes SQLite keep the full-text match as
 * the outer loop: with a filter and a rowid bound it otherwise chose to walk
 * a filter index and re-run the match for every row (282 ms instead of 22 ms
 * at 16,400 documents, 25 s at 200,000).
 */
import type { DocumentSearch, SearchHit, SearchPage, SearchRequest } from '../core/ports.ts';
import { excludedTerms, requiredTerms } from '../core/search/match-terms.ts';
import { hasPositiveTerms, type ParsedQuery, type SearchFilters } from '../core/search/parsed-query.ts';
import { RERANK_WINDOW, rankHits, type RankableHit } from '../core/search/ranking.ts';
import type { Statement } from 'better-sqlite3';
import { toLibraryDocument, type DocumentRow } from './document-rows.ts';
import { anyOf, matchExpression } from './fts-expression.ts';
import type { OpenDatabase } from './open-database.ts';
import { facetTerms } from './search-facets.ts';
import { filterClause, type SqlClause } from './search-filters.ts';

/** How many matches at most are ranked by BM25 (see above). */
export const RANK_WINDOW = 1000;
/**
 * Counting stops here: checking a phrase or an exclusion over 90,000
 * matches costs more than the whole rest of the search, and "more than
 * 10,000" tells the member all there is to know.
 */
export const COUNT_LIMIT = 10_000;

const BM25 = 'bm25(documents_fts, 10.0, 4.0, 1.0, 2.0, 0.0)';
const COLUMNS = `d.seq, d.id, d.title, d.summary, d.body, d.language, d.language_group AS languageGroup,
  d.country, d.type, d.topics, d.publisher, d.year, d.url, d.url_is_mirror AS urlIsMirror`;
const FTS_JOIN = 'documents_fts CROSS JOIN documents d ON d.seq = documents_fts.rowid';
const FTS_JOIN_COVERED = 'documents_fts CROSS JOIN documents d INDEXED BY documents_filter_cover ON d.seq = documents_fts.rowid';

interface Where extends SqlClause {
  ranked: boolean;
  /** The MATCH expression alone, when no filter narrows it: then the index answers by itself. */
  matchOnly?: string;
}

/** What re-ranking needs of a hit; the shown page's rows are loaded after. */
interface CandidateRow {
  id: string;
  languageGroup: string;
  year: number | null;
  score: number;
}

/** How far ranking and counting go; the module's constants unless a test passes small ones. */
export interface SearchLimits {
  rankWindow?: number;
  countLimit?: number;
}

export class SqliteDocumentSearch implements DocumentSearch {
  private readonly rankWindow: number;
  private readonly countLimit: number;
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: OpenDatabase,
    limits: SearchLimits = {},
  ) {
    this.rankWindow = limits.rankWindow ?? RANK_WINDOW;
    this.countLimit = limits.countLimit ?? COUNT_LIMIT;
  }

  async search(request: SearchRequest): Promise<SearchPage> {
    const where = whereClause(request.query);
    if (!where) return { total: 0, hits: [] };
    const counted = this.count(where);
    const total = Math.min(counted, this.countLimit);
    const totalIsAtLeast = counted > this.countLimit;
    if (total === 0 || request.offset >= total) return { total, totalIsAtLeast, hits: [] };
    const end = request.offset + request.limit;
    const windowed = where.ranked && total > this.rankWindow ? this.newestWindow(where, Math.max(this.rankWindow, end)) : where;
    const candidates = this.candidates(windowed, Math.max(RERANK_WINDOW, end));
    const ranked = end <= RERANK_WINDOW ? rankHits(candidates, request.preferredLanguage) : candidates;
    return { total, totalIsAtLeast, hits: this.load(ranked.slice(request.offset, end)) };
  }

  /** The number of matches, up to the count limit + 1. */
  private count(where: Where): number {
    const capped = (inner: string) => `SELECT count(*) AS n FROM (${inner} LIMIT ${this.countLimit + 1})`;
    if (where.matchOnly !== undefined) {
      return this.get<{ n: number }>(capped('SELECT 1 FROM documents_fts WHERE documents_fts MATCH ?'), [where.matchOnly])!.n;
    }
    const from = where.ranked ? FTS_JOIN_COVERED : 'documents d';
    return this.get<{ n: number }>(capped(`SELECT 1 FROM ${from} WHERE ${where.sql}`), where.params)!.n;
  }

  /** Narrows a ranked search to its `size` most recently added matches. */
  private newestWindow(where: Where, size: number): Where {
    const row =
      where.matchOnly !== undefined
        ? this.get<{ seq: number }>(
            'SELECT rowid AS seq FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?',
            [where.matchOnly, size - 1],
          )
        : this.get<{ seq: number }>(
            `SELECT documents_fts.rowid AS seq FROM ${FTS_JOIN_COVERED} WHERE ${where.sql}
             ORDER BY documents_fts.rowid DESC LIMIT 1 OFFSET ?`,
            [...where.params, size - 1],
          );
    if (!row) return where;
    return { sql: `${where.sql} AND documents_fts.rowid >= ?`, params: [...where.params, row.seq], ranked: true };
  }

  /** The best `limit` matches as light rows (no body): re-ranking reads only these fields. */
  private candidates(where: Where, limit: number): RankableHit[] {
    const sql = where.ranked
      ? `SELECT d.seq, d.id, d.language_group AS languageGroup, d.year, -${BM25} AS score FROM ${FTS_JOIN}
         WHERE ${where.sql} ORDER BY ${BM25} LIMIT ?`
      : // In SQLite NULL sorts lowest, so DESC puts undated documents last, and the
        // (year, seq) order is the year index walked backwards.
        `SELECT d.seq, d.id, d.language_group AS languageGroup, d.year, 1.0 AS score FROM documents d
         WHERE ${where.sql} ORDER BY d.year DESC, d.seq DESC LIMIT ?`;
    const rows = this.statement(sql).all(...where.params, limit) as CandidateRow[];
    return rows.map(({ score, ...document }) => ({ document, score }));
  }

  /** Full rows for the page that is shown, in the ranked order. */
  private load(hits: RankableHit[]): SearchHit[] {
    if (hits.length === 0) return [];
    const ids = hits.map((hit) => hit.document.id);
    const rows = this.statement(`SELECT ${COLUMNS} FROM documents d WHERE d.id IN (${ids.map(() => '?').join(', ')})`)
      .all(...ids) as DocumentRow[];
    const byId = new Map(rows.map((row) => [row.id, toLibraryDocument(row)]));
    return hits.map((hit) => ({ document: byId.get(hit.document.id)!, score: hit.score }));
  }

  private get<T>(sql: string, params: Array<string | number>): T | undefined {
    return this.statement(sql).get(...params) as T | undefined;
  }

  /**
   * Every search runs four or five statements whose text repeats (only the
   * number of filters and of ids on a page varies): prepare each text once.
   */
  private statement(sql: string): Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      // Filter lists make the texts open-ended: a bounded cache, not a leak.
      if (this.statements.size >= 256) this.statements.clear();
      prepared = this.db.sqlite.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }
}

const NO_FILTERS: SearchFilters = { languages: [], types: [], countries: [], topics: [] };

/** Undefined when nothing can match (only exclusions and no filter). */
function whereClause(query: ParsedQuery): Where | undefined {
  const excluded = excludedTerms(query);
  if (hasPositiveTerms(query)) {
    // Filters go into the MATCH as facet terms; only a wide year range stays SQL.
    const facets = facetTerms(query.filters);
    const match = [`(${matchExpression(requiredTerms(query), excluded)})`, ...facets.terms].join(' AND ');
    const filters = facets.yearsInSql ? filterClause({ ...NO_FILTERS, years: query.filters.years }) : filterClause(NO_FILTERS);
    return {
      sql: `documents_fts MATCH ? AND ${filters.sql}`,
      params: [match, ...filters.params],
      ranked: true,
      ...(filters.params.length === 0 ? { matchOnly: match } : {}),
    };
  }
  const filters = filterClause(query.filters);
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
