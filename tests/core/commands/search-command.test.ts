import { describe, expect, it } from 'vitest';
import { createCoreHarness, plain, sampleDocument } from '../../support/core-harness.ts';

const manyReports = Array.from({ length: 12 }, (_, index) =>
  sampleDocument({
    id: `r-${index + 1}`,
    title: `Child protection report number ${index + 1}`,
    year: 2000 + index,
    url: `https://example.org/r/${index + 1}`,
  }),
);

describe('/search', () => {
  it('answers with the count, five results and a next button', async () => {
    const hub = createCoreHarness(manyReports);
    const [reply] = await hub.send('/search child protection');
    const text = plain([reply!]);
    expect(text).toContain('12 documents found for “child protection”.');
    expect(text).toContain('Page 1 of 3');
    const list = reply!.blocks.find((block) => block.kind === 'list');
    expect(list && list.kind === 'list' && list.items.length).toBe(5);
    expect(text).toMatch(/Child protection report number \d+ — Report · 20\d\d · English · Open the document · \/doc r-\d+/);
    expect(reply!.buttons).toEqual([[{ actionId: 'search.page', label: 'Next ›', value: expect.stringMatching(/^[\w-]{11}:1$/) }]]);
  });

  it('pages forward and back through the stored search, the button value staying short', async () => {
    const hub = createCoreHarness(manyReports);
    const [first] = await hub.send('/search child protection');
    const next = first!.buttons[0]![0]!;
    expect(Buffer.byteLength(`${next.actionId}|${next.value}`)).toBeLessThanOrEqual(64);
    const [second] = await hub.press(next);
    expect(plain([second!])).toContain('Page 2 of 3');
    const ids = (text: string) => [...text.matchAll(/\/doc (r-\d+)/g)].map((match) => match[1]);
    expect(ids(plain([second!]))).not.toEqual(ids(plain([first!])));
    expect(second!.buttons[0]!.map((button) => button.label)).toEqual(['‹ Previous', 'Next ›']);
    const [third] = await hub.press(second!.buttons[0]![1]!);
    expect(plain([third!])).toContain('Page 3 of 3');
    expect(ids(plain([third!]))).toHaveLength(2);
    expect(third!.buttons[0]!.map((button) => button.label)).toEqual(['‹ Previous']);
  });

  it('a button with an unknown token says the search expired', async () => {
    const hub = createCoreHarness(manyReports);
    const replies = await hub.press({ actionId: 'search.page', value: 'nonexistent:1' });
    expect(plain(replies)).toBe('This search has expired. Please search again.');
  });

  it('nothing found: says so and hints at dropping filters and words', async () => {
    const hub = createCoreHarness(manyReports);
    const replies = await hub.send('/search child zebra lang:sq');
    const text = plain(replies);
    expect(text).toContain('Nothing found for “child zebra lang:sq”.');
    expect(text).toContain('Try without the filters (lang:sq).');
    expect(text).toContain('Try fewer or more general words.');
  });

  it('an unknown filter value is named and left out', async () => {
    const hub = createCoreHarness(manyReports);
    const text = plain(await hub.send('/search child year:soon'));
    expect(text).toContain("I don't know soon for year:, so I searched without that filter.");
    expect(text).toContain('12 documents found');
  });

  it('only a filter it does not know: names it and explains the usage, without a "nothing found"', async () => {
    const hub = createCoreHarness(manyReports);
    expect(plain(await hub.send('/search lang:xx year:soon'))).toBe(
      "I don't know xx for lang:, so I searched without that filter.\n" +
        "I don't know soon for year:, so I searched without that filter.\n" +
        'Tell me what to look for, for example /search violence against children.',
    );
  });

  it('without words explains the usage; with only exclusions asks for a word', async () => {
    const hub = createCoreHarness(manyReports);
    expect(plain(await hub.send('/search'))).toBe(
      'Tell me what to look for, for example /search violence against children.',
    );
    expect(plain(await hub.send('/search -child'))).toBe(
      'Add at least one word to look for, not only words to leave out.',
    );
  });

  it.each(['"child*', '*', 'AND', 'OR child', 'NOT', 'NEAR(child', 'a:b', '-', 'BENCH-100821', '2026-03-14', "don't", '😀🙈', 'x'.repeat(5000), 'child '.repeat(1000), '"', '(', 'lang:', 'year:-', 'topic:%_'])(
    'a hostile query %j gets a reply, never an error',
    async (query) => {
      const hub = createCoreHarness(manyReports);
      const text = plain(await hub.send(`/search ${query}`));
      expect(text).toMatch(/documents? found|Nothing found|Add at least one word|Tell me what to look for/);
      expect(hub.errors).toEqual([]);
    },
  );

  it('plural forms read right in BCMS for 1, 2, 5, 21 results', async () => {
    for (const [count, phrase] of [[1, '1 dokument'], [2, '2 dokumenta'], [5, '5 dokumenata'], [21, '21 dokument']] as const) {
      const hub = createCoreHarness(
        Array.from({ length: count }, (_, index) => sampleDocument({ id: `d${index}`, title: `Zaštita djece ${index}` })),
      );
      await hub.send('/lang sh');
      expect(plain(await hub.send('/search zastita'))).toContain(phrase);
    }
  });

  it('a count that stopped early reads "more than", with an open page count', async () => {
    const hub = createCoreHarness(manyReports, { rankWindow: 10 });
    const text = plain(await hub.send('/search child protection'));
    expect(text).toContain('More than 10 documents found for “child protection”. Add words or a filter to narrow them down.');
    expect(text).toContain('Page 1');
    expect(text).not.toContain('Page 1 of');
  });

  it('a pasted page is echoed back shortened', async () => {
    const hub = createCoreHarness(manyReports);
    const text = plain(await hub.send(`/search ${'child protection '.repeat(300)}`));
    expect(text).toMatch(/^12 documents found for “child protection child protection [a-z ]+…”\./);
    expect(text.split('\n')[0]!.length).toBeLessThan(120);
  });

  it('plain text in a private chat is a search; in a group it is ignored', async () => {
    const hub = createCoreHarness(manyReports);
    expect(plain(await hub.send('child protection'))).toContain('12 documents found');
    expect(await hub.send('child protection', { group: true })).toEqual([]);
  });
});
