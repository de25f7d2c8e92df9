/**
 * Builds FTS5 MATCH expressions from parsed terms. Every token is folded
 * letters and digits only (core/search/fold.ts), and is still quoted, so no
 * member text can become an FTS5 operator.
 */
import type { MatchTerm } from '../core/search/match-terms.ts';

function quote(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

export function termExpression(term: MatchTerm): string {
  const phrase = quote(term.tokens.join(' '));
  if (term.alternatives?.length) return `(${[phrase, ...term.alternatives.map(quote)].join(' OR ')})`;
  if (!term.prefix) return phrase;
  // bm25 sums over phrases: a document with the very form typed scores higher.
  return term.exact ? `(${quote(term.exact)} OR ${phrase}*)` : `${phrase}*`;
}

/** All required terms AND-ed; excluded ones removed with NOT. */
export function matchExpression(required: MatchTerm[], excluded: MatchTerm[]): string {
  const positive = required.map(termExpression).join(' AND ');
  if (excluded.length === 0) return positive;
  return `(${positive}) NOT (${anyOf(excluded)})`;
}

export function anyOf(terms: MatchTerm[]): string {
  return terms.map(termExpression).join(' OR ');
}
