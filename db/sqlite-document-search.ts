/**
 * `DocumentSearch` on SQLite FTS5: BM25 over folded title, summary and body
 * (weights 10 / 4 / 1) and topics with publisher (2), then core's re-ranking
 * by the member's language and year among close scores.
 *
 * A common word matches half of a large library (the generated one at
 * 200,000 documents: "pravo", 98,000 matches), and scoring every match costs
 * a few microseconds each. So only the most recently added RANK_WINDOW
 * matches are scored: FTS5 walks rowids newest first and stops there
 * (`ORDER BY rowid DESC LIMIT`), which costs a fraction of a millisecond. A
 * rowid bound instead (`rowid >= ?`) does not stop the walk: measured, it
 * costs a whole pass over the matches. Such a broad query names no document
 * in particular, and the newest of its matches are the ones members want.
 *
 * Scores come from cphub_rank (native/cphub-rank.c) when it was built: the
 * BM25 of FTS5's bm25() without its pass over every match of every phrase
 * (16 ms of a 17 ms search for "pravo na" at 200,000 documents). Without it,
 * bm25() gives the same order, slower.
 *
 * Every join is a CROSS JOIN, which makes SQLite keep the full-text match as
 * the outer loop: with a filter it otherwise chose to walk a filter index
 * and re-run the match for every row (282 ms instead of 22 ms at 16,400
 * documents, 25 s at 200,000).
 */
import type { LibraryDocument } from '../core/library/document.ts';
import type { DocumentSearch, SearchHit, SearchPage, SearchRequest } from '../core/ports.ts';
import { excludedTerms, requiredTerms } from '../core/search/match-terms.ts';
import { hasPositiveTerms, type ParsedQuery, type SearchFilters } from '../core/search/parsed-query.ts';
import { RERANK_WINDOW, rankHits, type RankableHit } from '../core/search/ranking.ts';
import type { Statement } from 'better-sqlite3';
import { toLibraryDocument, type DocumentRow } from './document-rows.ts';
import { anyOf, matchExpression } from './fts-expression.ts';
import { LibraryVersion } from './library-version.ts';
import type { OpenDatabase } from './open-database.ts';
import { SearchResultCache, type RankedCandidates } from './search-result-cache.ts';
import { facetTerms } from './search-facets.ts';
import { filterClause, type SqlClause } from './search-filters.ts';

/**
 * How many matches at most are ranked (see above), and counted: a broad
 * query reads "more than 1,000 documents", which tells the member all there
 * is to know (add a word or a filter).
 */
export const RANK_WINDOW = 1000;
/** Documents kept from shown pages (a few kB each): a hundred pages' worth. */
const SHOWN_DOCUMENTS = 500;
/**
 * cphub_rank counts this many matches of a phrase for its IDF, then
 * extrapolates over the rowid range (native/cphub-rank.c).
 */
export const DF_SAMPLE = 1000;

/** Column weights: title, summary, body, meta (topics, publisher), facets. */
const WEIGHTS = '10.0, 4.0, 1.0, 2.0, 0.0';
const COLUMNS = `d.seq, d.id, d.title, d.summary, d.body, d.language, d.language_group AS languageGroup,
  d.country, d.type, d.topics, d.publisher, d.year, d.url, d.url_is_mirror AS urlIsMirror`;
const FTS_JOIN = 'documents_fts CROSS JOIN documents d ON d.seq = documents_fts.rowid';

interface Where extends SqlClause {
  ranked: boolean;
  /** The clause reads `documents d` columns, not only the full-text index. */
  needsRows?: boolean;
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
  dfSample?: number;
  /** How many searches are remembered (0: none, for measuring a search's own cost). */
  cachedSearches?: number;
}

export class SqliteDocumentSearch implements DocumentSearch {
  private readonly rankWindow: number;
  private readonly dfSample: number;
  private readonly statements = new Map<string, Statement>();
  private readonly maxSeq: Statement;
  private readonly version: LibraryVersion;
  private readonly cache: SearchResultCache;
  /** Documents of recently shown pages, at `shownVersion` of the library. */
  private readonly shown = new Map<string, LibraryDocument>();
  private shownVersion = '';
  private readonly shownLimit: number;

  constructor(
    private readonly db: OpenDatabase,
    limits: SearchLimits = {},
  ) {
    this.rankWindow = limits.rankWindow ?? RANK_WINDOW;
    this.dfSample = limits.dfSample ?? DF_SAMPLE;
    this.maxSeq = db.sqlite.prepare('SELECT coalesce(max(seq), 0) AS seq FROM documents');
    this.version = new LibraryVersion(db.sqlite);
    this.cache = new SearchResultCache(limits.cachedSearches);
    // Measuring a search's own cost (no cache) keeps no documents either.
    this.shownLimit = limits.cachedSearches === 0 ? 0 : SHOWN_DOCUMENTS;
  }

  async search(request: SearchRequest): Promise<SearchPage> {
    const where = whereClause(request.query);
    if (!where) return { total: 0, hits: [] };
    const end = request.offset + request.limit;
    const version = this.version.current();
    const { total, totalIsAtLeast, hits } = this.candidates(where, end, request.preferredLanguage, version);
    if (total === 0 || request.offset >= total) return { total, totalIsAtLeast, hits: [] };
    return { total, totalIsAtLeast, hits: this.load(hits.slice(request.offset, end), version) };
  }

