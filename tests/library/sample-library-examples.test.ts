/**
 * A newcomer tries the examples cphub shows: in every language, each
 * `/search …` in /start and /help must find documents of the bundled
 * sample library.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MEMBER_LANGUAGES } from '../../core/library/language.ts';
import { importLibraryFile } from '../../library/import-library.ts';
import { createCoreHarness, plain } from '../support/core-harness.ts';

const SAMPLE = fileURLToPath(new URL('../../data/library/sample-library.jsonl', import.meta.url));

describe('the bundled sample library', () => {
  it('imports whole, and marks third-party copies as such', async () => {
    const hub = createCoreHarness();
    const report = await importLibraryFile(SAMPLE, hub.store, { now: new Date('2026-01-01T00:00:00Z') });
    expect(report).toMatchObject({ rows: 71, added: 71, problemCount: 0 });
    expect(await hub.store.findById('pub-001')).toMatchObject({ urlIsMirror: false });
    expect(await hub.store.findById('pub-002')).toMatchObject({ urlIsMirror: true });
  });
});

describe('the examples cphub shows find sample documents', () => {
  it.each(MEMBER_LANGUAGES.map((language) => [language]))('in %s', async (language) => {
    const hub = createCoreHarness();
    const report = await importLibraryFile(SAMPLE, hub.store, { now: new Date('2026-01-01T00:00:00Z') });
    expect(report.problemCount).toBe(0);
    await hub.send(`/lang ${language}`);
    const shown = plain([...(await hub.send('/start')), ...(await hub.send('/help'))]);
    const examples = [...shown.matchAll(/\/search (?!—)([^\n]+?)(?=[.,;]?(?:\n|$| ili | or | или | vagy | sau | ose )|\. )/g)].map(
      (match) => match[1]!,
    );
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) {
      const answer = plain(await hub.send(`/search ${example}`));
      expect(answer, `/search ${example}`).not.toMatch(/Nothing found|Nuk u gjet|Nema rezultata|Няма|Nincs találat|Niciun rezultat|Нема резултата/);
    }
  });
});
