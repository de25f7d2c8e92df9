/**
 * `cphub digest preview [--member <id>]` prints the digest the next
 * `send` would deliver (to one member, in their language, zone and filters;
 * or, without --member, an unfiltered one in English or --lang);
 * `cphub digest send [--dry-run]` delivers the period due now to every
 * subscription on the platforms configured here, exactly once (the delivery
 * ledger; see db/sqlite-digest-ledger.ts), or with --dry-run composes them
 * all and counts, sending and recording nothing.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig, parseAccount, type Config } from '../config.ts';
import { HUB_TIME_ZONE, memberTimeZone } from '../core/content/time-zones.ts';
import { composeDigest } from '../core/digest/compose-digest.ts';
import { isRelevant, latestPeriod, nextPeriod, type WeeklySchedule } from '../core/digest/digest-period.ts';
import { recipientKeyOfMember } from '../core/digest/digest-ports.ts';
import { loadDigestWeek } from '../core/digest/digest-week.ts';
import { MEMBER_LANGUAGES } from '../core/library/language.ts';
import { blocksToPlain } from '../core/model/reply-builders.ts';
import { MAX_ATTEMPTS } from '../db/sqlite-digest-ledger.ts';
import { createDigestJob } from '../jobs/digest/create-digest-job.ts';
import { createApp, createPlatformAdapters, platformCommandPrefixes, type App } from '../main.ts';

/** The schedule periods are counted by, even when the automatic job is off. */
export function digestScheduleOf(config: Readonly<Config>): WeeklySchedule {
  return config.digest ?? { weekday: 1, hour: 9, minute: 0, timeZone: config.hubTimeZone ?? HUB_TIME_ZONE };
}

/**
 * `--lang`: one of the hub's languages, the digest's own (a code any case:
 * `sh-cyrl` is `sh-Cyrl`). Checked before anything is opened, so a wrong
 * code changes nothing; commander prints the message and exits with 1.
 */
export function parseDigestLanguage(value: string): string {
  const language = MEMBER_LANGUAGES.find((code) => code.toLowerCase() === value.trim().toLowerCase());
  if (!language) throw new InvalidArgumentError(`not a language of the hub; use one of ${MEMBER_LANGUAGES.join(', ')}`);
  return language;
}

export function registerDigestCommand(program: Command): void {
  const digest = program.command('digest').description('the weekly digest');
  digest
    .command('preview')
    .description('print the digest the next send delivers')
    .option('--member <id>', 'a member id, or platform:user-id (telegram:123456789)')
    .option('--lang <code>', `the language without --member (${MEMBER_LANGUAGES.join(', ')})`, parseDigestLanguage, 'en')
    .action(async (options: { member?: string; lang: string }) => {
      process.exitCode = await withApp((app) => preview(app, options));
    });
  digest
    .command('send')
    .description('deliver the digest due now to every subscription, once')
    .option('--dry-run', 'compose every digest and count them; send and record nothing')
    .action(async (options: { dryRun?: boolean }) => {
      process.exitCode = await withApp((app) => send(app, options.dryRun === true));
    });
}

async function withApp(run: (app: App) => Promise<number>): Promise<number> {
  const app = createApp(loadConfig(), { defaultLogLevel: 'warn' });
  try {
    return await run(app);
  } finally {
    app.close();
  }
}

async function preview(app: App, options: { member?: string; lang: string }): Promise<number> {
  const now = new Date();
  const schedule = digestScheduleOf(app.config);
  const latest = latestPeriod(schedule, now);
  // What `send` would deliver now; once that is stale, the next one as it stands.
  const [from, to, id] = isRelevant(latest, now) ? [latest.from, latest.due, latest.id] : [latest.due, now, nextPeriod(schedule, now).id];
  const reader = { language: options.lang, timeZone: app.config.hubTimeZone, filter: { topics: [] as string[], countries: [] as string[] }, command: (name: string, args?: string) => (args ? `/${name} ${args}` : `/${name}`) };
  if (options.member) {
    const found = await findMember(app, options.member);
    if (!found) {
      process.stderr.write(`cphub: no member ${options.member}\n`);
      return 1;
    }
    const subscription = await app.services.subscriptions.find(recipientKeyOfMember(found.id));
    reader.language = found.language ?? 'en';
    reader.timeZone = memberTimeZone(await app.services.preferences.timeZone(found.id), found.profile.country, app.config.hubTimeZone);
    if (subscription) reader.filter = subscription.filter;
  }
  const digest = composeDigest(await loadDigestWeek(app.services.digestSources, from, to), reader, app.translator);
  process.stdout.write(`Digest ${id}${options.member ? ` for ${options.member}` : ''}:\n\n${digest ? blocksToPlain(digest.blocks) : '(nothing to send: no item matches)'}\n`);
  return 0;
}

async function findMember(app: App, text: string) {
  if (/^(console|telegram|discord|slack):/.test(text)) {
    const account = parseAccount(text);
    return app.services.members.findByAccount(account.platform, account.userId);
  }
  const accounts = await app.services.members.accountsOf(text);
  const first = accounts[0];
  return first ? app.services.members.findByAccount(first.platform, first.userId) : undefined;
}

async function send(app: App, dryRun: boolean): Promise<number> {
  const messengers = createPlatformAdapters(app).map((adapter) => adapter.messenger);
  const schedule = digestScheduleOf(app.config);
  const job = createDigestJob({
    services: app.services, translator: app.translator, logger: app.logger, schedule, hubTimeZone: app.config.hubTimeZone,
    messengers, commandPrefixes: platformCommandPrefixes,
  });
  const result = await job.run(new Date(), { dryRun });
  if (result.skipped === 'not-due') {
    const next = nextPeriod(schedule, new Date());
    process.stdout.write(`Nothing to send: the digest of ${result.period} is past its time; the next, ${next.id}, is due ${next.due.toISOString()}.\n`);
    return 0;
  }
  const verb = dryRun ? 'would send' : 'sent';
  const counts = [`${result.sent} ${verb}`, `${result.empty} with nothing to send`, `${result.done} sent before`, `${result.unreachable} unreachable`, `${result.failed} failed (tried again next run)`, `${result.givenUp} given up after ${MAX_ATTEMPTS} attempts`, `${result.busy} being sent by another process`, `${result.noPlatform} on platforms not configured here`];
  process.stdout.write(`Digest ${result.period}${dryRun ? ' (dry run)' : ''}: ${result.recipients} recipients — ${counts.join(', ')}.\n`);
  return result.failed > 0 || result.givenUp > 0 ? 1 : 0;
}
