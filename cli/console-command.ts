/**
 * `cphub console`: the local chat in the terminal (also what `cphub start`
 * opens when no platform is configured, or beside them with `--console`).
 *
 * stdout is the chat; logs go to stderr as JSON (logger.ts) at `warn` unless
 * LOG_LEVEL says otherwise, so a piped session prints only the conversation.
 */
import type { Command } from 'commander';
import { createConsoleAdapter } from '../bots/console/console-adapter.ts';
import { consoleFilesFolder } from '../bots/console/console-files.ts';
import { loadConfig, type Config } from '../config.ts';
import { createApp, promoteConfiguredAdmins, seedSampleLibrary, startJobs, type App, type PlatformAdapter } from '../main.ts';
import type { Scheduler } from '../jobs/scheduler.ts';

export function registerConsoleCommand(program: Command): void {
  program
    .command('console')
    .description('chat with cphub in this terminal (one line, one message; type a number to press a button)')
    .action(async () => {
      process.exitCode = await runConsoleChat(loadConfig());
    });
}

/**
 * Runs the chat until the input ends or a signal comes; `app` is the
 * caller's to close when given. The scheduled jobs run as long as the chat
 * does, the digest through the console and the `platforms` running beside it.
 */
export async function runConsoleChat(config: Readonly<Config>, shared?: App, platforms: ReadonlyArray<Pick<PlatformAdapter, 'name' | 'messenger'>> = []): Promise<number> {
  const app = shared ?? createApp(config, { defaultLogLevel: 'warn' });
  const stopSignals = ['SIGINT', 'SIGTERM'] as const;
  let jobs: Scheduler | undefined;
  try {
    if (!shared) {
      await seedSampleLibrary(app);
      await promoteConfiguredAdmins(app);
    }
    const adapter = createConsoleAdapter({
      router: app.router,
      input: process.stdin,
      output: process.stdout,
      interactive: process.stdin.isTTY === true,
      color: wantsColor(),
      locale: config.consoleLocale,
      translator: app.translator,
      logger: app.logger,
      filesDir: consoleFilesFolder(config.databasePath),
    });
    // The console is a platform too: its member's digest, answers to their questions and questions for them as an expert are printed into the chat.
    app.services.publishers.register(adapter.publisher);
    jobs = startJobs(app, [{ name: 'console', messenger: adapter.messenger }, ...platforms]);
    const startUp = jobs.startUp();
    // A signal ends the chat after the current answer; the app closes below.
    const stop = (): void => adapter.stop();
    for (const signal of stopSignals) process.once(signal, stop);
    await adapter.run();
    for (const signal of stopSignals) process.off(signal, stop);
    // The database closes below: the start-up round finishes first.
    await startUp;
    return 0;
  } finally {
    await jobs?.stop();
    if (!shared) app.close();
  }
}

/**
 * Colour only on a terminal that has it. Node's `hasColors()` already honours
 * NO_COLOR (https://no-color.org), NODE_DISABLE_COLORS, FORCE_COLOR and
 * TERM=dumb, so no environment variable is read outside config.ts.
 */
function wantsColor(): boolean {
  return process.stdout.isTTY === true && process.stdout.hasColors();
}
