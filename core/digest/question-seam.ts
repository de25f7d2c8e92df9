/**
 * The digest's questions sections — open questions that need experts, and
 * the week's answered ones — wait for issue 7 (questions and answers), which
 * is not built yet. Until then this seam answers "none", and the digest
 * leaves those sections out. Issue 7 replaces it with its question store.
 */
import type { DigestQuestion, DigestSources } from './digest-ports.ts';

export const noQuestionsYet: Pick<DigestSources, 'openQuestions' | 'answeredQuestions'> = {
  openQuestions: async (): Promise<DigestQuestion[]> => [],
  answeredQuestions: async (): Promise<DigestQuestion[]> => [],
};
