/**
 * `npm run bench`: search latency, import rate and memory on generated
 * libraries of realistic size, printed against the targets of the issue and
 * written to `.bench/results-<date>.json`. A benchmark, not a test: it
 * prints figures and exits 0 whether or not a target is met.
 *
 *   npm run bench                          16,400 and 200,000 documents
 *   npm run bench -- --sizes 16400         chosen sizes
 *   npm run bench -- --quick               16,400 only, fewer rounds
 *   npm run bench -- --rounds 40           timed rounds of the query mix
 *   npm run bench -- --no-console          skip the console session
 *   npm run bench -- --no-telegram         skip the Telegram figures
 *   npm run bench -- --telegram            the Telegram figures only
 *   npm run bench -- --no-discord          skip the Discord figures
 *   npm run bench -- --discord             the Discord figures only
 *   npm run bench -- --no-slack / --slack  likewise for Slack
 *   npm run bench -- --no-digest / --digest  the weekly digest: compose time, fan-out rate
 *   npm run bench -- --typesense           also through Typesense (TYPESENSE_NODES, TYPESENSE_API_KEY)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchConsole, type ConsoleResult } from './console-session.ts';
import { benchLibrary, BATCH_SIZE, type SizeResult } from './library-bench.ts';
import { QUERIES } from './queries.ts';
import { printReport, targetRows } from './report.ts';
import { benchDiscord, type DiscordBenchResult } from './discord-bench.ts';
import { benchSlack, type SlackBenchResult } from './slack-bench.ts';
import { benchTelegram, type TelegramBenchResult } from './telegram-bench.ts';
import { benchDigest, type DigestBenchResult } from './digest-bench.ts';
import { benchTypesense, type TypesenseBenchResult } from './typesense-bench.ts';
import { loadConfig } from '../config.ts';
import { mb, ms, thousands } from './stats.ts';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Options {
  sizes: number[];
  rounds: number;
  console: boolean;
  telegram: boolean;
  discord: boolean;
  slack: boolean;
  digest: boolean;
  typesense: boolean;
}

function parseOptions(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const valueOf = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith(`${flag}=`))?.slice(flag.length + 1);
  };
  const sizes = valueOf('--sizes')
    ?.split(',')
    .map((value) => Number(value.replace(/[_\s]/g, '')))
    .filter((value) => Number.isInteger(value) && value > 0);
  // At least 1,000 timed searches per size unless --quick.
  const minimumRounds = Math.ceil(1000 / QUERIES.length);
  const rounds = Number(valueOf('--rounds') ?? (quick ? 5 : minimumRounds));
  // --telegram / --discord: only the platforms named.
  const platformsOnly = ['--telegram', '--discord', '--slack', '--digest'].some((flag) => argv.includes(flag));
  const platform = (name: string) => (platformsOnly ? argv.includes(`--${name}`) : !argv.includes(`--no-${name}`));
  return {
    sizes: platformsOnly ? [] : sizes?.length ? sizes : quick ? [16_400] : [16_400, 200_000],
    rounds: Number.isInteger(rounds) && rounds > 0 ? rounds : minimumRounds,
    console: !platformsOnly && !argv.includes('--no-console'),
    telegram: platform('telegram'),
    discord: platform('discord'),
    slack: platform('slack'),
    digest: platform('digest'),
    typesense: argv.includes('--typesense'),
  };
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  log(`cphub bench: sizes ${options.sizes.join(', ')}; ${QUERIES.length} queries × ${options.rounds} rounds; batches of ${BATCH_SIZE}`);
  const sizes: SizeResult[] = [];
  for (const size of options.sizes) {
    log(`· ${size.toLocaleString('en-US')} documents: importing and searching…`);
    sizes.push(await benchLibrary(size, options.rounds));
  }
  const typesense = options.typesense ? await benchTypesenseSizes(options) : [];
  let consoleResult: ConsoleResult = { available: false, reason: 'skipped' };
  if (options.console) {
    log('· console session…');
    consoleResult = await benchConsole(REPO_ROOT);
  }
  let telegram: TelegramBenchResult | undefined;
  if (options.telegram) {
    log('· telegram: updates through grammY + core + SQLite, then rate-limited sends…');
    telegram = await benchTelegram();
  }
  let discord: DiscordBenchResult | undefined;
  if (options.discord) {
    log('· discord: interactions through discord.js + core + SQLite…');
    discord = await benchDiscord();
  }
  let slack: SlackBenchResult | undefined;
  if (options.slack) {
    log('· slack: /hub commands over Socket Mode through Bolt + core + SQLite…');
    slack = await benchSlack();
  }
  let digest: DigestBenchResult | undefined;
  if (options.digest) {
    log('· digest: composing for 2,346 and 100,000 subscribers, then fan-out through Telegram against an enforced 30/s…');
    digest = await benchDigest();
  }
  printReport(sizes, consoleResult, { telegram, discord, slack, digest });
  const targets = targetRows(sizes, consoleResult, { telegram, discord, slack, digest });
  const file = writeResults({ options, sizes, typesense, console: consoleResult, telegram, discord, slack, digest, targets });
  log(`results written to ${file}`);
}

async function benchTypesenseSizes(options: Options): Promise<TypesenseBenchResult[]> {
  const config = loadConfig().search.typesense;
  if (!config) {
    log('· typesense: skipped (set TYPESENSE_NODES and TYPESENSE_API_KEY)');
    return [];
  }
  const results: TypesenseBenchResult[] = [];
  for (const size of options.sizes) {
    log(`· typesense, ${thousands(size)} documents: rebuilding and searching…`);
    const result = await benchTypesense(size, options.rounds, config);
    log(`  rebuild ${thousands(result.rebuildDocsPerSecond)} docs/s · search p50 ${ms(result.search.p50)} p95 ${ms(result.search.p95)} p99 ${ms(result.search.p99)} · server memory ${mb(result.serverMemoryBytes)}`);
    results.push(result);
  }
  return results;
}

function writeResults(results: object): string {
  const dir = join(REPO_ROOT, '.bench');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/:/g, '-').replace(/\..+$/, '');
  const file = join(dir, `results-${stamp}.json`);
  const environment = { node: process.version, platform: process.platform, arch: process.arch, date: new Date().toISOString() };
  writeFileSync(file, `${JSON.stringify({ environment, ...results }, null, 2)}\n`);
  return file;
}

try {
  await main();
} catch (error) {
  // A benchmark reports; it never fails the build.
  log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}
