/**
 * One recipient's weekly digest, in their language and time zone, narrowed
 * by their filters: new documents, news, what happens in the next two
 * weeks, questions that need experts and the week's answered questions.
 * A digest reads items in the recipient's language and in English (the
 * network's shared language); sections without items are left out, and a
 * digest without any item is not sent at all. Each section shows a few
 * items and says how many more there are and where to find them; the
 * adapters split a long digest at the platform's limit, never cut it.
 */
import { dateLocale, itemSpans, shorten } from '../content/format-content.ts';
import { countryName, languageName, topicName, typeName } from '../library/display-names.ts';
import type { LibraryDocument } from '../library/document.ts';
import { languageGroupOf } from '../library/language.ts';
import { code, heading, link, paragraph, reply, text } from '../model/reply-builders.ts';
import type { Block, Reply, Span } from '../model/reply.ts';
import type { Translator } from '../ports.ts';
import { foldText } from '../search/fold.ts';
import type { DigestFilter, DigestQuestion } from './digest-ports.ts';
import type { DigestWeek } from './digest-week.ts';

export interface DigestReader {
  language: string;
  timeZone: string;
  filter: DigestFilter;
  /** A command as typed on the recipient's platform (`/hub news` on Slack). */
  command(name: string, args?: string): string;
}

/**
 * A digest is a table of contents: a line or two an item, the link has the
 * rest, so that a busy week still fits one message on a phone (Telegram: 4,096 characters).
 */
const SUMMARY_IN_DIGEST = 100;

/** Items shown per section; the rest are counted. */
export const SHOWN = { documents: 5, news: 5, upcoming: 8, questions: 5 } as const;

interface Filterable {
  languageGroup: string;
  country: string;
  topics: string[];
}

export function composeDigest(week: DigestWeek, reader: DigestReader, translator: Translator): Reply | undefined {
  const t = (key: string, params?: Record<string, string | number>) => translator.t(reader.language, key, params);
  const keep = readableBy(reader);
  const view = { t, language: reader.language, timeZone: reader.timeZone };
  const documents = week.documents.filter(keep);
  const sections = [
    section(t, 'digest.documents', documents, SHOWN.documents, (document) => documentSpans(t, reader, document), moreDocuments(reader, documents.slice(SHOWN.documents))),
    section(t, 'digest.news', week.news.filter(keep), SHOWN.news, (item) => itemSpans(view, item, SUMMARY_IN_DIGEST), reader.command('news')),
    section(t, 'digest.upcoming', week.upcoming.filter(keep), SHOWN.upcoming, (item) => itemSpans(view, item, SUMMARY_IN_DIGEST), reader.command('events')),
    // Oldest first: the longest waiting need an expert most; /questions lists them all.
    section(t, 'digest.openQuestions', week.openQuestions.filter(keep), SHOWN.questions, (question) => questionSpans(reader, question), reader.command('questions')),
    section(t, 'digest.answered', week.answeredQuestions.filter(keep), SHOWN.questions, (question) => questionSpans(reader, question), undefined),
  ].filter((blocks) => blocks.length > 0);
  if (sections.length === 0) return undefined;
  const title = heading(t('digest.title', { dates: weekRange(reader, week.from, week.to) }));
  return { ...reply([title, ...sections.flat(), ...footer(t, reader)]), language: reader.language };
}

/** In the reader's language or English, and within their filters. */
function readableBy(reader: DigestReader): (item: Filterable) => boolean {
  const groups = new Set([languageGroupOf(reader.language), 'en']);
  const countries = new Set(reader.filter.countries);
  const topics = new Set(reader.filter.topics.map((topic) => foldText(topic).trim()));
  return (item) => {
    if (!groups.has(item.languageGroup)) return false;
    if (countries.size > 0 && item.country && !countries.has(item.country)) return false;
    return topics.size === 0 || foldedTopics(item).some((topic) => topics.has(topic));
  };
}

// Every recipient filters the same week's items: each item's topics are folded once.
const FOLDED = new WeakMap<Filterable, string[]>();

function foldedTopics(item: Filterable): string[] {
  let folded = FOLDED.get(item);
  if (!folded) {
    folded = item.topics.map((topic) => foldText(topic).trim());
    FOLDED.set(item, folded);
  }
  return folded;
}

