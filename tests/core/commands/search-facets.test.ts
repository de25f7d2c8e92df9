/**
 * /search shows how many matches each language and type has, when the
 * backend counts them: here Typesense (the real client against a fake node
 * answering with canned hits and facet counts); SQLite shows none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTypesenseClient } from '../../../typesense/typesense-client.ts';
import { TypesenseDocumentSearch } from '../../../typesense/typesense-document-search.ts';
import { createCoreHarness, plain, sampleDocument } from '../../support/core-harness.ts';
import { startFakeTypesense, type FakeTypesense } from '../../support/fake-typesense.ts';

const documents = Array.from({ length: 7 }, (_, n) =>
  sampleDocument({ id: `d${n}`, title: `Foster care ${n}`, ...(n < 2 ? { language: 'sr-Latn', languageGroup: 'sh', type: 'training material' } : {}) }),
);

let fake: FakeTypesense;
beforeAll(async () => {
  fake = await startFakeTypesense();
  fake.collections.set('hub', { schema: { name: 'hub' }, documents: new Map() });
  fake.onSearch((request) => ({
    found: 7,
    hits: documents.slice(Number(request.query.offset), Number(request.query.offset) + Number(request.query.limit)).map((document, n) => ({
      document: { id: document.id, language: document.languageGroup, year: document.year },
      text_match: 1000 - n,
    })),
    facet_counts: [
      { field_name: 'language', counts: [{ value: 'en', count: 5 }, { value: 'sh', count: 2 }] },
      { field_name: 'type', counts: [{ value: 'report', count: 5 }, { value: 'training material', count: 2 }] },
    ],
  }));
});
afterAll(() => fake.close());

function hub() {
  return createCoreHarness(documents, {}, {
    search: (_sqlite, store) =>
      new TypesenseDocumentSearch(createTypesenseClient({ nodes: [fake.node], apiKey: fake.apiKey, collection: 'hub', timeoutSeconds: 2 }), { collection: 'hub', documents: store }),
  });
}

describe('/search facet counts', () => {
  it('under the count: languages and types, each with its filter', async () => {
    const text = plain(await hub().send('/search foster'));
    expect(text).toContain('7 documents found for “foster”.\nBy language: English 5 lang:en · BCMS 2 lang:sh\nBy type: Report 5 type:report · Training material 2 type:"training material"\n');
  });

  it('in the member language', async () => {
    const text = plain(await hub().send('/search foster', { locale: 'sr' }));
    expect(text).toContain('Po jeziku: engleski 5 lang:en · BHSC 2 lang:sh');
  });

  it('not on the next pages', async () => {
    const harness = hub();
    const [first] = await harness.send('/search foster');
    const [second] = await harness.press(first!.buttons[0]![0]!);
    expect(plain([second!])).not.toContain('By language');
  });

  it('SQLite counts no facets: no line', async () => {
    const text = plain(await createCoreHarness(documents).send('/search foster'));
    expect(text).toContain('7 documents found');
    expect(text).not.toContain('By language');
  });
});
