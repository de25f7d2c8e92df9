/**
 * The two rankings of the SQLite backend: cphub_rank (the native extension
 * `npm install` builds) and FTS5's bm25(), the fallback. With a document-
 * frequency sample larger than any phrase's matches, cphub_rank's IDF is
 * exact, so it must give bm25()'s scores; with the default sample it must
 * keep the order of the top hits on a library far larger than the sample.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentBatches } from '../../bench/corpus.ts';
import { QUERIES } from '../../bench/queries.ts';
import { openDatabase, type OpenDatabase } from '../../db/open-database.ts';
import { SqliteDocumentSearch } from '../../db/sqlite-document-search.ts';
import { SqliteDocumentStore } from '../../db/sqlite-document-store.ts';
import { parseQuery } from '../../core/search/query-parser.ts';

const BUILT = ['so', 'dylib', 'dll'].some((suffix) => existsSync(fileURLToPath(new URL(`../../build/cphub-rank.${suffix}`, import.meta.url))));
const LIBRARY = 3000;

describe('SQLite ranking', () => {
  let native: OpenDatabase;
  let fallback: OpenDatabase;

  beforeAll(() => {
    native = openDatabase(':memory:');
    fallback = openDatabase(':memory:', { rankingExtension: false });
    for (const batch of documentBatches(LIBRARY, 500)) {
      for (const db of [native, fallback]) new SqliteDocumentStore(db).upsertAll(batch, new Date('2026-01-01T00:00:00Z'));
    }
  });
  afterAll(() => {
    native.close();
    fallback.close();
  });

  it('loads the extension whenever npm install built it, and can be told not to', () => {
    expect(native.ranking).toBe(BUILT ? 'cphub_rank' : 'bm25');
    expect(fallback.ranking).toBe('bm25');
  });

  const search = (db: OpenDatabase, text: string, dfSample?: number, limit = 10) =>
    new SqliteDocumentSearch(db, { dfSample }).search({ query: parseQuery(text), preferredLanguage: 'en', offset: 0, limit });
  const ranked = QUERIES.filter((query) => query.kind !== 'filter only' && query.kind !== 'hostile');

  it.runIf(BUILT)('gives bm25() scores exactly when its sample covers every match', async () => {
    for (const query of ranked) {
      const [mine, theirs] = await Promise.all([search(native, query.text, LIBRARY * 10), search(fallback, query.text)]);
      expect({ query: query.text, ids: mine.hits.map((hit) => hit.document.id), total: mine.total }).toEqual({
        query: query.text,
        ids: theirs.hits.map((hit) => hit.document.id),
        total: theirs.total,
      });
      mine.hits.forEach((hit, i) => expect(hit.score).toBeCloseTo(theirs.hits[i]!.score, 9));
    }
  });

  it('lists the matches best first past the re-ranked pages, with either ranking', async () => {
    for (const db of [native, fallback]) {
      const page = await new SqliteDocumentSearch(db).search({ query: parseQuery('education'), preferredLanguage: 'en', offset: 0, limit: 1000 });
      expect(page.hits.length).toBeGreaterThan(500);
      const scores = page.hits.slice(200).map((hit) => hit.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const best = Math.max(...page.hits.map((hit) => hit.score));
      expect(page.hits[0]!.score).toBeGreaterThan(best / 1.15);
    }
  });

  /** The share of the best possible bm25() score that a page of ten holds, over the query mix. */
  const topTenShare = async (db: OpenDatabase, dfSample?: number) => {
    let share = 0;
    let counted = 0;
    for (const query of ranked) {
      const all = await search(fallback, query.text, undefined, 1000);
      if (all.hits.length < 10) continue;
      const exact = new Map(all.hits.map((hit) => [hit.document.id, hit.score]));
      const shown = (await search(db, query.text, dfSample)).hits.reduce((sum, hit) => sum + exact.get(hit.document.id)!, 0);
      const best = all.hits.map((hit) => hit.score).sort((a, b) => b - a).slice(0, 10).reduce((sum, score) => sum + score, 0);
      share += shown / best;
      counted += 1;
    }
    expect(counted).toBeGreaterThan(10);
    return share / counted;
  };

  it.runIf(BUILT)('ranks as well as bm25() when it samples the frequencies of common words', async () => {
    // 100 of ~1,500 matches: the estimate is off by ~10%, yet the pages
    // shown hold the same share of the best scores (measured at 16,400
    // documents and the default sample of 1,000: 0.980 against bm25's 0.979).
    const exact = await topTenShare(fallback);
    expect(exact).toBeGreaterThan(0.9);
    expect(await topTenShare(native, 100)).toBeGreaterThan(exact - 0.02);
  });
});
