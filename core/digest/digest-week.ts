/**
 * What a digest can hold, read once for every recipient of a period: the
 * week's new documents and news, what happens in the next two weeks, and the
 * questions (issue 7's seam). Each recipient's digest is then a filter of
 * this, in memory, so composing for 100,000 recipients reads the database once.
 */
import type { ContentItem } from '../content/content-item.ts';
import type { LibraryDocument } from '../library/document.ts';
import type { DigestQuestion, DigestSources } from './digest-ports.ts';
import { upcomingUntil } from './digest-period.ts';

export interface DigestWeek {
  /** The week covered: [from, to). */
  from: Date;
  to: Date;
  documents: LibraryDocument[];
  news: ContentItem[];
  /** Dated items still to happen at `to`, starting in the two weeks after it, soonest first. */
  upcoming: ContentItem[];
  openQuestions: DigestQuestion[];
  answeredQuestions: DigestQuestion[];
}

export async function loadDigestWeek(sources: DigestSources, from: Date, to: Date): Promise<DigestWeek> {
  const [documents, content, upcoming, openQuestions, answeredQuestions] = await Promise.all([
    sources.newDocuments(from, to),
    sources.newContent(from, to),
    sources.upcoming(to, upcomingUntil(to)),
    sources.openQuestions(),
    sources.answeredQuestions(from, to),
  ]);
  return { from, to, documents, news: content.filter((item) => item.kind === 'news'), upcoming, openQuestions, answeredQuestions };
}
