/**
 * Ranking after relevance: among close scores, the member's language first,
 * then newer first. "Close" is a band of 15% in score, so the order is a
 * proper sort (a pairwise "within 15% of each other" would not be transitive).
 */
import type { LibraryDocument } from '../library/document.ts';

/** What ranking reads of a hit: a backend may rank light rows before loading the shown ones. */
export interface RankableHit {
  score: number;
  document: Pick<LibraryDocument, 'id' | 'languageGroup' | 'year'>;
}

const CLOSE = Math.log(1.15);
/**
 * The last tie-break, by id with numbers in numeric order. One collator for
 * the process: `localeCompare(b, 'en', options)` builds an ICU collator on
 * every call, which made sorting 201 tied hits (a filter-only search, where
 * every score is equal) 6 ms instead of 0.3.
 */
const BY_ID = new Intl.Collator('en', { numeric: true });

function band(score: number): number {
  return Math.floor(Math.log(Math.max(score, 1e-9)) / CLOSE);
}

export function rankHits<H extends RankableHit>(hits: H[], preferredLanguage: string): H[] {
  const keyed = hits.map((hit) => ({
    hit,
    band: band(hit.score),
    preferred: hit.document.languageGroup === preferredLanguage ? 1 : 0,
    year: hit.document.year ?? 0,
  }));
  keyed.sort(
    (a, b) =>
      b.band - a.band ||
      b.preferred - a.preferred ||
      b.year - a.year ||
      b.hit.score - a.hit.score ||
      BY_ID.compare(a.hit.document.id, b.hit.document.id),
  );
  return keyed.map((entry) => entry.hit);
}

/** How many of the best hits are re-ranked; later pages keep pure relevance. */
export const RERANK_WINDOW = 200;
