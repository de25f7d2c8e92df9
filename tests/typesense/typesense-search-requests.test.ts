/**
 * The Typesense backend's requests, as the real `typesense` client sends
 * them to a fake node on 127.0.0.1, and its answers mapped back into a
 * SearchPage. No Typesense server needed: these are the exact parameters
 * a real one would receive.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryDocument } from '../../core/library/document.ts';
import { parseQuery } from '../../core/search/query-parser.ts';
import { createTypesenseClient } from '../../typesense/typesense-client.ts';
import { TypesenseDocumentSearch } from '../../typesense/typesense-document-search.ts';
import { sampleDocument as doc } from '../support/core-harness.ts';
import { startFakeTypesense, type FakeTypesense, type RecordedRequest } from '../support/fake-typesense.ts';

const QUERY_BY = 'title_p,summary_p,meta_p,body_p,title,summary,meta,body,text_en,text_sq,text_sh,text_bg,text_hu,text_ro,text_mk';

let fake: FakeTypesense;
const library = new Map<string, LibraryDocument>();

function backend(): TypesenseDocumentSearch {
  const client = createTypesenseClient({ nodes: [fake.node], apiKey: fake.apiKey, collection: 'hub', timeoutSeconds: 2 });
  return new TypesenseDocumentSearch(client, { collection: 'hub', documents: { findById: async (id) => library.get(id) } });
}

const searches = (): RecordedRequest[] => fake.requests.filter((request) => request.path.endsWith('/documents/search'));
const find = (query: string, offset = 0, limit = 5, preferredLanguage = 'en') =>
  backend().search({ query: parseQuery(query), preferredLanguage, offset, limit });

beforeAll(async () => {
  fake = await startFakeTypesense();
  fake.collections.set('hub', { schema: { name: 'hub' }, documents: new Map() });
  for (const document of [
    doc({ id: 'a', title: 'A', languageGroup: 'en', year: 2010 }),
    doc({ id: 'b', title: 'B', language: 'sq', languageGroup: 'sq', year: 2012 }),
    doc({ id: 'c', title: 'C', languageGroup: 'en', year: 2020 }),
  ]) library.set(document.id, document);
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.onSearch(() => ({ found: 0, hits: [], facet_counts: [] }));
});

describe('Typesense search requests', () => {
  it('words, a phrase, an exclusion and filters: one GET with exactly these parameters', async () => {
    await find('nasilje "child protection" -courts lang:sr,bg country:RS type:training year:2015-2020 topic:family');
    expect(searches()).toHaveLength(1);
    const [request] = searches();
    expect(request!.method).toBe('GET');
    expect(request!.path).toBe('/collections/hub/documents/search');
    expect(request!.apiKey).toBe(fake.apiKey);
    expect(request!.query).toEqual({
      // Folded: "child" is "cild" in the index too (ch → c).
      q: 'nasil "cild protection" -court',
      query_by: QUERY_BY,
      query_by_weights: '10,4,2,1,10,4,2,1,1,1,1,1,1,1,1',
      filter_by: 'language:=[`sh`, `bg`] && country:=[`RS`] && type_key:training* && topic_words:familj* && year:[2015..2020]',
      sort_by: '_text_match:desc,seq:desc',
      prefix: 'false',
      num_typos: '2',
      typo_tokens_threshold: '1',
      drop_tokens_threshold: '0',
      split_join_tokens: 'off',
      include_fields: 'id,language,year',
      highlight_fields: 'title',
      offset: '0',
      limit: '200',
      facet_by: 'language,type',
      max_facet_values: '12',
    });
  });

  it('a word of an irregular family is asked by its family marker, a short word as typed', async () => {
    await find('децата ab');
    expect(searches()[0]!.query.q).toBe('qqfamilydete ab');
  });

  it('filters alone list the library newest first, exclusions as filters', async () => {
    await find('type:report -violence');
    const query = searches()[0]!.query;
    expect(query.q).toBe('*');
    expect(query.sort_by).toBe('year_sort:desc,seq:desc');
    expect(query.filter_by).toBe(
      'type_key:report* && ((title_p:!=[`violenc`] && summary_p:!=[`violenc`] && meta_p:!=[`violenc`] && body_p:!=[`violenc`]))',
    );
  });

  it('nothing to look for sends nothing', async () => {
    for (const query of ['*', '-', '")(*', 'topic:%', '😀', '-violence']) {
      expect((await find(query)).total).toBe(0);
    }
    expect(searches()).toEqual([]);
  });

  const isOurs = (q: string) =>
    // Every q term: folded letters and digits, a quoted phrase of them, or a minus before either.
    q.match(/-?"[^"]*"|\S+/g)!.every((term) => /^-?("[\p{L}\p{N} ]+"|[\p{L}\p{N}]+)$/u.test(term));

  it('hostile member text never reaches q as syntax', async () => {
    await find(`\`a\`&&b||c:d [x](y) NOT:(z) ${'w'.repeat(5000)} it's -"a) || (b" -x:y "p && q"`);
    const { q } = searches()[0]!.query;
    expect(isOurs(q!)).toBe(true);
    expect(q).toBe(`${'w'.repeat(64)} "a b c d" "x j" "not z" "it s" "p q" -"a b" -"x j"`);
  });

  it('hostile member text never reaches filter_by as syntax: only our fields, operators and letters', async () => {
    await find('violence type:`x`&&(y||z):[w] topic:a&&b||c:[d]`e` country:`RS`&&id:!=x lang:sh||true year:2015)||(seq:>0 topic:"(x) || \\`y\\`"');
    const query = searches()[0]!.query;
    expect(query.q).toBe('violenc');
    expect(query.filter_by).toBe(
      'type_key:xjzw* && (topic_words:a* && topic_words:b* && topic_words:c* && topic_words:d* && topic_words:e*) && (topic_words:x* && topic_words:j*)',
    );
  });

  it('every language and country value is a backtick literal', async () => {
    await find('child lang:hu country:XK,BA');
    expect(searches()[0]!.query.filter_by).toBe('language:=[`hu`] && country:=[`XK`, `BA`]');
  });
});

describe('Typesense answers as a SearchPage', () => {
  const hit = (id: string, language: string, year: number, textMatch: number) => ({ document: { id, language, year }, text_match: textMatch, highlights: [] });

  it('maps hits, the total and the facet counts, and re-ranks ties by the member language, then year', async () => {
    fake.onSearch(() => ({
      found: 3,
      out_of: 3,
      page: 1,
      hits: [hit('a', 'en', 2010, 500), hit('c', 'en', 2020, 500), hit('b', 'sq', 2012, 500)],
      facet_counts: [
        { field_name: 'language', counts: [{ value: 'en', count: 2, highlighted: 'en' }, { value: 'sq', count: 1, highlighted: 'sq' }], stats: {} },
        { field_name: 'type', counts: [{ value: 'report', count: 3, highlighted: 'report' }, { value: '', count: 1, highlighted: '' }], stats: {} },
      ],
    }));
    const page = await find('raport', 0, 5, 'sq');
    expect(page.total).toBe(3);
    expect(page.hits.map((entry) => entry.document.id)).toEqual(['b', 'c', 'a']);
    expect(page.hits[0]!.document).toEqual(library.get('b'));
    expect(page.facets).toEqual({ languages: [{ value: 'en', count: 2 }, { value: 'sq', count: 1 }], types: [{ value: 'report', count: 3 }] });
  });

  it('a better text match stays above the member language', async () => {
    fake.onSearch(() => ({ found: 2, hits: [hit('a', 'en', 2010, 900), hit('b', 'sq', 2012, 800)], facet_counts: [] }));
    const page = await find('raport', 0, 5, 'sq');
    expect(page.hits.map((entry) => entry.document.id)).toEqual(['a', 'b']);
  });

  it('a document deleted in SQLite since the last sync is left out of the page', async () => {
    fake.onSearch(() => ({ found: 2, hits: [hit('gone', 'en', 2010, 900), hit('a', 'en', 2010, 800)], facet_counts: [] }));
    expect((await find('raport')).hits.map((entry) => entry.document.id)).toEqual(['a']);
  });

  it('pages past the re-ranked window ask Typesense for exactly that page, 250 at most a request', async () => {
    await find('raport', 400, 5);
    expect(searches().map((request) => [request.query.offset, request.query.limit])).toEqual([['400', '5']]);
    fake.requests.length = 0;
    fake.onSearch(() => ({ found: 10_000, hits: [], facet_counts: [] }));
    await find('raport', 300, 600);
    expect(searches().map((request) => [request.query.offset, request.query.limit, request.query.facet_by])).toEqual([
      ['300', '250', 'language,type'],
      ['550', '250', undefined],
      ['800', '100', undefined],
    ]);
  });

  it('a refused key or a server error is an error for the caller (the fallback answers)', async () => {
    fake.failNext(/search$/, 500);
    fake.failNext(/search$/, 500);
    await expect(find('raport')).rejects.toThrow();
  });
});
