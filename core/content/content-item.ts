/** News, events, trainings and webinars, as core knows them (no database type crosses in). */
export const CONTENT_KINDS = ['news', 'event', 'training', 'webinar'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];
/** The kinds that happen at a time: listed by /events, with a start. */
export const DATED_KINDS: readonly ContentKind[] = ['event', 'training', 'webinar'];

export const isContentKind = (value: unknown): value is ContentKind => (CONTENT_KINDS as readonly unknown[]).includes(value);
export const isDated = (kind: ContentKind): boolean => DATED_KINDS.includes(kind);

export interface ContentItem {
  id: string;
  kind: ContentKind;
  title: string;
  summary: string;
  url: string;
  /** BCP 47 as given, canonicalised. */
  language: string;
  /** `sh` for all of BCMS, else the base language. */
  languageGroup: string;
  /** ISO 3166-1 alpha-2; empty for regional items. */
  country: string;
  topics: string[];
  /** Dated kinds: when it starts and ends (end optional). */
  startsAt?: Date;
  endsAt?: Date;
  /** The organiser's IANA zone, when given. */
  timeZone?: string;
  /** News: when it was published; others: when they were added. */
  publishedAt: Date;
}

/** Where an item came from. */
export type ContentSource = { kind: 'import' } | { kind: 'chat'; memberId: string } | { kind: 'feed'; feedUrl: string; feedKey: string };
