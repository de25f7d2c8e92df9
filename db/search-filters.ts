/** `lang:`, `type:`, `country:`, `year:` and `topic:` as SQL over `documents d`, always parameterised. */
import type { SearchFilters } from '../core/search/parsed-query.ts';

export interface SqlClause {
  sql: string;
  params: Array<string | number>;
}

/** LIKE treats % and _ as wildcards: a member's `topic:100%` must not. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function anyOf(values: string[], toSql: (value: string) => SqlClause): SqlClause | undefined {
  if (values.length === 0) return undefined;
  const parts = values.map(toSql);
  return { sql: `(${parts.map((part) => part.sql).join(' OR ')})`, params: parts.flatMap((part) => part.params) };
}

export function filterClause(filters: SearchFilters): SqlClause {
  const clauses = [
    anyOf(filters.languages, (value) => ({ sql: 'd.language_group = ?', params: [value] })),
    anyOf(filters.countries, (value) => ({ sql: 'd.country = ?', params: [value] })),
    anyOf(filters.types, (value) => ({
      sql: "d.type LIKE ? ESCAPE '\\'",
      params: [`${escapeLike(value)}%`],
    })),
    anyOf(filters.topics, (value) => ({
      sql: "d.topics_key LIKE ? ESCAPE '\\'",
      params: [`%${escapeLike(value)}%`],
    })),
    filters.years ? { sql: 'd.year BETWEEN ? AND ?', params: [filters.years.from, filters.years.to] } : undefined,
  ].filter((clause): clause is SqlClause => clause !== undefined);
  if (clauses.length === 0) return { sql: '1', params: [] };
  return { sql: clauses.map((clause) => clause.sql).join(' AND '), params: clauses.flatMap((clause) => clause.params) };
}
