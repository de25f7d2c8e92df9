/**
 * `cphub digest preview [--member <id>]` prints the digest the next
 * `send` would deliver (to one member: composed by the job's own code for
 * the account it goes to — that account's language, the member's zone and
 * filters, the platform's command prefix; see jobs/digest/preview-digest.ts;
 * or, without --member, an unfiltered one in English or --lang);
 * `cphub digest send [--dry-run]` delivers the period due now to every
 * subscription on the platforms configured here, exactly once (the delivery
 * ledger; see db/sqlite-digest-ledger.ts), or with --dry-run reads the
 * ledger and composes what is left, counting, sending and recording nothing.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig, type Config } from '../config.ts';
import { HUB_TIME_ZONE } from '../core/content/time-zones.ts';
import { nextPeriod, type WeeklySchedule } from '../core/digest/digest-period.ts';
import { recipientKeyOfMember } from '../core/digest/digest-ports.ts';
import { MEMBER_LANGUAGES } from '../core/library/language.ts';
import { findMemberByReference } from '../core/members/member-reference.ts';
import { UserError } from '../core/router/user-error.ts';
import { blocksToPlain } from '../core/model/reply-builders.ts';
import type { Reply } from '../core/model/reply.ts';
import { MAX_ATTEMPTS } from '../db/sqlite-digest-ledger.ts';
import { createDigestJob, digestJobDeps, type DigestJobOptions } from '../jobs/digest/create-digest-job.ts';
import { previewReader, previewRecipient, type DigestPreview } from '../jobs/digest/preview-digest.ts';
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
    .option('--member <id>', 'a member id (the short one /profile shows will do), or platform:user-id (telegram:123456789)')
    .option('--lang <code>', `the language without --member (${MEMBER_LANGUAGES.join(', ')})`, parseDigestLanguage, 'en')
    .action(async (options: { member?: string; lang: string }) => {
      process.exitCode = await withApp((app) => preview(app, options));
    });
  digest
    .command('send')
    .description('deliver the digest due now to every subscription, once')
    .option('--dry-run', 'count what a send would do now (the ledger read, not written); send and record nothing')
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
  const deps = digestJobDeps(jobOptions(app, []));
  if (!options.member) {
    const reader = { platform: 'console' as const, language: options.lang, timeZone: app.config.hubTimeZone, filter: { topics: [], countries: [] } };
    const shown = await previewReader(deps, reader, now);
    process.stdout.write(`Digest ${shown.period.id}:\n\n${plainDigest(shown.reply)}\n`);
    return 0;
  }
  let found;
  try {
    found = await findMemberByReference(app.services.members, options.member);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    process.stderr.write(`cphub: ${app.translator.t('en', error.key, error.params)}\n`);
    return 1;
  }
  const key = recipientKeyOfMember(found.id);
  const shown = await previewRecipient(deps, key, now);
  if (!shown.recipient) {
    const why = (await app.services.subscriptions.find(key)) ? 'subscribed, but not an active member with an account' : 'not subscribed';
    process.stdout.write(`Digest ${shown.period.id} for ${options.member}: none, ${why}.\n`);
    return 0;
  }
  process.stdout.write(`${previewHeading(shown, options.member)}:\n\n${plainDigest(shown.reply)}\n`);
  return 0;
}

/** Which period, where it goes and in what language, and what the ledger says of it. */
function previewHeading(shown: DigestPreview, member: string): string {
  const { period, recipient } = shown;
  const when = shown.soFar ? ` so far (due ${period.due.toISOString()})` : '';
  const state = shown.claim === 'busy' ? ' — being sent now by another process' : shown.claim === 'resume' ? ' — left half-sent by a stopped sender, to be finished' : '';
  return `Digest ${period.id}${when} for ${member}, to ${recipient!.platform} ${recipient!.target.conversationId} in ${recipient!.language} (${recipient!.timeZone})${state}`;
}

function plainDigest(reply: Reply | undefined): string {
  return reply ? blocksToPlain(reply.blocks) : '(nothing to send: no item matches)';
}

function jobOptions(app: App, messengers: DigestJobOptions['messengers']): DigestJobOptions {
  return {
    services: app.services, translator: app.translator, logger: app.logger, schedule: digestScheduleOf(app.config), hubTimeZone: app.config.hubTimeZone,
    messengers, commandPrefixes: platformCommandPrefixes,
  };
}

async function send(app: App, dryRun: boolean): Promise<number> {
  const messengers = (await createPlatformAdapters(app)).map((adapter) => adapter.messenger);
  const schedule = digestScheduleOf(app.config);
  const job = createDigestJob(jobOptions(app, messengers));
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
