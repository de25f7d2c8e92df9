/**
 * The composition root: the one place that knows every implementation of
 * every port. The CLI, the bots and the tests build the app through here.
 */
import { ConfigError, describeConfig, type Config } from './config.ts';
import { createCoreRouter } from './core/commands/index.ts';
import { ConsoleExportFiles, consoleFilesFolder } from './bots/console/console-files.ts';
import type { PlatformName } from './core/model/incoming.ts';
import type { Clock, DocumentSearch, Messenger, Translator } from './core/ports.ts';
import type { Router } from './core/router/router.ts';
import { openDatabase, type OpenDatabase } from './db/open-database.ts';
import { SqliteSearchOutbox } from './db/search-outbox.ts';
import type { SqliteDocumentStore } from './db/sqlite-document-store.ts';
import { createSqliteServices, type SqliteServices } from './db/sqlite-services.ts';
import { cronExpression } from './core/digest/digest-period.ts';
import { createDigestJob } from './jobs/digest/create-digest-job.ts';
import { pollFeeds, type FeedDeps } from './jobs/feeds/poll-feeds.ts';
import { startScheduler, type ScheduledJob, type Scheduler } from './jobs/scheduler.ts';
import { importLibraryFile } from './library/import-library.ts';
import { COMMAND_PREFIX as SLACK_COMMAND_PREFIX } from './bots/slack/inbound.ts';
import { createTranslator } from './locales/translator.ts';
import { run as runQuestionReminders } from './jobs/question-reminders.ts';
import { run as runSearchSync } from './jobs/search-sync.ts';
import { createLogger, type ProcessLogger } from './logger.ts';
import { FallbackDocumentSearch } from './typesense/fallback-document-search.ts';
import { createTypesenseClient } from './typesense/typesense-client.ts';
import { TypesenseDocumentSearch } from './typesense/typesense-document-search.ts';
import { TypesenseIndex } from './typesense/typesense-index.ts';

export interface App {
  config: Readonly<Config>;
  db: OpenDatabase;
  store: SqliteDocumentStore;
  /** What members search: SQLite, or Typesense with SQLite behind it (SEARCH_BACKEND). */
  search: DocumentSearch;
  /** The Typesense collection kept in sync, when TYPESENSE_NODES is set. */
  searchIndex?: TypesenseIndex;
  services: SqliteServices;
  router: Router;
  translator: Translator;
  logger: ProcessLogger;
  close(): void;
}

export const systemClock: Clock = { now: () => new Date() };

export interface AppOptions {
  clock?: Clock;
  /** Default log level when LOG_LEVEL is not set (the console keeps quiet). */
  defaultLogLevel?: string;
}

export function createApp(config: Readonly<Config>, options: AppOptions = {}): App {
  const clock = options.clock ?? systemClock;
  const logger = createLogger(config.logLevel ?? options.defaultLogLevel ?? 'info');
  const db = openConfiguredDatabase(config.databasePath);
  const services = createSqliteServices(db, clock, { admins: config.admins, membership: config.membership });
  const { store } = services;
  const { search, searchIndex } = createSearch(config, db, services, logger);
  const translator = createTranslator();
  const router = createCoreRouter({
    ...services, search, documents: store, translator, clock, logger, hubTimeZone: config.hubTimeZone, qaChannels: config.qaChannels,
    // Whichever platform /forget comes from, the console's /mydata files of that member go too.
    memberFiles: new ConsoleExportFiles(consoleFilesFolder(config.databasePath)),
    ...(config.digest ? { digestSchedule: config.digest } : {}),
  });
  logger.info(describeConfig(config), 'cphub started');
  // Search still works without the native ranking, slower on a large library.
  if (db.ranking === 'bm25') logger.warn({ ranking: db.ranking }, 'search ranks with bm25(): build/cphub-rank was not built (npm run build:native needs a C compiler)');
  return { config, db, store, search, ...(searchIndex ? { searchIndex } : {}), services, router, translator, logger, close: () => db.close() };
}

/**
 * SEARCH_BACKEND=typesense: Typesense answers, SQLite when it cannot. With
 * TYPESENSE_NODES set the collection is kept in sync either way, so
 * switching the backend finds it ready.
 */
function createSearch(config: Readonly<Config>, db: OpenDatabase, services: SqliteServices, logger: ProcessLogger) {
  const typesense = config.search.typesense;
  if (!typesense) return { search: services.search as DocumentSearch };
  const client = createTypesenseClient(typesense, 'search');
  const searchIndex = new TypesenseIndex(createTypesenseClient(typesense, 'index'), new SqliteSearchOutbox(db), typesense.collection);
  if (config.search.backend !== 'typesense') return { search: services.search as DocumentSearch, searchIndex };
  const primary = new TypesenseDocumentSearch(client, { collection: typesense.collection, documents: services.store });
  return { search: new FallbackDocumentSearch(primary, services.search, logger) as DocumentSearch, searchIndex };
}

/** A database that cannot be opened is a configuration problem: name the variable. */
function openConfiguredDatabase(path: string): OpenDatabase {
  try {
    return openDatabase(path);
  } catch (error) {
    throw new ConfigError([`CPHUB_DB: cannot open the database ${path}: ${(error as Error).message}`]);
  }
}

/**
 * A newcomer's first start: an empty library gets the bundled sample, so
 * `/search` finds real documents at once. Later starts leave it alone.
 */
