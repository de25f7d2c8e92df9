/**
 * Imports a library file all or nothing: every record is checked first, and
 * only a file without a single problem is written, in one transaction. An
 * admin fixes the lines the report names and imports the same file again;
 * upsert by id makes that second run add only what the first did not.
 */
import { stat } from 'node:fs/promises';
import type { LibraryDocument } from '../core/library/document.ts';
import { validateDocumentRecord } from '../core/library/document-record.ts';
import type { UpsertCounts } from '../db/sqlite-document-store.ts';
import { LibraryFileError, libraryFormatOf, readRecords, type LibraryFormat, type RecordItem } from './read-records.ts';

export { LibraryFileError } from './read-records.ts';

/** Where documents land: SqliteDocumentStore, one transaction per call. */
export interface DocumentSink {
  upsertAll(batch: Iterable<LibraryDocument>, now: Date): UpsertCounts;
}

export interface ImportOptions {
  now: Date;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export interface ImportProblem {
  line: number;
  message: string;
}

export interface ImportReport {
  path: string;
  format: LibraryFormat;
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  /** The first MAX_REPORTED_PROBLEMS problems, in file order. */
  problems: ImportProblem[];
  /** All problems found, also those beyond the reported ones. */
  problemCount: number;
}

/** Enough to fix a file in passes; a wrong delimiter would otherwise list every row. */
export const MAX_REPORTED_PROBLEMS = 50;

export async function importLibraryFile(path: string, store: DocumentSink, options: ImportOptions): Promise<ImportReport> {
  const format = libraryFormatOf(path);
  const totalBytes = await fileSize(path);
  const checked = await checkFile(path, format, totalBytes, options.onProgress);
  const report = { path, format, rows: checked.rows, added: 0, updated: 0, unchanged: 0 };
  if (checked.problemCount > 0) {
    return { ...report, problems: checked.problems, problemCount: checked.problemCount };
  }
  const counts = store.upsertAll(checked.documents, options.now);
  options.onProgress?.(totalBytes, totalBytes);
  return { ...report, ...counts, problems: [], problemCount: 0 };
}

async function fileSize(path: string): Promise<number> {
  const stats = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new LibraryFileError(
      error.code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot be read (${error.message})`,
    );
  });
  if (!stats.isFile()) throw new LibraryFileError(`${path}: not a file`);
  return stats.size;
}

interface CheckedFile {
  rows: number;
  documents: LibraryDocument[];
  problems: ImportProblem[];
  problemCount: number;
}

/** Reads and checks every record, keeping going after a problem to report them all at once. */
async function checkFile(
  path: string,
  format: LibraryFormat,
  totalBytes: number,
  onProgress: ImportOptions['onProgress'],
): Promise<CheckedFile> {
  const result: CheckedFile = { rows: 0, documents: [], problems: [], problemCount: 0 };
  const lineOfId = new Map<string, number>();
  for await (const item of readRecords(path, format)) {
    result.rows += 1;
    onProgress?.(item.bytesRead, totalBytes);
    const messages = checkItem(item, lineOfId, result.documents);
    result.problemCount += messages.length;
    for (const message of messages) {
      if (result.problems.length < MAX_REPORTED_PROBLEMS) result.problems.push({ line: item.line, message });
    }
  }
  return result;
}

/** The problems of one record; a good record joins `documents`. */
function checkItem(item: RecordItem, lineOfId: Map<string, number>, documents: LibraryDocument[]): string[] {
  if (item.problem !== undefined) return [item.problem];
  const validation = validateDocumentRecord(item.record);
  if (!validation.ok) return validation.problems;
  const { document } = validation;
  const firstLine = lineOfId.get(document.id);
  if (firstLine !== undefined) return [`id: "${document.id}" is already used on line ${firstLine}`];
  lineOfId.set(document.id, item.line);
  documents.push(document);
  return [];
}
