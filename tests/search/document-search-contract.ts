/**
 * The contract every DocumentSearch backend keeps. Run against SQLite FTS5
 * always (sqlite-document-search.test.ts) and against any other backend
 * that is reachable, unchanged.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LibraryDocument } from '../../core/library/document.ts';
import type { DocumentSearch } from '../../core/ports.ts';
import { parseQuery } from '../../core/search/query-parser.ts';
import { sampleDocument as doc } from '../support/core-harness.ts';

export type BackendFactory = (documents: LibraryDocument[]) => Promise<DocumentSearch>;

const LIBRARY: LibraryDocument[] = [
  doc({ id: 'en-violence', title: 'Violence against children in Serbia', summary: 'A national report.', year: 2017, country: 'RS', topics: ['violence and abuse'] }),
  doc({ id: 'sr-latn', title: 'Zaštita dece od nasilja', language: 'sr-Latn', languageGroup: 'sh', country: 'RS', type: 'strategy', year: 2008, topics: ['violence and abuse'] }),
  doc({ id: 'sr-cyrl', title: 'Породично насиље и деца', language: 'sr-Cyrl', languageGroup: 'sh', country: 'RS', type: 'strategy', year: 2009 }),
  doc({ id: 'hr-medu', title: 'Međunarodni standardi skrbi', language: 'hr', languageGroup: 'sh', country: 'HR', type: 'guideline', year: 2015 }),
  doc({ id: 'ro-comma', title: 'Legea privind protecția și promovarea drepturilor copilului', language: 'ro', languageGroup: 'ro', country: 'RO', type: 'legislation', year: 2004 }),
  doc({ id: 'ro-cedilla', title: 'Strategia naţională pentru protecţia copilului', language: 'ro', languageGroup: 'ro', country: 'RO', type: 'strategy', year: 2014 }),
  doc({ id: 'sq-dhuna', title: 'Dhuna ndaj fëmijëve në Shqipëri', language: 'sq', languageGroup: 'sq', country: 'AL', year: 2019 }),
  doc({ id: 'bg-deca', title: 'Насилие над деца в България', language: 'bg', languageGroup: 'bg', country: 'BG', type: 'research', year: 2020 }),
  doc({ id: 'hu-gyermek', title: 'Gyermekvédelmi jelentés', language: 'hu', languageGroup: 'hu', country: 'HU', year: 2018, publisher: 'Ombudsman of Hungary' }),
  doc({ id: 'mk-semejstvo', title: 'Поддршка на семејството', language: 'mk', languageGroup: 'mk', country: 'MK', type: 'training material', year: 2021, topics: ['family support'] }),
  doc({ id: 'phrase-yes', title: 'Child protection systems', year: 2012 }),
  doc({ id: 'phrase-no', title: 'Protection of the child in courts', year: 2012, type: 'training material' }),
  doc({ id: 'code', title: 'Register entry BENCH-100821 dated 2026-03-14', year: 2026 }),
];

const ids = (page: { hits: Array<{ document: LibraryDocument }> }) => page.hits.map((hit) => hit.document.id);

export function describeSearchContract(backendName: string, createBackend: BackendFactory): void {
  describe(`DocumentSearch contract: ${backendName}`, () => {
    let backend: DocumentSearch;
    const find = async (query: string, preferredLanguage = 'en', limit = 20) =>
      backend.search({ query: parseQuery(query), preferredLanguage, offset: 0, limit });

    beforeAll(async () => {
      backend = await createBackend(LIBRARY);
    });

    it.each([
      ['any case', 'VIOLENCE', 'en-violence'],
      ['without diacritics', 'zastita', 'sr-latn'],
      ['with diacritics the text lacks', 'Strategia națională', 'ro-cedilla'],
      ['cedilla for comma below', 'protecţia şi promovarea', 'ro-comma'],
      ['đ written dj', 'medjunarodni', 'hr-medu'],
      ['đ written d', 'medunarodni', 'hr-medu'],
      ['ë written e', 'femijeve', 'sq-dhuna'],
      ['Latin query, Cyrillic text', 'porodicno nasilje', 'sr-cyrl'],
      ['Cyrillic query, Latin text', 'заштита деце', 'sr-latn'],
      ['Macedonian in Latin', 'poddrska semejstvoto', 'mk-semejstvo'],
      ['Bulgarian in Latin', 'nasilie nad deca', 'bg-deca'],
      ['Hungarian without accents', 'gyermekvedelmi jelentes', 'hu-gyermek'],
      ['another inflected form', 'nasilje', 'sr-latn'],
      ['a code as typed', 'BENCH-100821', 'code'],
      ['a date as typed', '2026-03-14', 'code'],
    ])('%s: %s', async (_name, query, expected) => {
      expect(ids(await find(query))).toContain(expected);
    });

    it.each(['deca', 'dece', 'decom', 'djecom', 'dijete', 'деца', 'децата'])(
      'every form of "child" in BCMS, Macedonian and Bulgarian finds the others: %s',
      async (query) => {
        const found = ids(await find(query));
        expect(found).toEqual(expect.arrayContaining(['sr-latn', 'sr-cyrl', 'bg-deca']));
      },
    );

    it('topics and publishers are searched too', async () => {
      expect(ids(await find('family support'))).toEqual(['mk-semejstvo']);
      const published = await backend.search({ query: parseQuery('ombudsman'), preferredLanguage: 'en', offset: 0, limit: 5 });
      expect(ids(published)).toEqual(['hu-gyermek']);
    });

    it('all words must match', async () => {
      expect((await find('violence zebra')).total).toBe(0);
    });

    it('an exact phrase matches only those words together', async () => {
      expect(ids(await find('"child protection"'))).toEqual(['phrase-yes']);
    });

    it('a minus leaves a word out', async () => {
      const found = ids(await find('protection -courts'));
      expect(found).toContain('phrase-yes');
      expect(found).not.toContain('phrase-no');
    });

    it.each([
      ['lang: takes every BCMS tag', 'lang:sr', ['hr-medu', 'sr-cyrl', 'sr-latn']],
      ['lang: by name', 'lang:shqip', ['sq-dhuna']],
      ['type: by prefix', 'type:training', ['mk-semejstvo', 'phrase-no']],
      ['country: by code', 'country:ro', ['ro-cedilla', 'ro-comma']],
      ['year: one year', 'year:2008', ['sr-latn']],
      ['year: a range', 'year:2018-2019', ['hu-gyermek', 'sq-dhuna']],
      ['topic: by a word', 'topic:family', ['mk-semejstvo']],
    ])('%s (%s)', async (_name, query, expected) => {
      expect(ids(await find(query)).sort()).toEqual(expected);
    });

    it.each([
      ['language and year', 'nasilje lang:sh year:2009', ['sr-cyrl']],
      ['type by prefix', 'protection type:training', ['phrase-no']],
      ['topic', 'semejstvo topic:family', ['mk-semejstvo']],
      ['country', 'violence country:RS', ['en-violence', 'sr-latn']],
      ['a year range', 'nasilje year:2009-2030', ['bg-deca', 'sr-cyrl']],
      ['a range of many years', 'nasilje year:1950-2009', ['sr-cyrl', 'sr-latn']],
      ['two languages', 'nasilje lang:bg,sr', ['bg-deca', 'sr-cyrl', 'sr-latn']],
    ])('filters combine with words: %s (%s)', async (_name, query, expected) => {
      expect(ids(await find(query)).sort()).toEqual(expected);
    });

    it.each([
      ['"child*', ['en-violence', 'phrase-no', 'phrase-yes']],
      ['protection*', ['phrase-no', 'phrase-yes', 'ro-cedilla', 'ro-comma']],
      ['NOT child', ['en-violence', 'phrase-no', 'phrase-yes']],
      ['Register 2026-03-14 "entry', ['code']],
      ['*', []],
      ['AND OR', []],
      ['NEAR(', []],
      ['a:b', []],
      ['-', []],
      ["don't", []],
      ['😀', []],
      ['x'.repeat(5000), []],
      ['")(*', []],
      ['topic:%', []],
    ])('a hostile query %j is searched as words', async (query, expected) => {
      expect(ids(await find(query as string)).sort()).toEqual(expected);
    });
  });

  describe(`DocumentSearch ranking: ${backendName}`, () => {
    it('title above summary above body', async () => {
      const backend = await createBackend([
        doc({ id: 'in-body', title: 'Annual overview', body: 'A chapter on kinship care and other matters of the year.' }),
        doc({ id: 'in-title', title: 'Kinship care', summary: 'An overview.' }),
        doc({ id: 'in-summary', title: 'Annual overview two', summary: 'On kinship care.' }),
      ]);
      const page = await backend.search({ query: parseQuery('kinship'), preferredLanguage: 'en', offset: 0, limit: 5 });
      expect(ids(page)).toEqual(['in-title', 'in-summary', 'in-body']);
    });

    it("among equal scores the member's language first, then newer first", async () => {
      const backend = await createBackend([
        doc({ id: 'sq-old', title: 'UNICEF raport', language: 'sq', languageGroup: 'sq', year: 2001 }),
        doc({ id: 'en-old', title: 'UNICEF raport', year: 2001 }),
        doc({ id: 'en-new', title: 'UNICEF raport', year: 2020 }),
      ]);
      const search = (preferredLanguage: string) =>
        backend.search({ query: parseQuery('unicef raport'), preferredLanguage, offset: 0, limit: 5 });
      expect(ids(await search('sq'))).toEqual(['sq-old', 'en-new', 'en-old']);
      expect(ids(await search('en'))).toEqual(['en-new', 'en-old', 'sq-old']);
    });

    it('pages are disjoint and add up to the total', async () => {
      const backend = await createBackend(
        Array.from({ length: 23 }, (_, index) => doc({ id: `p${index}`, title: `Foster care ${index}`, year: 1990 + index })),
      );
      const seen: string[] = [];
      for (let offset = 0; offset < 25; offset += 5) {
        const page = await backend.search({ query: parseQuery('foster'), preferredLanguage: 'en', offset, limit: 5 });
        expect(page.total).toBe(23);
        seen.push(...ids(page));
      }
      expect(new Set(seen).size).toBe(23);
    });
  });
}
