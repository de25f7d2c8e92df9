/** What the weekly digest reads: the week's new documents and content, and what is coming up. */
import { and, desc, gte, lt } from 'drizzle-orm';
import type { DigestSources } from '../core/digest/digest-ports.ts';
import type { QuestionStore } from '../core/questions/question-ports.ts';
import type { LibraryDocument } from '../core/library/document.ts';
import { toLibraryDocument } from './document-rows.ts';
import type { OpenDatabase } from './open-database.ts';
import { documents } from './schema/documents.ts';
import type { SqliteContentStore } from './sqlite-content-store.ts';

/** The most documents one week's digests consider (a first import of a whole library is "thousands new"). */
const MAX_NEW_DOCUMENTS = 2_000;

export function createDigestSources(db: OpenDatabase, content: SqliteContentStore, questions: QuestionStore): DigestSources {
  return {
    // Newest first; no index on imported_at: a weekly scan costs milliseconds, an index would cost every import.
    async newDocuments(from: Date, to: Date): Promise<LibraryDocument[]> {
      const rows = db.orm.select().from(documents)
        .where(and(gte(documents.importedAt, from.toISOString()), lt(documents.importedAt, to.toISOString())))
        .orderBy(desc(documents.seq)).limit(MAX_NEW_DOCUMENTS).all();
      return rows.map(toLibraryDocument);
    },
    newContent: (from, to) => content.addedBetween(from, to),
    upcoming: (from, until) => content.upcoming({}, from, until, 500),
    // Open questions that need experts and the week's answered ones (issue 7's store; never the asker).
    openQuestions: () => questions.openQuestions(),
    answeredQuestions: (from, to) => questions.answeredQuestions(from, to),
  };
}
