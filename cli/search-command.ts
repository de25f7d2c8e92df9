/**
 * `cphub search "<query>" [--lang xx] [--json] [--limit n]`: the ranked
 * results as members would get them, for admins and scripts.
 */
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { DEFAULT_LANGUAGE, resolveLanguageName } from '../core/library/language.ts';
import { parseQuery } from '../core/search/query-parser.ts';
import { createApp, seedSampleLibrary } from '../main.ts';

interface SearchOptions {
  lang?: string;
  json?: boolean;
  limit: string;
}

export function registerSearchCommand(program: Command): void {
  program
    .command('search')
    .description('search the library and print the ranked results')
    .argument('<query>', 'the query, in the /search syntax (quote it for the shell)')
    .option('--lang <code>', 'the member language preferred among close scores', DEFAULT_LANGUAGE)
    .option('--json', 'print JSON: id, title, language, score')
    .option('--limit <n>', 'how many results', '20')
    .action(async (query: string, options: SearchOptions) => {
      const app = createApp(loadConfig(), { defaultLogLevel: 'warn' });
      try {
        await seedSampleLibrary(app);
        const language = resolveLanguageName(options.lang ?? DEFAULT_LANGUAGE) ?? DEFAULT_LANGUAGE;
        const limit = Math.max(1, Math.min(1000, Number.parseInt(options.limit, 10) || 20));
        const page = await app.search.search({
          query: parseQuery(query),
          preferredLanguage: language === 'sh-Cyrl' ? 'sh' : language,
          offset: 0,
          limit,
        });
        const rows = page.hits.map(({ document, score }) => ({
          id: document.id,
          title: document.title,
          language: document.language,
          score: Math.round(score * 1000) / 1000,
        }));
        if (options.json) process.stdout.write(`${JSON.stringify({ total: page.total, results: rows }, null, 2)}\n`);
        else printTable(page.total, rows);
      } finally {
        app.close();
      }
    });
}

function printTable(total: number, rows: Array<{ id: string; title: string; language: string; score: number }>): void {
  process.stdout.write(`${total} found\n`);
  for (const row of rows) {
    process.stdout.write(`${row.score.toFixed(3).padStart(8)}  ${row.id.padEnd(14)} ${row.language.padEnd(9)} ${row.title}\n`);
  }
}
