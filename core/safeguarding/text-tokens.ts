/**
 * A member's text as words, numbers and single punctuation marks with their
 * offsets, for the detectors that read a few words around a street word or
 * an age. Spaces are not tokens; `gapBefore` says whether any came first
 * (so "ul." is a word and its dot, "ul. 5" has a gap before the 5).
 */
import { foldText } from '../search/fold.ts';

export type TokenKind = 'word' | 'number' | 'mark';

export interface Token {
  kind: TokenKind;
  text: string;
  /** The word folded (lower case, no diacritics, Latin letters): how lists are compared. */
  folded: string;
  start: number;
  end: number;
  gapBefore: boolean;
}

// A word may carry inner apostrophes and hyphens ("Ana-Marija", "O'Neill").
const TOKEN = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|\p{Nd}+|[^\s\p{L}\p{M}\p{Nd}]/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(TOKEN)) {
    const value = match[0];
    const kind: TokenKind = /^\p{Nd}/u.test(value) ? 'number' : /^[\p{L}\p{M}]/u.test(value) ? 'word' : 'mark';
    tokens.push({ kind, text: value, folded: kind === 'word' ? foldText(value) : value, start: match.index, end: match.index + value.length, gapBefore: match.index > previousEnd });
    previousEnd = match.index + value.length;
  }
  return tokens;
}

/** A capitalised word: "Marko", "Petrović", "Марко", "Ana-Marija" (not "UNICEF", not "marko"). */
export function isCapitalised(token: Token | undefined): boolean {
  if (!token || token.kind !== 'word') return false;
  const [first = '', ...rest] = [...token.text];
  const letters = rest.join('');
  return first !== first.toLowerCase() && first === first.toUpperCase() && letters !== letters.toUpperCase();
}
