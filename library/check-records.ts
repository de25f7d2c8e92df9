/**
 * Reads and checks every record of a file before anything is written,
 * keeping going after a problem to report them all at once, with the line
 * each is on. Shared by library documents and content items: each gives its
 * own validation, the rules of the file are the same.
 */
import type { LibraryFormat } from './read-records.ts';
import { readRecords, type RecordItem } from './read-records.ts';

export interface ImportProblem {
  line: number;
  message: string;
}

/** Enough to fix a file in passes; a wrong delimiter would otherwise list every row. */
export const MAX_REPORTED_PROBLEMS = 50;

export type RecordCheck<T> = (record: Record<string, unknown>) => { ok: true; value: T; id: string } | { ok: false; problems: string[] };

export interface CheckedFile<T> {
  rows: number;
  values: T[];
  problems: ImportProblem[];
  problemCount: number;
}

export async function checkFile<T>(
  path: string,
  format: LibraryFormat,
  check: RecordCheck<T>,
  onProgress?: (bytesRead: number) => void,
): Promise<CheckedFile<T>> {
  const result: CheckedFile<T> = { rows: 0, values: [], problems: [], problemCount: 0 };
  const lineOfId = new Map<string, number>();
  for await (const item of readRecords(path, format)) {
    result.rows += 1;
    onProgress?.(item.bytesRead);
    const messages = checkItem(item, check, lineOfId, result.values);
    result.problemCount += messages.length;
    for (const message of messages) {
      if (result.problems.length < MAX_REPORTED_PROBLEMS) result.problems.push({ line: item.line, message });
    }
  }
  return result;
}

/** The problems of one record; a good record joins `values`. */
function checkItem<T>(item: RecordItem, check: RecordCheck<T>, lineOfId: Map<string, number>, values: T[]): string[] {
  if (item.problem !== undefined) return [item.problem];
  const validation = check(item.record);
  if (!validation.ok) return validation.problems;
  const firstLine = lineOfId.get(validation.id);
  if (firstLine !== undefined) return [`id: "${validation.id}" is already used on line ${firstLine}`];
  lineOfId.set(validation.id, item.line);
  values.push(validation.value);
  return [];
}