  /** The ranked candidates for a page ending at `end`, cached while the library is unchanged. */
  private candidates(where: Where, end: number, preferredLanguage: string, version: string): RankedCandidates {
    const window = Math.max(this.rankWindow, end);
    const limit = Math.max(RERANK_WINDOW, end);
    const reranked = end <= RERANK_WINDOW;
    const key = JSON.stringify([where.sql, where.params, window, limit, reranked ? preferredLanguage : '']);
    return this.cache.get(key, version, () => {
      const { matches, candidates } = where.ranked
        ? this.ranked(where, window, limit)
        : { matches: this.countListed(where, window), candidates: undefined };
      const total = Math.min(matches, window);
      const hits = total === 0 ? [] : (candidates ?? this.listed(where, limit));
      return { total, totalIsAtLeast: matches > window, hits: reranked ? rankHits(hits, preferredLanguage) : hits };
    });
  }

  /**
   * The best `limit` of the `window` most recently added matches, as light
   * rows (no body): re-ranking reads only these fields. The same walk
   * counts the matches, up to `window + 1`: past that the member reads
   * "more than 1,000", and a second walk to count further would cost as
   * much as the search (measured: 1.6 ms of 4.8 for "pravo na" at 16,400).
   */
  private ranked(where: Where, window: number, limit: number): { matches: number; candidates: RankableHit[] } {
    // cphub_rank extrapolates document frequencies over the rowid range.
    const native = this.db.ranking === 'cphub_rank';
    const score = native ? `cphub_rank(documents_fts, ?, ?, ${WEIGHTS})` : `bm25(documents_fts, ${WEIGHTS})`;
    const scoreParams = native ? [(this.maxSeq.get() as { seq: number }).seq, this.dfSample] : [];
    // The window's matches are walked and scored in the index alone; only
    // the best `limit + 1` are looked up in the documents table (reading a
    // row for each of the 1,001 was 2 of a common word's 4.7 ms at 16,400
    // documents). A filter the index cannot answer (a wide year range)
    // needs the rows during the walk.
    const walk = where.needsRows
      ? `SELECT d.seq, ${score} AS ftsRank FROM ${FTS_JOIN} WHERE ${where.sql} ORDER BY documents_fts.rowid DESC LIMIT ?`
      : `SELECT documents_fts.rowid AS seq, ${score} AS ftsRank FROM documents_fts WHERE ${where.sql} ORDER BY documents_fts.rowid DESC LIMIT ?`;
    // One row past the window tells "more than"; that oldest row is not ranked.
    // Ties keep the walk's order (newest first), as the sort is stable.
    const sql = `SELECT d.seq, d.id, d.language_group AS languageGroup, d.year, -best.ftsRank AS score, best.matches, best.oldest
      FROM (SELECT seq, ftsRank, count(*) OVER () AS matches, min(seq) OVER () AS oldest FROM (${walk})
        ORDER BY ftsRank LIMIT ?) best
      CROSS JOIN documents d ON d.seq = best.seq
      ORDER BY best.ftsRank, best.seq DESC`;
    type Row = CandidateRow & { seq: number; matches: number; oldest: number };
    const rows = this.statement(sql).all(...scoreParams, ...where.params, window + 1, limit + 1) as Row[];
    const matches = rows[0]?.matches ?? 0;
    const inWindow = matches > window ? rows.filter((row) => row.seq !== row.oldest) : rows;
    return {
      matches,
      candidates: inWindow.slice(0, limit).map(({ id, languageGroup, year, score }) => ({ document: { id, languageGroup, year }, score })),
    };
  }

  /** How many documents the filters list, up to `window + 1`. */
  private countListed(where: Where, window: number): number {
    const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM documents d WHERE ${where.sql} LIMIT ?)`;
    return (this.statement(sql).get(...where.params, window + 1) as { n: number }).n;
  }

  /**
   * Filters alone: the newest first. In SQLite NULL sorts lowest, so DESC
   * puts undated documents last, and the (year, seq) order is the year
   * index walked backwards.
   */
  private listed(where: Where, limit: number): RankableHit[] {
    const sql = `SELECT d.seq, d.id, d.language_group AS languageGroup, d.year, 1.0 AS score FROM documents d
       WHERE ${where.sql} ORDER BY d.year DESC, d.seq DESC LIMIT ?`;
    return this.rows(sql, [...where.params, limit]);
  }

  private rows(sql: string, params: Array<string | number>): RankableHit[] {
    const rows = this.statement(sql).all(...params) as CandidateRow[];
    return rows.map(({ score, ...document }) => ({ document, score }));
  }

  /**
   * Full rows for the page that is shown, in the ranked order. Documents
   * shown lately are kept while the library is unchanged: a repeated search
   * (the search result cache's hit) then reads no rows at all; reading and
   * converting five rows was a tenth of a remembered /search.
   */
  private load(hits: RankableHit[], version: string): SearchHit[] {
    if (hits.length === 0) return [];
    if (this.shownVersion !== version || this.shown.size >= this.shownLimit) {
      this.shown.clear();
      this.shownVersion = version;
    }
    const ids = hits.map((hit) => hit.document.id).filter((id) => !this.shown.has(id));
    if (ids.length > 0) {
      const rows = this.statement(`SELECT ${COLUMNS} FROM documents d WHERE d.id IN (${ids.map(() => '?').join(', ')})`)
        .all(...ids) as DocumentRow[];
      for (const row of rows) this.shown.set(row.id, toLibraryDocument(row));
    }
    return hits.map((hit) => ({ document: this.shown.get(hit.document.id)!, score: hit.score }));
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
      needsRows: filters.params.length > 0,
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
