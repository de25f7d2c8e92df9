import { describe, expect, it } from 'vitest';
import { createCoreHarness, plain, sampleDocument } from '../../support/core-harness.ts';

const strategy = sampleDocument({
  id: 'pub-005',
  title: 'Национална стратегија за превенцију и заштиту деце од насиља',
  summary: 'Стратегија Владе Србије.',
  language: 'sr-Cyrl',
  languageGroup: 'sh',
  country: 'RS',
  type: 'strategy',
  topics: ['violence and abuse'],
  publisher: 'Влада Републике Србије',
  year: 2008,
  url: 'https://example.org/strategija',
});

describe('/doc', () => {
  it('shows a document in full, in the member language', async () => {
    const hub = createCoreHarness([strategy]);
    const text = plain(await hub.send('/doc pub-005'));
    expect(text).toContain('Национална стратегија за превенцију');
    expect(text).toContain('Type: Strategy');
    expect(text).toContain('Year: 2008');
    expect(text).toContain('Country: Serbia');
    expect(text).toContain('Language: Serbian, Cyrillic');
    expect(text).toContain('Publisher: Влада Републике Србије');
    expect(text).toContain('Topics: violence and abuse');
    expect(text).toContain('Link: Open the document');
  });

  it('says when the link is a third-party copy', async () => {
    const hub = createCoreHarness([{ ...strategy, urlIsMirror: true }]);
    expect(plain(await hub.send('/doc pub-005'))).toContain("Link: Open a copy (not the publisher's site)");
    expect(plain(await hub.send('/search nasilje'))).toContain("Open a copy (not the publisher's site)");
  });

  it('accepts a pasted id with punctuation, and explains a missing or unknown id', async () => {
    const hub = createCoreHarness([strategy]);
    expect(plain(await hub.send('/doc <pub-005>,'))).toContain('Year: 2008');
    expect(plain(await hub.send('/doc'))).toBe(
      'Give a document id, for example /doc pub-001. You see the ids in search results.',
    );
    expect(plain(await hub.send('/doc nope'))).toBe('There is no document with the id nope.');
  });
});

it('names a Montenegrin document Montenegrin, in every language', async () => {
  const hub = createCoreHarness([{ ...strategy, id: 'me', language: 'cnr-Latn', country: 'ME' }]);
  expect(plain(await hub.send('/doc me'))).toContain('Language: Montenegrin');
  await hub.send('/lang sh');
  expect(plain(await hub.send('/doc me'))).toContain('crnogorski');
  await hub.send('/lang ro');
  expect(plain(await hub.send('/doc me'))).toContain('muntenegreană');
});

describe('/lang', () => {
  it('switches the language for this member only, and remembers it', async () => {
    const hub = createCoreHarness([strategy]);
    expect(plain(await hub.send('/lang ro'))).toBe('De acum înainte vă răspund în română.');
    expect(plain(await hub.send('/doc pub-005'))).toContain('Țară: Serbia');
    expect(plain(await hub.send('/doc pub-005'))).toContain('violență și abuz');
    expect(plain(await hub.send('/doc pub-005', { userId: 'other' }))).toContain('Country: Serbia');
  });

  it('Serbian Cyrillic output for members who choose it', async () => {
    const hub = createCoreHarness([strategy]);
    await hub.send('/lang sr-Cyrl');
    const text = plain(await hub.send('/search nasilje'));
    expect(text).toMatch(/1 документ/);
    expect(text).toContain('„nasilje“');
  });

  it('every reply says which language it is written in; /lang answers in the new one', async () => {
    const hub = createCoreHarness([strategy]);
    expect((await hub.send('/doc pub-005'))[0]!.language).toBe('en');
    expect((await hub.send('/lang hu'))[0]!.language).toBe('hu');
    expect((await hub.send('/doc nope'))[0]!.language).toBe('hu');
  });

  it('a language named in Cyrillic gives Cyrillic', async () => {
    const hub = createCoreHarness([strategy]);
    expect(plain(await hub.send('/lang Српски'))).toMatch(/^[^a-z]+$/);
    await hub.send('/lang shqip');
    expect(plain(await hub.send('/lang'))).toContain('/lang en');
  });

  it('takes the platform locale on first contact', async () => {
    const hub = createCoreHarness([strategy]);
    expect(plain(await hub.send('/search nasilje', { locale: 'hu-HU' }))).toContain('1 dokumentum');
  });

  it('names the available languages for an unknown one, and changes nothing', async () => {
    const hub = createCoreHarness([strategy]);
    expect(plain(await hub.send('/lang klingon'))).toContain('en, sq, sh, sh-Cyrl, bg, hu, ro');
    expect(plain(await hub.send('/lang'))).toContain('I answer in English.');
  });
});

describe('/start, /help and the router', () => {
  it('welcomes with an example in the member language', async () => {
    const hub = createCoreHarness();
    await hub.send('/lang sq');
    expect(plain(await hub.send('/start'))).toContain('/search dhuna fëmijët');
  });

  it('lists every command and the search syntax', async () => {
    const text = plain(await createCoreHarness().send('/help'));
    for (const command of ['/start', '/help', '/search', '/doc', '/lang']) expect(text).toContain(command);
    expect(text).toContain('lang:, type:, country:, year:');
  });

  it('an unknown command is named, with a pointer to /help', async () => {
    expect(plain(await createCoreHarness().send('/frobnicate now'))).toBe(
      "I don't know the command /frobnicate. See /help.",
    );
  });

  it('a crashing handler is logged and the member gets an apology', async () => {
    const hub = createCoreHarness([strategy]);
    hub.db.sqlite.exec('DROP TABLE documents_fts');
    expect(plain(await hub.send('/search nasilje'))).toBe(
      'Sorry, something went wrong on my side. Please try again in a moment.',
    );
    expect(hub.errors).toEqual([expect.objectContaining({ platform: 'console', command: '/search' })]);
  });
});
