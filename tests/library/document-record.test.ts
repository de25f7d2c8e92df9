import { describe, expect, it } from 'vitest';
import { validateDocumentRecord } from '../../core/library/document-record.ts';

const MINIMAL = { id: 'doc-1', title: 'A title', language: 'en' };

function problemsOf(raw: Record<string, unknown>): string[] {
  const result = validateDocumentRecord(raw);
  return result.ok ? [] : result.problems;
}

function documentOf(raw: Record<string, unknown>) {
  const result = validateDocumentRecord(raw);
  if (!result.ok) throw new Error(`unexpected problems: ${result.problems.join('; ')}`);
  return result.document;
}

describe('validateDocumentRecord', () => {
  it('accepts a minimal record and fills the optional fields with empty values', () => {
    expect(documentOf(MINIMAL)).toEqual({
      id: 'doc-1', title: 'A title', summary: '', body: '', language: 'en', languageGroup: 'en',
      country: '', type: '', topics: [], publisher: '', year: null, url: '', urlIsMirror: false,
    });
  });

  it('takes every field of a full record, trimmed', () => {
    const document = documentOf({
      id: ' pub-7 ', title: ' Title ', summary: ' Sum ', body: ' Body ', language: ' sr-cyrl ', country: ' rs ',
      type: ' Training  Material ', topics: [' health ', 'education'], publisher: ' UNICEF ', year: ' 2019 ',
      url: ' https://example.org/a ', url_is_mirror: 'yes',
    });
    expect(document).toEqual({
      id: 'pub-7', title: 'Title', summary: 'Sum', body: 'Body', language: 'sr-Cyrl', languageGroup: 'sh',
      country: 'RS', type: 'training material', topics: ['health', 'education'], publisher: 'UNICEF', year: 2019,
      url: 'https://example.org/a', urlIsMirror: true,
    });
  });

  it('reads url_is_mirror as true or false, in JSON or CSV text', () => {
    expect(documentOf({ ...MINIMAL, url_is_mirror: true }).urlIsMirror).toBe(true);
    expect(documentOf({ ...MINIMAL, url_is_mirror: 'false' }).urlIsMirror).toBe(false);
    expect(documentOf({ ...MINIMAL, url_is_mirror: '' }).urlIsMirror).toBe(false);
    expect(problemsOf({ ...MINIMAL, url_is_mirror: 'perhaps' })).toEqual(['url_is_mirror: expected true or false, got "perhaps"']);
  });

  it('ignores fields it does not know', () => {
    expect(documentOf({ ...MINIMAL, isbn: '978-86', pages: 12 }).id).toBe('doc-1');
  });

  describe('id', () => {
    it('is required and not blank', () => {
      expect(problemsOf({ ...MINIMAL, id: undefined })).toEqual(['id: missing']);
      expect(problemsOf({ ...MINIMAL, id: '   ' })).toEqual(['id: empty']);
    });

    it('is at most 200 characters', () => {
      expect(documentOf({ ...MINIMAL, id: 'x'.repeat(200) }).id).toHaveLength(200);
      expect(problemsOf({ ...MINIMAL, id: 'x'.repeat(201) })).toEqual(['id: longer than 200 characters (201)']);
    });

    it('accepts a whole number as its text, refuses other types and line breaks', () => {
      expect(documentOf({ ...MINIMAL, id: 42 }).id).toBe('42');
      expect(problemsOf({ ...MINIMAL, id: 4.2 })).toEqual(['id: expected text, got 4.2']);
      expect(problemsOf({ ...MINIMAL, id: ['a'] })).toEqual(['id: expected text, got a list']);
      expect(problemsOf({ ...MINIMAL, id: 'a\nb' })).toEqual(['id: contains a line break or a control character']);
    });
  });

  describe('title', () => {
    it('is required text', () => {
      expect(problemsOf({ id: 'a', language: 'en' })).toEqual(['title: missing']);
      expect(problemsOf({ ...MINIMAL, title: '' })).toEqual(['title: empty']);
      expect(problemsOf({ ...MINIMAL, title: 1984 })).toEqual(['title: expected text, got 1984']);
      expect(problemsOf({ ...MINIMAL, title: { en: 'x' } })).toEqual(['title: expected text, got an object']);
    });
  });

  describe('language', () => {
    it('is a required ISO 639-1 code or BCP 47 tag', () => {
      expect(problemsOf({ ...MINIMAL, language: undefined })).toEqual(['language: missing']);
      expect(problemsOf({ ...MINIMAL, language: 'english' })).toEqual([
        'language: "english" is not a language code (expected ISO 639-1 such as "en" or BCP 47 such as "sr-Cyrl")',
      ]);
      expect(problemsOf({ ...MINIMAL, language: 'xx' })[0]).toMatch(/^language: "xx" is not a language code/);
    });

    it('puts every BCMS tag in the sh group, others in their base language', () => {
      const group = (language: string) => documentOf({ ...MINIMAL, language }).languageGroup;
      expect(['sh', 'sr', 'sr-Cyrl', 'hr', 'bs', 'cnr', 'sr-Latn'].map(group)).toEqual(Array(7).fill('sh'));
      expect(['mk', 'ro', 'sq', 'en-GB'].map(group)).toEqual(['mk', 'ro', 'sq', 'en']);
      expect(documentOf({ ...MINIMAL, language: 'sr_cyrl' }).language).toBe('sr-Cyrl');
    });
  });

  describe('country', () => {
    it('may be empty or absent (a regional document)', () => {
      expect(documentOf({ ...MINIMAL, country: '' }).country).toBe('');
      expect(documentOf({ ...MINIMAL, country: null }).country).toBe('');
    });

    it('is an ISO 3166 alpha-2 code, Kosovo included, upper-cased', () => {
      expect(documentOf({ ...MINIMAL, country: 'xk' }).country).toBe('XK');
      expect(documentOf({ ...MINIMAL, country: 'BA' }).country).toBe('BA');
      expect(problemsOf({ ...MINIMAL, country: 'Serbia' })).toEqual([
        'country: "Serbia" is not an ISO 3166 alpha-2 country code (such as "RS", or "XK" for Kosovo)',
      ]);
      expect(problemsOf({ ...MINIMAL, country: 'ZZ' })).toHaveLength(1);
      expect(problemsOf({ ...MINIMAL, country: 7 })).toEqual(['country: expected text, got 7']);
    });
  });

  describe('type', () => {
    it('is an open vocabulary, stored lower case with single spaces', () => {
      expect(documentOf({ ...MINIMAL, type: 'Policy Brief' }).type).toBe('policy brief');
      expect(problemsOf({ ...MINIMAL, type: true })).toEqual(['type: expected text, got true']);
    });
  });

  describe('topics', () => {
    it('takes a list of strings, or text separated by ; or |, without blanks or repeats', () => {
      expect(documentOf({ ...MINIMAL, topics: ['a', ' b ', '', 'a'] }).topics).toEqual(['a', 'b']);
      expect(documentOf({ ...MINIMAL, topics: 'health; education;;' }).topics).toEqual(['health', 'education']);
      expect(documentOf({ ...MINIMAL, topics: 'health|justice' }).topics).toEqual(['health', 'justice']);
      expect(documentOf({ ...MINIMAL, topics: '' }).topics).toEqual([]);
    });

    it('refuses other types, and a bar inside a listed topic', () => {
      expect(problemsOf({ ...MINIMAL, topics: 5 })).toEqual([
        'topics: expected a list of strings or text separated by ";", got 5',
      ]);
      expect(problemsOf({ ...MINIMAL, topics: ['a', 3] })).toEqual(['topics: item 2 is not text but 3']);
      expect(problemsOf({ ...MINIMAL, topics: ['a|b'] })).toEqual(['topics: "a|b" contains "|", which separates topics']);
    });
  });

  describe('year', () => {
    it('is a whole number or a numeric string; empty is unknown', () => {
      expect(documentOf({ ...MINIMAL, year: 2017 }).year).toBe(2017);
      expect(documentOf({ ...MINIMAL, year: '2017' }).year).toBe(2017);
      expect(documentOf({ ...MINIMAL, year: '' }).year).toBeNull();
      expect(documentOf({ ...MINIMAL, year: null }).year).toBeNull();
    });

    it('refuses anything else, naming what it got', () => {
      expect(problemsOf({ ...MINIMAL, year: 'abc' })).toEqual(['year: expected a whole number, got "abc"']);
      expect(problemsOf({ ...MINIMAL, year: 2017.5 })).toEqual(['year: expected a whole number, got 2017.5']);
      expect(problemsOf({ ...MINIMAL, year: [2017] })).toEqual(['year: expected a whole number, got a list']);
    });

    it('is between 1800 and 2100', () => {
      expect(documentOf({ ...MINIMAL, year: 1800 }).year).toBe(1800);
      expect(documentOf({ ...MINIMAL, year: '2100' }).year).toBe(2100);
      expect(problemsOf({ ...MINIMAL, year: 1799 })).toEqual(['year: 1799 is not between 1800 and 2100']);
      expect(problemsOf({ ...MINIMAL, year: '2101' })).toEqual(['year: 2101 is not between 1800 and 2100']);
    });
  });

  describe('url', () => {
    it('is an http or https address when present, kept as written', () => {
      const url = 'https://www.scribd.com/document/1/Nasilje-УНИЦЕФ';
      expect(documentOf({ ...MINIMAL, url }).url).toBe(url);
      expect(documentOf({ ...MINIMAL, url: 'http://example.org' }).url).toBe('http://example.org');
      expect(documentOf({ ...MINIMAL, url: '' }).url).toBe('');
    });

    it('refuses other schemes and non-addresses', () => {
      expect(problemsOf({ ...MINIMAL, url: 'ftp://example.org/a' })).toEqual([
        'url: expected an http or https address, got "ftp://example.org/a"',
      ]);
      expect(problemsOf({ ...MINIMAL, url: 'www.example.org' })).toHaveLength(1);
    });
  });

  describe('the other text fields', () => {
    it('refuse values that are not text', () => {
      expect(problemsOf({ ...MINIMAL, summary: 1, body: false, publisher: {} })).toEqual([
        'summary: expected text, got 1',
        'body: expected text, got false',
        'publisher: expected text, got an object',
      ]);
    });
  });

  it('reports every problem of a record at once', () => {
    expect(problemsOf({ id: '', language: 'nope', year: 'x', country: 'Q' })).toEqual([
      'id: empty',
      'title: missing',
      'language: "nope" is not a language code (expected ISO 639-1 such as "en" or BCP 47 such as "sr-Cyrl")',
      'country: "Q" is not an ISO 3166 alpha-2 country code (such as "RS", or "XK" for Kosovo)',
      'year: expected a whole number, got "x"',
    ]);
  });
});
