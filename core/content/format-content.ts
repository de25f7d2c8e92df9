/**
 * How news and events read in a list — in /news, /events and the digest:
 * the title (a link when there is one), when (in the reader's time zone),
 * where and in what language, and the start of the summary.
 */
import { countryName, intlLocale, languageName } from '../library/display-names.ts';
import { bold, italic, link, text } from '../model/reply-builders.ts';
import type { Span } from '../model/reply.ts';
import type { ContentItem } from './content-item.ts';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** A summary in a list is a teaser: the item's page has the rest. */
const SUMMARY_IN_LIST = 180;

export interface ItemView {
  t: Translate;
  language: string;
  timeZone: string;
}

export function itemSpans(view: ItemView, item: Omit<ContentItem, 'id'>, summaryMax = SUMMARY_IN_LIST): Span[] {
  const spans: Span[] = [item.url ? link(item.title, item.url) : bold(item.title)];
  const facts = [view.t(`content.kinds.${item.kind}`), whenText(view, item), placeText(view, item)].filter(Boolean);
  spans.push(text(` — ${facts.join(' · ')}`));
  if (item.summary) spans.push(text('. '), italic(shorten(item.summary, summaryMax)));
  return spans;
}

/** Dated items: start–end in the reader's zone; news: the day it was published. */
export function whenText(view: ItemView, item: Omit<ContentItem, 'id'>): string {
  if (!item.startsAt) return dateFormat(view, 'day').format(item.publishedAt);
  const format = dateFormat(view, 'time');
  return item.endsAt && item.endsAt > item.startsAt ? format.formatRange(item.startsAt, item.endsAt) : format.format(item.startsAt);
}

function placeText(view: ItemView, item: Omit<ContentItem, 'id'>): string {
  const where = item.country ? countryName(view.language, item.country) : '';
  const language = languageName(view.t, item, view.language);
  return [where, language].filter(Boolean).join(', ');
}

const FORMATS = new Map<string, Intl.DateTimeFormat>();

/** Formatters are costly to build and a digest run formats thousands of dates: one per language, zone and shape. */
function dateFormat(view: ItemView, shape: 'day' | 'time'): Intl.DateTimeFormat {
  const key = `${view.language}|${view.timeZone}|${shape}`;
  let format = FORMATS.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = shape === 'day'
      ? { timeZone: view.timeZone, day: 'numeric', month: 'short', year: 'numeric' }
      : { timeZone: view.timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' };
    format = new Intl.DateTimeFormat(dateLocale(view.language), options);
    FORMATS.set(key, format);
  }
  return format;
}

/** The hub's English readers are in Europe: day before month, 24-hour clock. */
export function dateLocale(language: string): string {
  return language === 'en' ? 'en-GB' : intlLocale(language);
}

/** At a word boundary, with an ellipsis: never a word cut in half. */
export function shorten(value: string, max: number): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}
