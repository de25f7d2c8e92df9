/**
 * `cphub search reindex | status | sync`: the Typesense collection behind
 * SEARCH_BACKEND=typesense (TYPESENSE_NODES and TYPESENSE_API_KEY set).
 * SQLite stays the source of truth: these only push to Typesense.
 */
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { createApp, type App } from '../main.ts';
import type { IndexStatus } from '../typesense/typesense-index.ts';

export function registerSearchIndexCommands(search: Command): void {
  search
    .command('reindex')
    .description('rebuild the Typesense collection from the library: a new collection, then the alias moved to it')
    .action(() => withIndex(async (app, index) => {
      const started = Date.now();
      const built = await index.reindex(new Date());
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`Rebuilt ${index.alias} as ${built.collection}: ${built.documents} documents in ${seconds} s`);
      process.stdout.write(built.replayed.upserted + built.replayed.deleted > 0 ? `, then ${describeSync(built.replayed)} changed meanwhile.\n` : '.\n');
      return 0;
    }));
  search
    .command('status')
    .description('compare the documents in SQLite and in Typesense (exit code 1 when they differ)')
    .action(() => withIndex(async (_app, index) => {
      const status = await index.status();
      process.stdout.write(describeStatus(status));
      return status.inSync ? 0 : 1;
    }, async (app) => {
      // Nothing to compare, but the library is still worth a count: it is what members search.
      process.stdout.write(`SQLite: ${await app.store.count()} documents (what members search)\nTypesense: not configured (TYPESENSE_NODES and TYPESENSE_API_KEY; see the README, "Search backends")\n`);
      return 0;
    }));
  search
    .command('sync')
    .description('push the changes since the last sync to Typesense now (the running bot does it every minute)')
    .action(() => withIndex(async (_app, index) => {
      if (!index.isBuilt()) {
        process.stderr.write(`cphub search sync: ${index.alias} was never built; run cphub search reindex first\n`);
        return 1;
      }
      process.stdout.write(`Synced ${index.alias}: ${describeSync(await index.sync(new Date()))}.\n`);
      return 0;
    }));
}

/** Runs `work` with the Typesense index; without one, `withoutTypesense` if given, else says what to set (exit 2). */
async function withIndex(work: (app: App, index: NonNullable<App['searchIndex']>) => Promise<number>, withoutTypesense?: (app: App) => Promise<number>): Promise<void> {
  const app = createApp(loadConfig(), { defaultLogLevel: 'warn' });
  try {
    if (!app.searchIndex && withoutTypesense) {
      process.exitCode = await withoutTypesense(app);
      return;
    }
    if (!app.searchIndex) {
      process.stderr.write('cphub search: Typesense is not configured; set TYPESENSE_NODES and TYPESENSE_API_KEY (see the README, "Search backends")\n');
      process.exitCode = 2;
      return;
    }
    process.exitCode = await work(app, app.searchIndex);
  } catch (error) {
    process.stderr.write(`cphub search: Typesense did not answer as expected: ${(error as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    app.close();
  }
}

function describeSync(report: { upserted: number; deleted: number }): string {
  return `${report.upserted} added or changed, ${report.deleted} removed`;
}

export function describeStatus(status: IndexStatus): string {
  const lines = [`SQLite: ${status.sqliteDocuments} documents`];
  if (status.typesenseDocuments === undefined) lines.push(`Typesense: no collection ${status.alias} (run cphub search reindex)`);
  else lines.push(`Typesense: ${status.typesenseDocuments} documents in ${status.alias} (${status.collection})`);
  lines.push(`Changes not yet pushed: ${status.pendingChanges}${status.lastSync ? ` (last sync ${status.lastSync})` : ''}`);
  lines.push(status.inSync ? 'In sync.' : 'Not in sync: the bot pushes changes every minute; cphub search sync does it now, cphub search reindex rebuilds.');
  return `${lines.join('\n')}\n`;
}
