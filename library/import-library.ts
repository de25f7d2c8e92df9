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
import { checkFile, type ImportProblem, type RecordCheck } from './check-records.ts';
import { LibraryFileError, libraryFormatOf, type LibraryFormat } from './read-records.ts';

export { LibraryFileError } from './read-records.ts';

/** Where documents land: SqliteDocumentStore, one transaction per call. */
export interface DocumentSink {
  upsertAll(batch: Iterable<LibraryDocument>, now: Date): UpsertCounts;
  /** Optional: get ready for a large batch while the file is read and checked. */
  expectLargeBatch?(): void;
}

export interface ImportOptions {
  now: Date;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export type { ImportProblem } from './check-records.ts';
export { MAX_REPORTED_PROBLEMS } from './check-records.ts';

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

/** From this size a file is likely a large batch (documents of about 1 KB). */
const LARGE_FILE_BYTES = 1_000_000;

export async function importLibraryFile(path: string, store: DocumentSink, options: ImportOptions): Promise<ImportReport> {
  if ((await fileSize(path)) >= LARGE_FILE_BYTES) store.expectLargeBatch?.();
  return importRecords(path, checkDocument, (documents) => store.upsertAll(documents, options.now), options);
}

/** Checks every record of the file, then writes them in one call (one transaction), or reports the problems and writes nothing. */
export async function importRecords<T>(path: string, check: RecordCheck<T>, write: (values: T[]) => UpsertCounts, options: ImportOptions): Promise<ImportReport> {
  const format = libraryFormatOf(path);
  const totalBytes = await fileSize(path);
  const checked = await checkFile(path, format, check, (bytes) => options.onProgress?.(bytes, totalBytes));
  const report = { path, format, rows: checked.rows, added: 0, updated: 0, unchanged: 0 };
  if (checked.problemCount > 0) {
    return { ...report, problems: checked.problems, problemCount: checked.problemCount };
  }
  const counts = write(checked.values);
  options.onProgress?.(totalBytes, totalBytes);
  return { ...report, ...counts, problems: [], problemCount: 0 };
}

export async function fileSize(path: string): Promise<number> {
  const stats = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new LibraryFileError(
      error.code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot be read (${error.message})`,
    );
  });
  if (!stats.isFile()) throw new LibraryFileError(`${path}: not a file`);
  return stats.size;
}

const checkDocument: RecordCheck<LibraryDocument> = (record) => {
  const validation = validateDocumentRecord(record);
  return validation.ok ? { ok: true, value: validation.document, id: validation.document.id } : validation;
};
