/**
 * The terms a backend matches for a parsed query: each word by its stem as a
 * prefix, phrases and exclusions exactly. Shared so that every backend finds
 * the same documents.
 */
import type { ParsedQuery } from './parsed-query.ts';
import { stem } from './stem.ts';
import { wordFamily } from './word-families.ts';

export interface MatchTerm {
  tokens: string[];
  /** The last token is a prefix (a stem), not a whole word. */
  prefix: boolean;
  /**
   * Whole words that match as well: the form typed, next to its stem (BM25
   * sums over them, so the very form typed ranks higher), or the other forms
   * of an irregular word (word-families.ts).
   */
  orWords?: string[];
}

/** Words shorter than this match exactly: a 2-letter prefix matches half the index. */
const MIN_PREFIX_WORD = 3;

export function wordTerm(word: string): MatchTerm {
  const family = wordFamily(word);
  if (family) return { tokens: [word], prefix: false, orWords: family.filter((form) => form !== word) };
  if (word.length < MIN_PREFIX_WORD) return { tokens: [word], prefix: false };
  const stemmed = stem(word);
  return stemmed === word ? { tokens: [word], prefix: true } : { tokens: [stemmed], prefix: true, orWords: [word] };
}

export function requiredTerms(query: ParsedQuery): MatchTerm[] {
  return [
    ...query.words.map(wordTerm),
    ...query.phrases.map((tokens) => ({ tokens, prefix: false })),
  ];
}

export function excludedTerms(query: ParsedQuery): MatchTerm[] {
  return query.excluded.map((tokens) => (tokens.length === 1 ? wordTerm(tokens[0]!) : { tokens, prefix: false }));
}
