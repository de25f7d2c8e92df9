/**
 * Search quality on real multilingual text: the UDHR, one document per
 * article and language. A query in any language and script, with or without
 * diacritics, in another inflected form than the text uses, must put the
 * right article first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSearch } from '../../core/ports.ts';
import { parseQuery } from '../../core/search/query-parser.ts';
import { openDatabase } from '../../db/open-database.ts';
import { SqliteDocumentSearch } from '../../db/sqlite-document-search.ts';
import { SqliteDocumentStore } from '../../db/sqlite-document-store.ts';
import { udhrDocuments } from '../support/udhr-corpus.ts';

// [what the case shows, query, article number, udhr codes that may come first]
const CASES: Array<[string, string, number, string[]]> = [
  ['English, other form', 'tortured', 5, ['eng', 'ron_2006', 'mkd']],
  ['English, plural', 'slaves trade', 4, ['eng']],
  ['Albanian without ë', 'skllaveria', 4, ['als']],
  ['Albanian, other case', 'arsimin', 26, ['als']],
  ['Albanian, other form', 'martesa', 16, ['als']],
  ['Bosnian without diacritics, genitive', 'mucenja', 5, ['bos_latn', 'bos_cyrl', 'hrv', 'srp_latn', 'srp_cyrl']],
  ['Croatian, genitive', 'obrazovanja', 26, ['hrv', 'bos_latn', 'bos_cyrl']],
  ['Serbian Latin without diacritics, genitive', 'skolovanja', 26, ['srp_latn', 'srp_cyrl']],
  ['Serbian Cyrillic text, Latin query', 'porodicu brak', 16, ['srp_latn', 'srp_cyrl']],
  ['Serbian Latin text, Cyrillic query', 'школовање', 26, ['srp_latn', 'srp_cyrl']],
  ['Bosnian Cyrillic text, Latin query with diacritics', 'nečovječnom postupku', 5, ['bos_latn', 'bos_cyrl', 'hrv']],
  ['Macedonian Cyrillic, definite form', 'ропството', 4, ['mkd', 'bul']],
  ['Macedonian, Latin query', 'semejstvoto brak', 16, ['mkd', 'bul']],
  ['Bulgarian, singular for plural', 'изтезание', 5, ['bul']],
  ['Bulgarian, Latin transliteration', 'iztezaniya', 5, ['bul']],
  ['Romanian without diacritics', 'invatamant', 26, ['ron_2006']],
  ['Romanian, cedilla instead of comma', 'învăţământul', 26, ['ron_2006']],
  ['Romanian, other form', 'sclavia', 4, ['ron_2006']],
  ['Hungarian, other case', 'rabszolgaságot', 4, ['hun']],
  ['Hungarian without accents', 'hazassag', 16, ['hun']],
  ['Hungarian, suffixed', 'oktatáshoz', 26, ['hun']],
];

describe('search quality on the UDHR in the languages of the region', () => {
  let search: DocumentSearch;

  beforeAll(() => {
    const db = openDatabase(':memory:');
    new SqliteDocumentStore(db).upsertAll(udhrDocuments(), new Date('2026-01-01T00:00:00Z'));
    search = new SqliteDocumentSearch(db);
  });

  it.each(CASES)('%s: "%s" finds article %i first', async (_case, query, article, codes) => {
    const page = await search.search({ query: parseQuery(query), preferredLanguage: 'en', offset: 0, limit: 5 });
    const top = page.hits[0]?.document.id;
    const expected = new RegExp(`^udhr-(${codes.join('|')})-${article}$`);
    expect(top, `hits: ${page.hits.map((hit) => hit.document.id).join(', ')}`).toMatch(expected);
  });
});
