/** A small library for the Telegram tests: enough hits for three pages, titles that need escaping. */
import type { LibraryDocument } from '../../core/library/document.ts';
import { sampleDocument } from './core-harness.ts';

export function telegramTestLibrary(): LibraryDocument[] {
  const documents: LibraryDocument[] = [];
  for (let i = 1; i <= 12; i += 1) {
    documents.push(
      sampleDocument({
        id: `en-${i}`,
        title: `Child protection guide ${i}: children & <families>`,
        summary: 'Protecting children from violence',
        year: 2000 + i,
      }),
    );
  }
  documents.push(
    sampleDocument({ id: 'sh-1', title: 'Zaštita djece od nasilja', language: 'hr', languageGroup: 'sh', country: 'HR' }),
    sampleDocument({ id: 'sr-1', title: 'Заштита деце у систему социјалне заштите', language: 'sr-Cyrl', languageGroup: 'sh', country: 'RS' }),
    sampleDocument({ id: 'sq-1', title: 'Mbrojtja e fëmijëve nga dhuna', language: 'sq', languageGroup: 'sq', country: 'AL' }),
  );
  return documents;
}
