/**
 * `cphub start`: every platform whose token is configured, side by side; the
 * terminal chat when none is (a newcomer's `npm start`), or beside them with
 * `--console`. A platform that fails to start (a refused token) is reported
 * and the others run on; only when none starts does the command fail.
 * SIGINT / SIGTERM stop every platform after the updates in hand are done.
 */
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { createApp, createPlatformAdapters, promoteConfiguredAdmins, seedSampleLibrary, startJobs, type App, type PlatformAdapter } from '../main.ts';
import { runConsoleChat } from './console-command.ts';

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('start cphub on every configured platform (the terminal chat when none is configured)')
    .option('--console', 'also open the terminal chat beside the platforms')
    .action(async (options: { console?: boolean }) => {
      process.exitCode = await runStart(options.console === true);
    });
}

async function runStart(withConsole: boolean): Promise<number> {
  const config = loadConfig();
  if (!config.telegram && !config.discord && !config.slack) return runConsoleChat(config);
  const app = createApp(config);
  await seedSampleLibrary(app);
  await promoteConfiguredAdmins(app);
  const running = await startAll(app, await createPlatformAdapters(app));
  if (running.length === 0 && !withConsole) {
    app.close();
    return 1;
  }
  // The digest goes through the platforms that started (and the console beside them, which then runs the jobs);
  // a week missed while cphub was down goes out now if still relevant.
  const jobs = withConsole ? undefined : startJobs(app, running);
  void jobs?.startUp();
  const stopped = waitForStopSignal();
  if (withConsole) await Promise.race([runConsoleChat(config, app, running), stopped]);
  else await stopped;
  await jobs?.stop();
  await Promise.allSettled(running.map((adapter) => adapter.stop()));
  app.close();
  return 0;
}

async function startAll(app: App, adapters: PlatformAdapter[]): Promise<PlatformAdapter[]> {
  const results = await Promise.allSettled(adapters.map((adapter) => adapter.start()));
  const running: PlatformAdapter[] = [];
  results.forEach((result, index) => {
    const adapter = adapters[index]!;
    if (result.status === 'fulfilled') {
      running.push(adapter);
      process.stderr.write(`cphub: ${adapter.name} is running\n`);
      return;
    }
    const reason = result.reason instanceof Error ? result.reason.message : String(result.reason);
    app.logger.error({ err: result.reason, platform: adapter.name }, `${adapter.name}: could not start`);
    process.stderr.write(`cphub: ${adapter.name} could not start: ${reason}${hintFor(adapter.name, result.reason)}\n`);
  });
  return running;
}

function hintFor(platform: string, error: unknown): string {
  const code = (error as { code?: string } | undefined)?.code;
  if (/EADDRINUSE/.test(String((error as Error | undefined)?.message))) return ' (another program uses that port: choose one with SLACK_PORT or TELEGRAM_WEBHOOK_PORT)';
  if (code === 'AUTH' && platform === 'telegram') return ' (check TELEGRAM_BOT_TOKEN: @BotFather shows it with /token)';
  if (code === 'AUTH' && platform === 'discord') return ' (check DISCORD_TOKEN: the developer portal, Bot → Reset Token)';
  if (code === 'AUTH' && platform === 'slack') return ' (check SLACK_BOT_TOKEN on the app\'s OAuth & Permissions page, and in Socket Mode SLACK_APP_TOKEN under Basic Information)';
  if (code === 'NETWORK') return ' (is the platform reachable from this machine?)';
  return '';
}

function waitForStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.stderr.write(`cphub: ${signal}, finishing the messages in hand…\n`);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
