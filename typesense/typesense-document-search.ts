/**
 * `DocumentSearch` on Typesense: the same matches as SQLite (search-params.ts,
 * search-tokens.ts), ranked by Typesense's text match with the field weights
 * of the SQLite backend, then by core's re-ranking (member's language, newer
 * first) among documents Typesense scores alike. The shown page is loaded
 * from the document repository (SQLite, the source of truth), so a member
 * always reads the document as it is now.
 *
 * Typo tolerance is on: up to two typos (one from four letters, two from
 * seven, Typesense's defaults) when the words as typed find nothing
 * (`typo_tokens_threshold=1`); words are never dropped to find something
 * (`drop_tokens_threshold=0`: all words must match, as in SQLite).
 */
import type { Client } from 'typesense';
import type { SearchResponse } from 'typesense/lib/Typesense/Documents.js';
import type { DocumentRepository, DocumentSearch, FacetCount, SearchFacets, SearchHit, SearchPage, SearchRequest } from '../core/ports.ts';
import { RERANK_WINDOW, rankHits, type RankableHit } from '../core/search/ranking.ts';
import { QUERY_BY, QUERY_BY_WEIGHTS, typesenseQuery, type TypesenseQuery } from './search-params.ts';

/** Typesense returns at most 250 hits a request. */
export const MAX_PER_REQUEST = 250;
/** Facet values shown: enough for every hub language. */
const MAX_FACET_VALUES = 12;

interface HitFields {
  id: string;
  language: string;
  year?: number;
}

export interface TypesenseSearchOptions {
  /** The alias (or collection) searched. */
  collection: string;
  /** Where the shown documents are read from. */
  documents: Pick<DocumentRepository, 'findById'>;
}

export class TypesenseDocumentSearch implements DocumentSearch {
  constructor(
    private readonly client: Client,
    private readonly options: TypesenseSearchOptions,
  ) {}

  async search(request: SearchRequest): Promise<SearchPage> {
    const query = typesenseQuery(request.query);
    if (!query) return { total: 0, hits: [] };
    const end = request.offset + request.limit;
    // The first RERANK_WINDOW hits are re-ranked, then cut; later pages keep Typesense's order.
    const reranked = end <= RERANK_WINDOW;
    const from = reranked ? 0 : request.offset;
    const { found, hits, facets } = await this.fetch(query, from, (reranked ? RERANK_WINDOW : end) - from);
    const ordered = reranked ? rankHits(hits, request.preferredLanguage).slice(request.offset, end) : hits;
    return { total: found, hits: await this.load(ordered), ...(facets ? { facets } : {}) };
  }

  /** `count` hits from `offset`, light (id, language, year), in requests of at most 250. */
  private async fetch(query: TypesenseQuery, offset: number, count: number): Promise<{ found: number; hits: RankableHit[]; facets?: SearchFacets }> {
    const first = await this.request(query, offset, Math.min(count, MAX_PER_REQUEST), true);
    const responses = [first];
    for (let next = offset + MAX_PER_REQUEST; next < Math.min(offset + count, first.found); next += MAX_PER_REQUEST) {
      responses.push(await this.request(query, next, Math.min(offset + count - next, MAX_PER_REQUEST), false));
    }
    const hits = responses.flatMap((response) => response.hits ?? []);
    const scores = relevanceScores(hits.map((hit) => hit.text_match ?? 0));
    return {
      found: first.found,
      hits: hits.map((hit, index) => ({
        document: { id: hit.document.id, languageGroup: hit.document.language, year: hit.document.year ?? null },
        score: scores[index]!,
      })),
      ...facetsOf(first),
    };
  }

  private request(query: TypesenseQuery, offset: number, limit: number, withFacets: boolean): Promise<SearchResponse<HitFields>> {
    return this.client
      .collections<HitFields>(this.options.collection)
      .documents()
      .search(
        {
          ...query,
          query_by: QUERY_BY.join(','),
          query_by_weights: QUERY_BY_WEIGHTS.join(','),
          prefix: false,
          num_typos: 2,
          typo_tokens_threshold: 1,
          drop_tokens_threshold: 0,
          split_join_tokens: 'off',
          include_fields: 'id,language,year',
          highlight_fields: 'title',
          offset,
          limit,
          ...(withFacets ? { facet_by: 'language,type', max_facet_values: MAX_FACET_VALUES } : {}),
        },
        { cacheSearchResultsForSeconds: 0 },
      );
  }

  /** The shown documents from the repository; one deleted since the last sync is left out. */
  private async load(hits: RankableHit[]): Promise<SearchHit[]> {
    const documents = await Promise.all(hits.map((hit) => this.options.documents.findById(hit.document.id)));
    return hits.flatMap((hit, index) => {
      const document = documents[index];
      return document ? [{ document, score: hit.score }] : [];
    });
  }
}

/**
 * Typesense's text match is a packed number (tokens matched, typos,
 * proximity, field weight), not a BM25-like score whose ratios mean
 * anything: documents that tie on it are "close", any difference is not.
 * Each distinct value becomes its own band of core's re-ranking
 * (ranking.ts: a band is 15%, a step of 1.4 is more than two).
 */
export function relevanceScores(textMatches: number[]): number[] {
  const levels = [...new Set(textMatches)].sort((a, b) => b - a);
  const level = new Map(levels.map((value, index) => [value, index]));
  return textMatches.map((value) => 1.4 ** -level.get(value)!);
}

function facetsOf(response: SearchResponse<HitFields>): { facets?: SearchFacets } {
  const counts = (field: string): FacetCount[] =>
    (response.facet_counts?.find((facet) => facet.field_name === field)?.counts ?? [])
      .filter((entry) => entry.value !== '')
      .map((entry) => ({ value: entry.value, count: entry.count }));
  if (!response.facet_counts) return {};
  return { facets: { languages: counts('language'), types: counts('type') } };
}
