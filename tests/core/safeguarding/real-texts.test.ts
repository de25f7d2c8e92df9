/**
 * False alarms on real text: the Universal Declaration of Human Rights in
 * the hub's languages and scripts (articles, numbers, dates of legal prose)
 * and the sample library's titles, summaries and links (report years,
 * ISBNs, gazette numbers, publishers, countries, document ids in URLs)
 * carry no one's personal data, so the check must find nothing in them.
 */
import { describe, expect, it } from 'vitest';
import { detectPersonalData } from '../../../core/safeguarding/detect-personal-data.ts';
import { sampleDocuments } from '../../support/sample-library-texts.ts';
import { UDHR_LANGUAGES, udhrArticles } from '../../support/udhr-corpus.ts';

describe('no false alarm on real text', () => {
  it.each(Object.keys(UDHR_LANGUAGES).map((code) => [code]))('the UDHR in %s', (code) => {
    const articles = udhrArticles(code);
    expect(articles.length).toBe(30);
    const findings = articles.flatMap((article) => detectPersonalData(`Article ${article.number}. ${article.heading} ${article.text}`));
    expect(findings).toEqual([]);
  });

  it("the sample library's 71 titles, summaries, publishers and links", () => {
    const documents = sampleDocuments();
    expect(documents).toHaveLength(71);
    const findings = documents.flatMap((document) => detectPersonalData(`${document.title}. ${document.summary} ${document.publisher}, ${document.year}: ${document.url}`).map((finding) => `${document.id}: ${finding.text}`));
    expect(findings).toEqual([]);
  });
});
