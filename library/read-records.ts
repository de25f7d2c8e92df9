/**
 * Reads the records of a library file, one at a time, with the physical
 * line each starts on, so that an admin can find a bad record in an editor.
 * JSON Lines (.jsonl, .ndjson): one object per line. CSV (.csv): a header
 * row, then one record per row; quoted fields may hold commas and newlines.
 * Fields are not checked here (core/library/document-record.ts does that).
 */
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { CsvError, parse } from 'csv-parse';

export type LibraryFormat = 'jsonl' | 'csv';

/** A record, or what is wrong with the line; `bytesRead` is for progress. */
export type RecordItem =
  | { line: number; bytesRead: number; record: Record<string, unknown>; problem?: undefined }
  | { line: number; bytesRead: number; problem: string; record?: undefined };

/** The file cannot be imported at all (missing, unknown kind): a message for the admin. */
export class LibraryFileError extends Error {
  override readonly name = 'LibraryFileError';
}

const FORMATS: Record<string, LibraryFormat> = { '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv' };

export function libraryFormatOf(path: string): LibraryFormat {
  const format = FORMATS[extname(path).toLowerCase()];
  if (!format) {
    throw new LibraryFileError(`${path}: unknown kind of file; expected .jsonl, .ndjson or .csv`);
  }
  return format;
}

export function readRecords(path: string, format = libraryFormatOf(path)): AsyncGenerator<RecordItem> {
  return format === 'csv' ? readCsvRecords(path) : readJsonLines(path);
}

/** Counts the bytes that pass, and where each line ends (CSV line numbers). */
class ByteCounter extends Transform {
  bytes = 0;
  private newlines = 0;
  // Offsets of the `\n` not yet asked about; dropped as records go by.
  private pending: number[] = [];

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) this.pending.push(this.bytes + at);
    this.bytes += chunk.length;
    done(null, chunk);
  }

  /** The 1-based line of the byte at `offset`; offsets must not go backwards. */
  lineAt(offset: number): number {
    let passed = 0;
    while (passed < this.pending.length && this.pending[passed]! < offset) passed += 1;
    this.newlines += passed;
    this.pending = this.pending.slice(passed);
    return this.newlines + 1;
  }
}

async function* readJsonLines(path: string): AsyncGenerator<RecordItem> {
  const counter = new ByteCounter();
  pipeline(createReadStream(path), counter, ignore);
  const lines = createInterface({ input: counter, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
    if (trimmed === '') continue;
    yield { line, bytesRead: counter.bytes, ...parseJsonObject(trimmed) };
  }
}

// pipeline() forwards a read error to the last stream, which reports it.
function ignore(): void {}

function parseJsonObject(text: string): { record: Record<string, unknown> } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `not valid JSON (${(error as Error).message})` };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return { record: value as Record<string, unknown> };
  }
  return { problem: `expected a JSON object, got ${Array.isArray(value) ? 'a list' : JSON.stringify(value)}` };
}

/**
 * csv-parse's own `info.lines` is the line a record ends on (and miscounts a
 * CRLF inside quotes), so the start line comes from byte offsets instead:
 * `info.bytes` is where each record ends, the next one starts right there.
 * Empty lines are not skipped by the parser, so that no blank run hides
 * between two records; they come out as one empty field and are dropped here.
 */
async function* readCsvRecords(path: string): AsyncGenerator<RecordItem> {
  const counter = new ByteCounter();
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: false });
  pipeline(createReadStream(path), counter, parser, ignore);
  let header: string[] | undefined;
  let start = 0;
  try {
    for await (const { record, info } of recordsBeforeError<CsvRow>(parser)) {
      const line = counter.lineAt(start);
      start = info.bytes;
      if (record.every((field) => field.trim() === '')) continue;
      if (header) {
        yield { line, bytesRead: counter.bytes, ...toCsvRecord(header, record) };
        continue;
      }
      header = record.map((name) => name.trim().toLowerCase());
      const problem = headerProblem(header);
      if (problem) {
        yield { line, bytesRead: counter.bytes, problem };
        return;
      }
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // The parser stops at a syntax error; the bad record starts after the last good one.
    yield { line: counter.lineAt(start), bytesRead: counter.bytes, problem: `not valid CSV (${error.message})` };
  }
}

type CsvRow = { record: string[]; info: { bytes: number } };

/**
 * Like `for await (… of stream)`, except that an error comes after the items
 * parsed before it: Node's stream iterator throws at once and drops them,
 * which would lose the position of the bad record.
 */
async function* recordsBeforeError<T>(stream: Readable): AsyncGenerator<T> {
  const queue: T[] = [];
  let failure: { error: unknown } | undefined;
  let ended = false;
  let wake = (): void => {};
  stream.on('data', (item: T) => {
    queue.push(item);
    if (queue.length >= 1000) stream.pause();
    wake();
  });
  stream.on('error', (error) => {
    failure = { error };
    ended = true;
    wake();
  });
  stream.on('end', () => {
    ended = true;
    wake();
  });
  try {
    while (queue.length > 0 || !ended) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      else yield queue.shift()!;
      if (queue.length < 100 && stream.isPaused()) stream.resume();
    }
  } finally {
    stream.destroy();
  }
  if (failure) throw failure.error;
}

function headerProblem(header: string[]): string | undefined {
  if (header.some((name) => name === '')) return 'the header row has a column without a name';
  const repeated = header.find((name, index) => header.indexOf(name) !== index);
  return repeated ? `the header row names the column "${repeated}" twice` : undefined;
}

// A row with more or fewer fields than the header is almost always an
// unquoted comma: the fields would shift into the wrong columns.
function toCsvRecord(header: string[], fields: string[]): { record: Record<string, unknown> } | { problem: string } {
  if (fields.length !== header.length) {
    return { problem: `${fields.length} fields where the header has ${header.length} (a comma in a field needs "quotes")` };
  }
  return { record: Object.fromEntries(header.map((name, index) => [name, fields[index]])) };
}
