/** `cphub feeds poll`: reads every feed in CPHUB_FEEDS once now (what the hourly job does), and says what each brought. */
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { pollFeeds } from '../jobs/feeds/poll-feeds.ts';
import { createApp, feedDeps } from '../main.ts';

export function registerFeedsCommand(program: Command): void {
  program
    .command('feeds')
    .description('RSS/Atom feeds (CPHUB_FEEDS)')
    .command('poll')
    .description('read every feed once now')
    .action(async () => {
      const app = createApp(loadConfig(), { defaultLogLevel: 'warn' });
      try {
        if (app.config.feeds.length === 0) process.stdout.write('No feeds: set CPHUB_FEEDS (see the README).\n');
        for (const outcome of await pollFeeds(feedDeps(app), new Date())) {
          process.stdout.write(`${outcome.url}: ${outcome.error ? `skipped (${outcome.error})` : `${outcome.added} new`}\n`);
        }
      } finally {
        app.close();
      }
    });
}
