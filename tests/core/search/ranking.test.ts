import { describe, expect, it } from 'vitest';
import { rankHits, type RankableHit } from '../../../core/search/ranking.ts';

function hit(id: string, score: number, languageGroup = 'en', year: number | null = 2020): RankableHit {
  return { score, document: { id, languageGroup, year } };
}

const ids = (hits: RankableHit[]) => hits.map((entry) => entry.document.id);

describe('re-ranking among close scores', () => {
  it('puts a clearly better score first, whatever its language or year', () => {
    expect(ids(rankHits([hit('old-other', 1, 'sq', 1999), hit('best', 2, 'sq', 1999)], 'en'))).toEqual(['best', 'old-other']);
  });

  it("within 15%: the member's language first, then newer first, then the higher score", () => {
    const ranked = rankHits(
      [hit('ro-new', 1.0, 'ro', 2024), hit('en-old', 1.01, 'en', 2001), hit('en-new', 1.0, 'en', 2024), hit('en-new-better', 1.02, 'en', 2024)],
      'en',
    );
    expect(ids(ranked)).toEqual(['en-new-better', 'en-new', 'en-old', 'ro-new']);
  });

  it('breaks a full tie by id with numbers in numeric order (a filter-only listing, where every score is equal)', () => {
    const tied = ['BENCH-10', 'BENCH-9', 'bench-100', 'BENCH-2', 'alpha', 'Bench-1'].map((id) => hit(id, 1));
    expect(ids(rankHits(tied, 'en'))).toEqual(['alpha', 'Bench-1', 'BENCH-2', 'BENCH-9', 'BENCH-10', 'bench-100']);
  });
});
