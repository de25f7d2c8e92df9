/**
 * `cphub import <file.jsonl | file.csv>`: adds and updates library documents,
 * or news, events, trainings and webinars (a `kind` field), from a file, all or nothing. Prints a summary on stdout, or the problems
 * by line number and exit code 1 when nothing was imported. A file that
 * cannot be read at all (missing, unknown kind) exits with code 2.
 */
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { importContentFile, isContentFile } from '../library/import-content.ts';
import { importLibraryFile, LibraryFileError, type ImportReport } from '../library/import-library.ts';
import { createApp, type App } from '../main.ts';

/** Smaller files import in about a second: a bar would only flicker. */
const PROGRESS_BAR_MIN_BYTES = 1024 * 1024;

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('import library documents, or news/events/trainings/webinars (records with a kind), from a JSON Lines or CSV file (all or nothing; upsert by id)')
    .argument('<file>', 'a .jsonl, .ndjson or .csv file, one document per line or row')
    .action(async (file: string) => {
      process.exitCode = await runImport(file);
    });
}

// The sample library is not seeded here: an import into an empty database
// should hold exactly the admin's file.
async function runImport(file: string): Promise<number> {
  const app = createApp(loadConfig(), { defaultLogLevel: 'warn' });
  const progress = createProgress();
  try {
    const options = { now: new Date(), onProgress: progress.update };
    // A file of news, events, trainings or webinars says so in its first record's `kind` (library/import-content.ts).
    const content = await isContentFile(file);
    const report = content ? await importContentFile(file, app.services.content, options) : await importLibraryFile(file, app.store, options);
    progress.stop();
    process.stdout.write(describeReport(file, report, content ? 'content item' : 'row'));
    // Content is not in the search index: only a document import is pushed.
    if (!content && report.problemCount === 0 && report.added + report.updated > 0) await pushToTypesense(app);
    return report.problemCount > 0 ? 1 : 0;
  } catch (error) {
    progress.stop();
    if (!(error instanceof LibraryFileError)) throw error;
    process.stderr.write(`cphub import: ${error.message}\n`);
    return 2;
  } finally {
    app.close();
  }
}

/**
 * With a Typesense collection kept in sync, the import lands there at once
 * rather than at the bot's next sync; SQLite has it either way, so a
 * Typesense that cannot be reached is a note, not a failed import.
 */
async function pushToTypesense(app: App): Promise<void> {
  const index = app.searchIndex;
  if (!index?.isBuilt()) return;
  try {
    const report = await index.sync(new Date());
    process.stdout.write(`Pushed to Typesense (${index.alias}): ${report.upserted} added or changed, ${report.deleted} removed.\n`);
  } catch (error) {
    process.stderr.write(`cphub import: Typesense was not reached (${(error as Error).message}); the running cphub pushes the changes within a minute.\n`);
  }
}

/** A bar on stderr, started on the first progress report of a large file on a terminal. */
function createProgress(): { update: (bytesRead: number, totalBytes: number) => void; stop: () => void } {
  let bar: SingleBar | undefined;
  const enabled = process.stderr.isTTY === true;
  return {
    update: (bytesRead, totalBytes) => {
      if (!enabled || totalBytes <= PROGRESS_BAR_MIN_BYTES) return;
      if (!bar) {
        // No ETA: the bar follows reading, and the one write at the end would make it lie.
        bar = new SingleBar({ stream: process.stderr, format: 'Importing [{bar}] {percentage}% of {size}', hideCursor: true });
        bar.start(totalBytes, 0, { size: `${(totalBytes / 1024 / 1024).toFixed(1)} MB` });
      }
      bar.update(bytesRead);
    },
    stop: () => bar?.stop(),
  };
}

export function describeReport(file: string, report: ImportReport, noun = 'row'): string {
  if (report.problemCount === 0) {
    const { added, updated, unchanged } = report;
    return `Imported ${plural(report.rows, noun)} from ${file}: ${added} added, ${updated} updated, ${unchanged} unchanged.\n`;
  }
  const shown = report.problems.length < report.problemCount ? ` (the first ${report.problems.length} below)` : '';
  const lines = report.problems.map(({ line, message }) => `  line ${line}: ${message}\n`);
  return `Nothing was imported: ${plural(report.problemCount, 'problem')} in ${file}${shown}\n${lines.join('')}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
