/**
 * Imports a content file (news, events, trainings, webinars) with the same
 * rules as a library file: every record checked first, all or nothing, upsert
 * by id, problems by line.
 *
 * How `cphub import` tells the two apart: a file whose first record has a
 * `kind` of news, event, training or webinar is a content file (and then
 * every record needs a kind); any other file is library documents, as
 * before. Documents have no `kind` field (their `type` is what they are).
 */
import type { ContentItem } from '../core/content/content-item.ts';
import { isContentKind } from '../core/content/content-item.ts';
import { validateContentRecord } from '../core/content/content-record.ts';
import type { UpsertCounts } from '../db/sqlite-document-store.ts';
import type { RecordCheck } from './check-records.ts';
import { fileSize, importRecords, type ImportOptions, type ImportReport } from './import-library.ts';
import { libraryFormatOf, readRecords } from './read-records.ts';

/** Where content lands: SqliteContentStore, one transaction per call. */
export interface ContentSink {
  upsertAll(batch: Iterable<ContentItem>, now: Date): UpsertCounts;
}

/** True when the file's first record says it is news, an event, a training or a webinar. */
export async function isContentFile(path: string): Promise<boolean> {
  const format = libraryFormatOf(path);
  await fileSize(path);
  for await (const item of readRecords(path, format)) {
    const kind = item.record?.kind;
    return typeof kind === 'string' && isContentKind(kind.trim().toLowerCase());
  }
  return false;
}

export function importContentFile(path: string, store: ContentSink, options: ImportOptions): Promise<ImportReport> {
  const check: RecordCheck<ContentItem> = (record) => {
    const validation = validateContentRecord(record, options.now);
    return validation.ok ? { ok: true, value: validation.item, id: validation.item.id } : validation;
  };
  return importRecords(path, check, (items) => store.upsertAll(items, options.now), options);
}
