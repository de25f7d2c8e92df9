/**
 * `cphub search "<query>" [--lang xx] [--json] [--limit n]`: the ranked
 * results as members would get them, for admins and scripts (through the
 * configured backend). `cphub search reindex | status | sync` look after the
 * Typesense collection (search-index-commands.ts); to search for one of
 * those words, `cphub search query status`.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../config.ts';
import { DEFAULT_LANGUAGE, languageGroupOf, resolveLanguageName } from '../core/library/language.ts';
import { parseQuery } from '../core/search/query-parser.ts';
import { createApp } from '../main.ts';
import { registerSearchIndexCommands } from './search-index-commands.ts';

interface SearchOptions {
  lang: string;
  json?: boolean;
  limit: number;
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new InvalidArgumentError('a whole number from 1 to 1000');
  return limit;
}

function parseLanguage(value: string): string {
  const language = resolveLanguageName(value);
  if (!language) throw new InvalidArgumentError('a language code such as en, sq, sh, bg, hu, ro, mk');
  return languageGroupOf(language);
}

export function registerSearchCommand(program: Command): void {
  const search = program.command('search').description('search the library (or look after its Typesense collection: reindex, status, sync)');
  registerSearchIndexCommands(search);
  // The search itself is a subcommand only so commander can parse its options; its name is
  // never typed (`cphub search "<query>"`), so help shows the usage and options instead.
  const query = search
    .command('query', { isDefault: true, hidden: true })
    .description('search the library and print the ranked results (the default: cphub search "<query>")')
    .argument('<query>', 'the query, in the /search syntax (quote it for the shell)')
    .option('--lang <code>', 'the member language: preferred among close scores (a filter is lang:)', parseLanguage, DEFAULT_LANGUAGE)
    .option('--json', 'print JSON: id, title, language, score')
    .option('--limit <n>', 'how many results (1-1000)', parseLimit, 20)
    .action(async (query: string, options: SearchOptions) => {
      // `| head` closes stdout early: that is the reader's choice, not an error.
      process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(0);
        throw error;
      });
      // No sample seeding here: an admin searching before an import must not
      // find the sample mixed into the real library.
      const app = createApp(loadConfig(), { defaultLogLevel: 'warn' });
      try {
        const parsed = parseQuery(query);
        for (const { field, value } of parsed.rejectedFilters) {
          process.stderr.write(`${field}:${value} is not a value cphub knows; searched without that filter\n`);
        }
        const page = await app.search.search({ query: parsed, preferredLanguage: options.lang, offset: 0, limit: options.limit });
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
  search.usage('"<query>" [--lang <code>] [--json] [--limit <n>]\n       cphub search reindex | status | sync');
  search.addHelpText('after', () => `\nOptions of a search (cphub search "<query>"):\n${query.options.map((option) => `  ${option.flags.padEnd(15)} ${option.description}`).join('\n')}\n`);
}

/** Rows in rank order: relevance first, then the member's language and newer among close scores. */
function printTable(total: number, rows: Array<{ id: string; title: string; language: string; score: number }>): void {
  process.stdout.write(`${total} found\n`);
  for (const row of rows) {
    process.stdout.write(`${row.score.toFixed(3).padStart(8)}  ${row.id.padEnd(14)} ${row.language.padEnd(9)} ${row.title}\n`);
  }
}
