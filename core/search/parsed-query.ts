/** A member's search, parsed: what every search backend receives. */
export interface YearRange {
  from: number;
  to: number;
}

export interface SearchFilters {
  /** Language groups (`sh`, `en`, `mk`, …). */
  languages: string[];
  /** Lower-case type prefixes: `training` matches "training material". */
  types: string[];
  countries: string[];
  years?: YearRange;
  /** Folded words that a topic must contain. */
  topics: string[];
}

export type FilterField = 'lang' | 'type' | 'country' | 'year' | 'topic';

export interface ParsedQuery {
  /** Folded words, each searched by its stem as a prefix; all must match. */
  words: string[];
  /** Folded tokens that must stand together, exactly. */
  phrases: string[][];
  /** Words or phrases (folded tokens) that must not appear. */
  excluded: string[][];
  filters: SearchFilters;
  /** Filters whose value we could not understand; they were left out. */
  rejectedFilters: Array<{ field: FilterField; value: string }>;
}

export function hasFilters(filters: SearchFilters): boolean {
  return (
    filters.languages.length + filters.types.length + filters.countries.length + filters.topics.length > 0 ||
    filters.years !== undefined
  );
}

/** True when there is something positive to match (not only exclusions). */
export function hasPositiveTerms(query: ParsedQuery): boolean {
  return query.words.length > 0 || query.phrases.length > 0;
}