export async function seedSampleLibrary(app: App): Promise<void> {
  const path = app.config.sampleLibrary;
  if (!path || (await app.store.count()) > 0) return;
  let report;
  try {
    report = await importLibraryFile(path, app.store, { now: new Date() });
  } catch (error) {
    // The chat still starts, with an empty library; the log says why.
    app.logger.error({ path, err: error }, 'CPHUB_SAMPLE_LIBRARY: the sample library could not be read');
    return;
  }
  if (report.problems.length > 0) {
    app.logger.error({ path, problems: report.problems.slice(0, 5) }, 'the sample library did not import');
    return;
  }
  app.logger.info({ path, added: report.added }, 'imported the sample library');
}

/** A chat platform cphub runs on; each adapter starts, stops and sends. */
export interface PlatformAdapter {
  readonly name: PlatformName;
  readonly messenger: Messenger;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * One adapter for each platform whose token is in the config. Each
 * platform's library is loaded only when it is configured: grammY,
 * discord.js and Bolt with their dependencies were 34 MB of a console
 * session's 199 MB resident (the target is 150).
 */
export async function createPlatformAdapters(app: App): Promise<PlatformAdapter[]> {
  const adapters: PlatformAdapter[] = [];
  const { telegram } = app.config;
  if (telegram) {
    const { createTelegramAdapter } = await import('./bots/telegram/telegram-adapter.ts');
    const adapter = createTelegramAdapter({
      config: telegram,
      router: app.router,
      translator: app.translator,
      chats: app.services.chats,
      ledger: app.services.ledger,
      buttons: app.services.buttons,
      logger: app.logger,
    });
    app.services.publishers.register(adapter.publisher);
    adapters.push({ name: 'telegram', messenger: adapter.messenger, start: () => adapter.start(), stop: () => adapter.stop() });
  }
  const { discord } = app.config;
  if (discord) {
    const { createDiscordAdapter } = await import('./bots/discord/discord-adapter.ts');
    const { chats, ledger, buttons } = app.services;
    const adapter = createDiscordAdapter({ config: discord, router: app.router, chats, ledger, buttons, logger: app.logger });
    app.services.publishers.register(adapter.publisher);
    adapters.push({ name: 'discord', messenger: adapter.messenger, start: () => adapter.start(), stop: () => adapter.stop() });
  }
  const { slack } = app.config;
  if (slack) {
    const { createSlackAdapter } = await import('./bots/slack/slack-adapter.ts');
    const { chats, ledger, buttons, settings } = app.services;
    const deps = { config: slack, router: app.router, translator: app.translator, settings, chats, ledger, buttons, logger: app.logger };
    const adapter = createSlackAdapter(deps);
    app.services.publishers.register(adapter.publisher);
    adapters.push({ name: 'slack', messenger: adapter.messenger, start: () => adapter.start(), stop: () => adapter.stop() });
  }
  return adapters;
}

/** How commands are typed where it is not `/name`: Slack apps have one slash command. */
export const platformCommandPrefixes: Partial<Record<PlatformName, string>> = { slack: SLACK_COMMAND_PREFIX };

/**
 * The scheduled jobs of a running cphub (jobs/): the weekly digest through
 * the running platforms' messengers (at its local time, and an hourly
 * catch-up round), the feeds and the question reminders every hour, the search sync every minute when
 * a Typesense collection is kept. Each also runs once at `startUp()`: a
 * week missed while cphub was down goes out if still relevant.
 */
export function startJobs(app: App, adapters: ReadonlyArray<Pick<PlatformAdapter, 'name' | 'messenger'>>): Scheduler {
  const { config } = app;
  const jobs: ScheduledJob[] = [];
  if (config.digest) {
    const digest = createDigestJob({
      services: app.services, translator: app.translator, logger: app.logger, schedule: config.digest, hubTimeZone: config.hubTimeZone,
      messengers: adapters.map((adapter) => adapter.messenger), commandPrefixes: platformCommandPrefixes,
    });
    const run = (now: Date) => digest.run(now);
    jobs.push(
      { name: 'digest', schedule: cronExpression(config.digest), timeZone: config.digest.timeZone, atStartUp: true, run },
      { name: 'digest-catch-up', schedule: '5 * * * *', lock: 'digest', run },
    );
  }
  const feeds = feedDeps(app);
  if (feeds.feeds.length > 0) jobs.push({ name: 'feeds', schedule: '0 * * * *', atStartUp: true, run: (now) => pollFeeds(feeds, now) });
  const reminders = { ...app.services, translator: app.translator, logger: app.logger };
  jobs.push({ name: 'question-reminders', schedule: '15 * * * *', atStartUp: true, run: (now) => runQuestionReminders(reminders, now) });
  const index = app.searchIndex;
  if (index) {
    const buildWhenMissing = config.search.backend === 'typesense';
    jobs.push({ name: 'search-sync', schedule: '* * * * *', atStartUp: true, run: (now) => runSearchSync({ index, buildWhenMissing, logger: app.logger }, now) });
  }
  return startScheduler(jobs, app.logger);
}

export function feedDeps(app: App): FeedDeps {
  return { feeds: app.config.feeds, content: app.services.content, logger: app.logger, timeoutMs: app.config.feedTimeoutMs };
}

/** Members named in CPHUB_ADMINS who joined before the list named them become administrators. */
export async function promoteConfiguredAdmins(app: App): Promise<void> {
  for (const account of app.config.admins) {
    const member = await app.services.members.findByAccount(account.platform, account.userId);
    if (member && member.role !== 'admin') await app.services.members.setRole(member.id, 'admin', 'config');
  }
}
