import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../core/search/query-parser.ts';
import { foldLabel, foldText } from '../../../core/search/fold.ts';
import { stem } from '../../../core/search/stem.ts';

describe('folding', () => {
  it.each([
    ['Zaštita', 'zastita'], ['ЗАШТИТА', 'zastita'], ['međunarodni', 'medunarodni'], ['medjunarodni', 'medunarodni'],
    ['protecția și', 'protectia si'], ['protecţia şi', 'protectia si'], ['învățământ', 'invatamant'],
    ['fëmijëve', 'femijeve'], ['Çështje', 'cestje'], ['Gyermekvédelmi', 'gjermekvedelmi'], ['őrző ű', 'orzo u'],
    ['Ђорђе', 'dorde'], ['ѓорѓи', 'gjorgji'], ['насилие', 'nasilie'], ['Жена', 'zena'], ['zhena', 'zena'],
  ])('%s → %s', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });

  it('folds long texts whose letters fold to several (đ → dj, ß → ss), and texts longer than any before', () => {
    expect(foldText('đ'.repeat(5000) + 'ß'.repeat(5000))).toBe('d'.repeat(5000) + 'ss'.repeat(5000));
    expect(foldText('Ž'.repeat(200_000))).toBe('z'.repeat(200_000));
  });

  it('keeps emoji, other scripts and broken text (a lone surrogate) as they are', () => {
    expect(foldText('Deca 😀 中文')).toBe('deca 😀 中文');
    expect(foldText('a\ud800b\udc00c')).toBe('a\ud800b\udc00c');
  });

  it('folds a label (topic, publisher) the same through its memo', () => {
    expect(foldLabel('Zaštita djece')).toBe(foldText('Zaštita djece'));
    expect(foldLabel('Zaštita djece')).toBe('zastita dece');
  });
});

describe('stemming', () => {
  it.each([
    ['nasilja', 'nasilje'], ['obrazovanju', 'obrazovanje'], ['dreptul', 'drepturile'], ['arsimi', 'arsimit'],
    ['rights', 'right'], ['sclavia', 'sclavie'],
  ])('%s and %s share a stem that prefixes both', (a, b) => {
    const shared = stem(foldText(a));
    expect(foldText(b).startsWith(shared)).toBe(true);
    expect(shared.length).toBeGreaterThanOrEqual(4);
  });

  it('leaves numbers and short words alone', () => {
    expect(stem('2004')).toBe('2004');
    expect(stem('deca')).toBe('deca');
  });
});

describe('the query syntax', () => {
  it('words, phrases, exclusions and filters', () => {
    const query = parseQuery('violence "child protection" -domestic lang:sr type:report country:Serbia year:2020-2015 topic:health');
    expect(query.words).toEqual(['violence']);
    expect(query.phrases).toEqual([['cild', 'protection']]);
    expect(query.excluded).toEqual([['domestic']]);
    expect(query.filters).toEqual({
      languages: ['sh'], types: ['report'], countries: ['RS'], years: { from: 2015, to: 2020 }, topics: ['health'],
    });
    expect(query.rejectedFilters).toEqual([]);
  });

  it('typographic quotes from phones open and close phrases, and quoted filter values work', () => {
    const query = parseQuery('„zaštita djece“ type:"training material"');
    expect(query.phrases).toEqual([['zastita', 'dece']]);
    expect(query.filters.types).toEqual(['training material']);
  });

  it.each([
    ['an open quote', '"child*', { words: ['cild'] }],
    ['operators are words', 'NOT OR AND', { words: ['not', 'or', 'and'] }],
    ['NEAR( is a word', 'NEAR(', { words: ['near'] }],
    ['an unknown field', 'a:b', { phrases: [['a', 'b']] }],
    ['a lone minus', '-', { words: [], excluded: [] }],
    ['a code', 'BENCH-100821', { phrases: [['benc', '100821']] }],
    ['an apostrophe', "don't", { phrases: [['don', 't']] }],
    ['emoji', '🙂 👍', { words: [], phrases: [] }],
  ])('%s is just words: %s', (_name, input, expected) => {
    expect(parseQuery(input)).toMatchObject(expected);
  });

  it('drops function words when other words remain', () => {
    expect(parseQuery('the rights of the child').words).toEqual(['rights', 'cild']);
    expect(parseQuery('the').words).toEqual(['the']);
  });

  it('a known filter with a value it cannot read is reported and left out', () => {
    const query = parseQuery('care lang:klingon year:soon country:XX');
    expect(query.words).toEqual(['care']);
    expect(query.rejectedFilters).toEqual([
      { field: 'lang', value: 'klingon' }, { field: 'year', value: 'soon' }, { field: 'country', value: 'XX' },
    ]);
  });

  it('caps a pasted page at a bounded number of terms', () => {
    const query = parseQuery(Array.from({ length: 500 }, (_, index) => `word${index}`).join(' '));
    expect(query.words.length).toBeLessThanOrEqual(8);
  });
});
