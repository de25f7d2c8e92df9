/**
 * The facet lines under a search's count, when the backend counts matches
 * per language and type (Typesense does; SQLite does not, and then nothing
 * is shown): "By language: BCMS 12 lang:sh · English 5 lang:en", each with
 * the filter that narrows to it. Only on the first page, only when there
 * is more than one page, and only for a facet with two values or more: a
 * single value narrows nothing.
 */
import { formatNumber, languageName, typeName } from '../library/display-names.ts';
import { code, paragraph, text } from '../model/reply-builders.ts';
import type { Block, Span } from '../model/reply.ts';
import type { FacetCount, SearchPage } from '../ports.ts';
import type { CommandContext } from '../router/command.ts';

/** Enough to narrow; the rest of a long tail helps nobody on a phone. */
const MAX_VALUES = 6;

export function facetBlocks(context: CommandContext, page: SearchPage, pageIndex: number, pageSize: number): Block[] {
  if (!page.facets || pageIndex > 0 || page.total <= pageSize) return [];
  const { t, language } = context;
  const line = (label: string, counts: FacetCount[], name: (value: string) => string, filter: (value: string) => string): Block[] => {
    if (counts.length < 2) return [];
    const spans: Span[] = [text(`${label} `)];
    counts.slice(0, MAX_VALUES).forEach((entry, index) => {
      if (index > 0) spans.push(text(' · '));
      spans.push(text(`${name(entry.value)} ${formatNumber(language, entry.count)} `), code(filter(entry.value)));
    });
    return [paragraph(...spans)];
  };
  return [
    ...line(t('search.byLanguage'), page.facets.languages, (value) => languageName(t, { language: value }, language), (value) => `lang:${value}`),
    ...line(t('search.byType'), page.facets.types, (value) => typeName(t, value), (value) => (value.includes(' ') ? `type:"${value}"` : `type:${value}`)),
  ];
}
