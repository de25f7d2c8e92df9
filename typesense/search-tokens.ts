/**
 * The tokens the Typesense backend indexes and queries, built so that
 * Typesense matches exactly the documents SQLite FTS5 matches.
 *
 * SQLite searches each query word by its stem as a prefix (`nasil*`), with
 * FTS5 prefix indexes. Typesense treats only the *last* word of `q` as a
 * prefix (https://typesense.org/docs/29.0/api/search.html#query-parameters,
 * `prefix`), so a two-word query could not be matched the same way. Instead
 * the index holds, for every folded word, the word itself and each of its
 * prefixes of three letters or more: the query then asks for the stem as a
 * whole token (`prefix=false`), one exact lookup, and "nasil" finds
 * "nasilja" and "nasiljem" as SQLite does. A word of an irregular family
 * (word-families.ts: deca / dete / dijete / децата) also gets its family's
 * marker token, which the query asks for instead of the word.
 *
 * Each prefix field is a `string[]` of single tokens, so a phrase (two
 * tokens side by side) can never match there by accident: phrases are
 * matched in the plain folded fields, where the words keep their order.
 */
import { foldedTokens } from '../core/search/fold.ts';
import { wordTerm } from '../core/search/match-terms.ts';
import { MAX_TOKEN_LENGTH } from '../core/search/query-parser.ts';
import { wordFamily } from '../core/search/word-families.ts';

/** A query stem is the word itself from three letters on (match-terms.ts: MIN_PREFIX_WORD). */
const MIN_PREFIX = 3;

/** Letters and digits only: what folding leaves, and all that may reach `q` or `filter_by`. */
export const SAFE_TOKEN = /^[\p{L}\p{N}]+$/u;

const familyMarkers = new Map<string, string>();

/** One marker per family, letters and digits only, unlike any real word. */
export function familyMarker(word: string): string | undefined {
  const family = wordFamily(word);
  if (!family) return undefined;
  const key = family[0]!;
  let marker = familyMarkers.get(key);
  if (!marker) {
    marker = `qqfamily${key}`;
    familyMarkers.set(key, marker);
  }
  return marker;
}

/**
 * Every token a text's prefix field holds, each once. A query token is at
 * most MAX_TOKEN_LENGTH letters, so no longer prefix is ever asked for: a
 * 10,000-letter run in a body (a pasted hash, a URL) adds 64 tokens, not
 * 10,000.
 */
export function prefixTokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const word of foldedTokens(text)) {
    if (word.length <= MAX_TOKEN_LENGTH) tokens.add(word);
    for (let length = MIN_PREFIX; length < Math.min(word.length, MAX_TOKEN_LENGTH + 1); length++) tokens.add(word.slice(0, length));
    const marker = familyMarker(word);
    if (marker) tokens.add(marker);
  }
  return [...tokens];
}

/**
 * The one token a query word is looked up by: its family's marker, else
 * what SQLite matches it by (match-terms.ts): the word itself when it is too
 * short to be a prefix, else its stem, whose every continuation the prefix
 * fields hold.
 */
export function wordToken(word: string): string {
  return familyMarker(word) ?? wordTerm(word).tokens[0]!;
}
