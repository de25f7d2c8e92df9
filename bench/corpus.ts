/**
 * A generated library for the benchmark: N documents of real multilingual
 * text, sentences sampled from the Universal Declaration of Human Rights in
 * the region's languages and scripts (tests/support/udhr-corpus.ts).
 *
 * Deterministic: document n is drawn from its own PRNG stream seeded by
 * (SEED, n), so the same n always yields the same document, a smaller run is
 * a prefix of a larger one, and documents are produced lazily, a batch at a
 * time, without holding 200,000 of them in memory.
 *
 * The UDHR is ~60 sentences per language, so the vocabulary is far smaller
 * than a real library's: posting lists are denser than in real life, which
 * makes these figures pessimistic for common words.
 */
import type { LibraryDocument } from '../core/library/document.ts';
import { parseLanguageTag } from '../core/library/language.ts';
import { UDHR_LANGUAGES, udhrArticles } from '../tests/support/udhr-corpus.ts';

export const SEED = 0x0c9b_2026;

/** mulberry32: small, fast, good enough to sample text. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One 32-bit seed per (seed, n): documents do not depend on each other. */
function streamSeed(seed: number, n: number): number {
  let h = (seed ^ Math.imul(n + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

function weighted<T>(random: Random, entries: ReadonlyArray<readonly [T, number]>): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let r = random() * total;
  for (const [value, weight] of entries) {
    r -= weight;
    if (r < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

/** `count` distinct items in random order (partial Fisher–Yates on a copy of the indices). */
function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const indices = items.map((_, index) => index);
  const n = Math.min(count, items.length);
  for (let i = 0; i < n; i += 1) {
    const j = i + Math.floor(random() * (indices.length - i));
    [indices[i], indices[j]] = [indices[j]!, indices[i]!];
  }
  return indices.slice(0, n).map((index) => items[index]!);
}

export interface LanguageText {
  code: string;
  tag: string;
  group: string;
  sentences: string[];
}

let cachedTexts: LanguageText[] | undefined;

/** Sentences of each UDHR language, split at . ; ! ? (the Hungarian "Minden." typo aside). */
export function languageTexts(): LanguageText[] {
  cachedTexts ??= Object.entries(UDHR_LANGUAGES).map(([code, tag]) => {
    const text = udhrArticles(code).map((article) => article.text).join(' ');
    const sentences = text
      .split(/(?<=[.;!?])\s+/u)
      .map((sentence) => sentence.trim())
      .filter((sentence) => sentence.length >= 25);
    return { code, tag, group: parseLanguageTag(tag)!.group, sentences };
  });
  return cachedTexts;
}

/** Roughly the hub's mix: English 30 %, the rest shared evenly. */
function languageWeights(texts: LanguageText[]): Array<readonly [LanguageText, number]> {
  const others = texts.filter((text) => text.code !== 'eng');
  return texts.map((text) => [text, text.code === 'eng' ? 0.3 : 0.7 / others.length] as const);
}

const COUNTRIES_BY_GROUP: Record<string, string[]> = {
  en: ['', '', 'RS', 'BA', 'AL', 'XK', 'MK', 'ME', 'HR', 'BG', 'RO', 'MD', 'HU'],
  sq: ['AL', 'AL', 'XK', 'MK'],
  sh: ['RS', 'RS', 'BA', 'BA', 'HR', 'ME'],
  mk: ['MK'],
  bg: ['BG'],
  ro: ['RO', 'RO', 'MD'],
  hu: ['HU', 'HU', 'RS', 'RO'],
};

const TYPES = [
  ['report', 30], ['research', 18], ['strategy', 10], ['guideline', 10], ['policy brief', 6],
  ['training material', 8], ['legislation', 6], ['toolkit', 4], ['manual', 4], ['article', 4],
] as const;

const TOPICS = [
  'violence and abuse', 'alternative care', 'child rights and policy', 'family support', 'children on the move',
  'trafficking and exploitation', 'disability', 'health', 'education', 'juvenile justice', 'online safety',
  'early childhood', 'social protection', 'child participation',
];

const PUBLISHERS: Record<string, string[]> = {
  en: ['UNICEF', 'Save the Children', 'Council of Europe', 'Terre des hommes', 'ChildPact', 'World Vision', 'OSCE'],
  sq: ['UNICEF Albania', 'CRCA Shqipëri', 'Ministria e Drejtësisë', 'Terre des hommes Shqipëri'],
  sh: ['UNICEF Srbija', 'Vlada Republike Srbije', 'Влада Републике Србије', 'Save the Children BiH', 'Ured pravobraniteljice za djecu'],
  mk: ['Канцеларија на УНИЦЕФ, Скопје', 'Министерство за социјална политика', 'Прва детска амбасада Меѓаши'],
  bg: ['УНИЦЕФ България', 'Държавна агенция за закрила на детето', 'Национална мрежа за децата'],
  ro: ['UNICEF România', 'Salvați Copiii', 'Autoritatea Națională pentru Protecția Drepturilor Copilului'],
  hu: ['UNICEF Magyarország', 'Hintalovon Alapítvány', 'Országos Kriminológiai Intézet'],
};

/** Years skewed towards the recent past, 1995–2026. */
function year(random: Random): number {
  return 2026 - Math.floor(31 * random() ** 1.6);
}

function title(random: Random, text: LanguageText): string {
  const want = between(random, 4, 10);
  const words: string[] = [];
  while (words.length < want) {
    const sentence = pick(random, text.sentences).split(/\s+/u);
    const start = Math.floor(random() * Math.max(1, sentence.length - want + words.length));
    words.push(...sentence.slice(start, start + want - words.length));
  }
  const line = words.join(' ').replace(/[.,;:!?()"“”„]+/gu, '').replace(/\s+/g, ' ').trim();
  return line.charAt(0).toLocaleUpperCase() + line.slice(1);
}

export function generateDocument(n: number, seed = SEED): LibraryDocument {
  const random = mulberry32(streamSeed(seed, n));
  const texts = languageTexts();
  const text = weighted(random, languageWeights(texts));
  const sentences = sample(random, text.sentences, between(random, 1, 2) + between(random, 3, 8));
  const summaryLength = between(random, 1, 2);
  return {
    id: `bench-${n}`,
    title: title(random, text),
    summary: sentences.slice(0, summaryLength).join(' '),
    body: sentences.slice(summaryLength).join(' '),
    language: text.tag,
    languageGroup: text.group,
    country: pick(random, COUNTRIES_BY_GROUP[text.group] ?? ['']),
    type: weighted(random, TYPES),
    topics: sample(random, TOPICS, between(random, 1, 3)),
    publisher: pick(random, PUBLISHERS[text.group] ?? PUBLISHERS.en!),
    year: random() < 0.03 ? null : year(random),
    url: `https://library.example.org/${text.tag.toLowerCase()}/bench-${n}`,
    urlIsMirror: false,
  };
}

/** Documents 0 … count-1 in batches; only one batch lives at a time. */
export function* documentBatches(count: number, batchSize: number, seed = SEED): Generator<LibraryDocument[]> {
  for (let start = 0; start < count; start += batchSize) {
    const end = Math.min(count, start + batchSize);
    const batch: LibraryDocument[] = [];
    for (let n = start; n < end; n += 1) batch.push(generateDocument(n, seed));
    yield batch;
  }
}