function section<T>(t: (key: string, params?: Record<string, string | number>) => string, key: string, items: T[], shown: number, spans: (item: T) => Span[], more: string | undefined): Block[] {
  if (items.length === 0) return [];
  const blocks: Block[] = [heading(t(key, { count: items.length })), { kind: 'list', items: items.slice(0, shown).map(spans) }];
  if (items.length > shown) blocks.push(paragraph(text(t(more ? 'digest.more' : 'digest.moreNoCommand', { count: items.length - shown, command: more ?? '' }))));
  return blocks;
}

/**
 * Where the documents a digest leaves out are listed: `/search` with a
 * filter alone lists the library newest first (by year, and the latest
 * added first within one), so their years and the digest's languages as
 * filters (`/search year:2026 lang:sq lang:en`) list them, with older ones
 * of those years after them.
 * A plain `/search` would only ask for words; with an undated document
 * among them no filter would find it, so no command is given.
 */
function moreDocuments(reader: DigestReader, left: readonly LibraryDocument[]): string | undefined {
  const years = left.map((document) => document.year);
  if (years.length === 0 || years.some((year) => year === null)) return undefined;
  const from = Math.min(...(years as number[]));
  const to = Math.max(...(years as number[]));
  // In the languages the digest reads (the reader's and English): several lang: filters are any of them.
  const languages = [...new Set([languageGroupOf(reader.language), 'en'])].map((group) => `lang:${group}`).join(' ');
  return reader.command('search', `${from === to ? `year:${from}` : `year:${from}-${to}`} ${languages}`);
}

/** As in search results: what it is, and the command that opens it (`/doc pub-069`). */
function documentSpans(t: (key: string) => string, reader: DigestReader, document: LibraryDocument): Span[] {
  const { language } = reader;
  const facts = [typeName(t, document.type), document.year?.toString() ?? '', languageName(t, document, language), countryName(language, document.country)].filter(Boolean);
  const title = document.url ? link(document.title, document.url) : text(document.title);
  const spans: Span[] = [title, text(` — ${facts.join(' · ')} · `), code(reader.command('doc', document.id))];
  if (document.summary) spans.push(text(`. ${shorten(document.summary, SUMMARY_IN_DIGEST)}`));
  return spans;
}

/** As a document's line: the question, and the command that shows it with its answers (`/question Q7K2P`). */
function questionSpans(reader: DigestReader, question: DigestQuestion): Span[] {
  const title = question.url ? link(question.title, question.url) : text(question.title);
  return question.id ? [title, text(' · '), code(reader.command('question', question.id))] : [title];
}

function footer(t: (key: string, params?: Record<string, string | number>) => string, reader: DigestReader): Block[] {
  const { topics, countries } = reader.filter;
  const parts = [
    ...(topics.length ? [t('digest.filterTopics', { list: topics.map((topic) => topicName(t, topic)).join(', ') })] : []),
    ...(countries.length ? [t('digest.filterCountries', { list: countries.map((country) => countryName(reader.language, country)).join(', ') })] : []),
  ];
  const filters = parts.length ? parts.join('; ') : t('digest.filterNone');
  return [paragraph(text(t('digest.footer', { filters, change: reader.command('subscribe'), stop: reader.command('unsubscribe') })))];
}

/** "16–22 Mar" in the reader's language: the days the digest covers. */
function weekRange(reader: DigestReader, from: Date, to: Date): string {
  const key = `${reader.language}|${reader.timeZone}`;
  let format = RANGE_FORMATS.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(dateLocale(reader.language), { timeZone: reader.timeZone, day: 'numeric', month: 'short' });
    RANGE_FORMATS.set(key, format);
  }
  return format.formatRange(from, new Date(to.getTime() - 1));
}

const RANGE_FORMATS = new Map<string, Intl.DateTimeFormat>();

/**
 * One period's digests: recipients who read alike (language, zone, filters,
 * platform's command prefix) get the same digest, composed once. A few
 * hundred distinct digests serve a hundred thousand recipients.
 */
export class DigestComposer {
  private readonly composed = new Map<string, Reply | undefined>();

  constructor(
    private readonly week: DigestWeek,
    private readonly translator: Translator,
  ) {}

  compose(reader: DigestReader & { commandPrefix: string }): Reply | undefined {
    const key = JSON.stringify([reader.language, reader.timeZone, reader.filter.topics, reader.filter.countries, reader.commandPrefix]);
    if (!this.composed.has(key)) this.composed.set(key, composeDigest(this.week, reader, this.translator));
    return this.composed.get(key);
  }

  /** How many different digests were composed. */
  get distinct(): number {
    return this.composed.size;
  }
}
