/**
 * `cphub console` and `cphub start`: the local chat in the terminal.
 *
 * stdout is the chat; logs go to stderr as JSON (logger.ts) at `warn` unless
 * LOG_LEVEL says otherwise, so a piped session prints only the conversation.
 */
import type { Command } from 'commander';
import { createConsoleAdapter } from '../bots/console/console-adapter.ts';
import { loadConfig } from '../config.ts';
import { createApp, seedSampleLibrary } from '../main.ts';

export function registerConsoleCommands(program: Command): void {
  program
    .command('console')
    .description('chat with cphub in this terminal (one line, one message; type a number to press a button)')
    .action(runConsoleChat);

  program
    .command('start')
    .description('start cphub: the configured platforms, or the terminal chat when none is configured')
    // No platform adapter exists yet, so `start` is the console. When they
    // do, `start` starts every platform whose token is in the config and
    // falls back to the console only when no platform has a token: a server
    // with a token must never sit waiting on a terminal nobody reads.
    .action(runConsoleChat);
}

async function runConsoleChat(): Promise<void> {
  const config = loadConfig();
  const app = createApp(config, { defaultLogLevel: 'warn' });
  const stopSignals = ['SIGINT', 'SIGTERM'] as const;
  try {
    await seedSampleLibrary(app);
    const adapter = createConsoleAdapter({
      router: app.router,
      input: process.stdin,
      output: process.stdout,
      interactive: process.stdin.isTTY === true,
      color: wantsColor(),
      locale: config.consoleLocale,
      translator: app.translator,
      logger: app.logger,
    });
    // A signal ends the chat after the current answer; the app closes below.
    const stop = (): void => adapter.stop();
    for (const signal of stopSignals) process.once(signal, stop);
    await adapter.run();
    for (const signal of stopSignals) process.off(signal, stop);
  } finally {
    app.close();
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
