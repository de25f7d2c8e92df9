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
  const main = term.prefix ? `${quote(term.tokens.join(' '))}*` : quote(term.tokens.join(' '));
  if (!term.orWords?.length) return main;
  return `(${[...term.orWords.map(quote), main].join(' OR ')})`;
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
