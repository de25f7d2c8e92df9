/**
 * The bundled sample library's documents as plain records (title, summary,
 * topics, publisher, year, link): 71 real publications of the field in ten
 * languages, for tests that need real professional text, not made-up lines.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface SampleDocument {
  id: string;
  title: string;
  summary: string;
  language: string;
  topics: string[];
  publisher: string;
  year: number;
  url: string;
}

const SAMPLE = fileURLToPath(new URL('../../data/library/sample-library.jsonl', import.meta.url));

export function sampleDocuments(): SampleDocument[] {
  return readFileSync(SAMPLE, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as SampleDocument);
}
