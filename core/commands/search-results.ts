/**
 * One page of search results as a reply: the count, five documents (title,
 * type, year, language, link, the `/doc` id), and previous/next buttons whose
 * value is a short token for the whole search, stored by the SearchSessions port.
 */
import { countryName, formatNumber, languageName, linkLabel, typeName } from '../library/display-names.ts';
import type { LibraryDocument } from '../library/document.ts';
import { bold, code, link, paragraph, reply, text } from '../model/reply-builders.ts';
import type { Block, Button, Reply, Span } from '../model/reply.ts';
import type { SearchPage } from '../ports.ts';
import type { CommandContext } from '../router/command.ts';
import { facetBlocks } from './search-facets.ts';
import { hasFilters, type ParsedQuery } from '../search/parsed-query.ts';

export const PAGE_SIZE = 5;
/** A pasted page is not repeated back in full: a phone shows the start. */
const QUERY_ECHO_LENGTH = 80;

function echo(query: string): string {
  return query.length > QUERY_ECHO_LENGTH ? `${query.slice(0, QUERY_ECHO_LENGTH - 1).trimEnd()}…` : query;
}
export const SEARCH_PAGE_ACTION = 'search.page';

export interface ResultsView {
  query: string;
  parsed: ParsedQuery;
  page: SearchPage;
  pageIndex: number;
  /** Present when there is more than one page. */
  token?: string;
  /** Nothing found: the search behind a button that asks the experts instead (issue 7). */
  askToken?: string;
}

export const ASK_FROM_SEARCH_ACTION = 'ask.search';

export function resultsReply(context: CommandContext, view: ResultsView): Reply {
  const { t } = context;
  const blocks: Block[] = rejectedFilterNotes(context, view.parsed);
  if (view.page.total === 0) {
    const buttons: Button[][] = view.askToken ? [[{ actionId: ASK_FROM_SEARCH_ACTION, label: t('ask.fromSearch'), value: view.askToken }]] : [];
    return reply([...blocks, ...nothingFound(context, view)], { buttons });
  }
  blocks.push(paragraph(text(foundLine(context, view))), ...facetBlocks(context, view.page, view.pageIndex, PAGE_SIZE));
  blocks.push({
    kind: 'list',
    ordered: true,
    start: view.pageIndex * PAGE_SIZE + 1,
    items: view.page.hits.map((hit) => resultItem(context, hit.document)),
  });
  const pages = Math.ceil(view.page.total / PAGE_SIZE);
  if (view.page.totalIsAtLeast) blocks.push(paragraph(text(t('search.pageOpen', { page: view.pageIndex + 1 }))));
  else if (pages > 1) blocks.push(paragraph(text(t('search.page', { page: view.pageIndex + 1, pages }))));
  return reply(blocks, { buttons: pagerButtons(context, view, pages) });
}

function foundLine(context: CommandContext, view: ResultsView): string {
  const query = echo(view.query);
  if (!view.page.totalIsAtLeast) return context.t('search.found', { count: view.page.total, query });
  const number = formatNumber(context.language, view.page.total);
  return context.t('search.foundMore', { number, query });
}

function resultItem(context: CommandContext, document: LibraryDocument): Span[] {
  const { t } = context;
  const meta = [
    typeName(t, document.type),
    document.year?.toString() ?? '',
    languageName(t, document, context.language),
    countryName(context.language, document.country),
  ].filter(Boolean);
  const spans: Span[] = [bold(document.title), text(` — ${meta.join(' · ')} · `)];
  if (document.url) spans.push(link(linkLabel(t, document), document.url), text(' · '));
  spans.push(code(context.command('doc', document.id)));
  return spans;
}

function pagerButtons(context: CommandContext, view: ResultsView, pages: number): Button[][] {
  if (!view.token || pages <= 1) return [];
  const row: Button[] = [];
  const button = (label: string, page: number): Button => ({
    actionId: SEARCH_PAGE_ACTION,
    label,
    value: `${view.token}:${page}`,
  });
  if (view.pageIndex > 0) row.push(button(context.t('search.previous'), view.pageIndex - 1));
  if (view.pageIndex < pages - 1) row.push(button(context.t('search.next'), view.pageIndex + 1));
  return [row];
}

function nothingFound(context: CommandContext, view: ResultsView): Block[] {
  const { t } = context;
  const blocks = [paragraph(text(t('search.nothing', { query: echo(view.query) })))];
  if (hasFilters(view.parsed.filters)) {
    blocks.push(paragraph(text(t('search.hintFilters', { filters: filterSummary(view.parsed) }))));
  }
  if (view.parsed.words.length + view.parsed.phrases.length > 1) {
    blocks.push(paragraph(text(t('search.hintFewerWords'))));
  }
  return blocks;
}

function filterSummary(parsed: ParsedQuery): string {
  const { languages, types, countries, years, topics } = parsed.filters;
  return [
    ...languages.map((value) => `lang:${value}`),
    ...types.map((value) => `type:${value}`),
    ...countries.map((value) => `country:${value}`),
    ...(years ? [`year:${years.from === years.to ? years.from : `${years.from}-${years.to}`}`] : []),
    ...topics.map((value) => `topic:${value}`),
  ].join(' ');
}

/** "I don't know xx for lang:", one paragraph per filter value left out. */
export function rejectedFilterNotes(context: CommandContext, parsed: ParsedQuery): Block[] {
  return parsed.rejectedFilters.map((rejected) =>
    paragraph(text(context.t('search.badFilter', { value: rejected.value, filter: `${rejected.field}:` }))),
  );
}
