/**
 * The only reader of process.env. Validates everything at once, names each
 * bad variable, and returns a frozen, typed object. Tokens are never logged:
 * `describeConfig` is what logs may show.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { z } from 'zod';
import { HUB_TIME_ZONE, isTimeZone } from './core/content/time-zones.ts';
import type { PlatformName } from './core/model/incoming.ts';
import { parseFeedList, type FeedSource } from './jobs/feeds/feed-list.ts';
import { repoPath } from './repo-root.ts';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

function digestSchedule(day: (typeof WEEKDAYS)[number], time: string, timeZone: string): DigestSchedule {
  const [hour = 9, minute = 0] = time.split(':').map(Number);
  return { weekday: WEEKDAYS.indexOf(day) + 1, hour, minute, timeZone };
}

/**
 * `TELEGRAM_BOT_TOKEN=` (set but empty, as env files and CI secrets leave
 * it) means unset, and stray spaces around a pasted token are not part of it.
 */
function blankIsUnset(env: NodeJS.ProcessEnv): Record<string, string> {
  const cleaned: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const trimmed = value?.trim();
    if (trimmed) cleaned[name] = trimmed;
  }
  return cleaned;
}

const schema = z.object({
  CPHUB_DB: z.string().min(1).default(repoPath('data', 'cphub.db')),
  /** Imported into an empty database on first start; `off` to start empty. */
  CPHUB_SAMPLE_LIBRARY: z
    .string()
    .min(1)
    // Checked here rather than at the first start's import: a typo is a configuration problem, said with the others.
    .refine((value) => value === 'off' || isFile(value), 'is not a file: the path of a .jsonl or .csv library, or off')
    .default(repoPath('data', 'library', 'sample-library.jsonl')),
  /** The console member's language; else taken from LANG / LC_ALL. */
  CPHUB_LANG: z.string().min(2).optional(),
  LANG: z.string().optional(),
  LC_ALL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** From @BotFather; Telegram is on when it is set. */
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]+$/, 'does not look like a token from @BotFather (123456789:AA…)')
    .optional(),
  /** A self-hosted Bot API server (https://github.com/tdlib/telegram-bot-api); the tests' fake. */
  TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
  /** Webhook mode: the public HTTPS address Telegram posts updates to. Without it, long polling. */
  TELEGRAM_WEBHOOK_URL: z.url({ protocol: /^https$/, error: 'must be an https:// address (Telegram posts only to HTTPS)' }).optional(),
  /** Telegram sends it in X-Telegram-Bot-Api-Secret-Token; derived from the bot token when unset. */
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[\w-]{1,256}$/, 'use 1-256 of A-Z, a-z, 0-9, _ and -').optional(),
  /** Where the webhook server listens (plain HTTP behind the proxy that holds the certificate). */
  TELEGRAM_WEBHOOK_PORT: z.coerce.number({ error: 'is a port number (0-65535)' }).int().min(0).max(65535).default(8080),
  TELEGRAM_WEBHOOK_HOST: z.string().min(1).default('0.0.0.0'),
  /** Unprompted messages a second over all chats: Telegram's free limit is about 30. */
  TELEGRAM_SENDS_PER_SECOND: z.coerce.number().positive().max(1000).default(30),
  /** The bot token from the Discord developer portal (Bot → Reset Token); Discord is on when it is set. */
  DISCORD_TOKEN: z.string().min(20, 'is too short for a Discord bot token').optional(),
  /** The application id (General Information → Application ID), for commands and interaction replies. */
  DISCORD_APPLICATION_ID: z.string().regex(/^\d{15,22}$/, 'is a number of 15-22 digits (a Discord snowflake)').optional(),
  /** Another REST base (a proxy; the tests' fake): discord.js also asks it for the gateway address. */
  DISCORD_API_URL: z.url().default('https://discord.com/api'),
  /** `open`: whoever agrees is a member; `approved`: a moderator approves each newcomer (/pending). */
  CPHUB_MEMBERSHIP: z.enum(['open', 'approved']).default('open'),
  /** The first administrators: `telegram:123,slack:U0123,discord:456` (they still consent like everyone). */
  CPHUB_ADMINS: z
    .string()
    .regex(/^(console|telegram|discord|slack):[^,\s]+(,\s*(console|telegram|discord|slack):[^,\s]+)*$/, 'is a comma-separated list of platform:user-id, e.g. telegram:123,slack:U0123')
    .optional(),
  /** Where every question is also posted: `telegram:-100123,slack:C0123,discord:456` (group, channel ids). */
  CPHUB_QA_CHANNELS: z
    .string()
    .regex(/^(telegram|discord|slack):[^,\s]+(,\s*(telegram|discord|slack):[^,\s]+)*$/, 'is a comma-separated list of platform:channel-id, e.g. telegram:-100123,slack:C0123')
    .optional(),
  /** Bot User OAuth Token (xoxb-…); Slack is on when it is set. */
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-[\w-]+$/, 'is the Bot User OAuth Token, starting with xoxb-').optional(),
  /** App-level token with connections:write (xapp-…): Socket Mode, no public URL needed. */
  SLACK_APP_TOKEN: z.string().regex(/^xapp-[\w-]+$/, 'is an app-level token, starting with xapp-').optional(),
  /** HTTP mode instead: Slack signs every request with it (Basic Information → Signing Secret). */
  SLACK_SIGNING_SECRET: z.string().min(8).optional(),
  SLACK_PORT: z.coerce.number({ error: 'is a port number (0-65535)' }).int().min(0).max(65535).default(3000),
  SLACK_HOST: z.string().min(1).default('0.0.0.0'),
  /** Another Web API base (GovSlack: https://slack-gov.com/api/; the tests' fake). */
  SLACK_API_URL: z.url().default('https://slack.com/api/'),
  /** The hub's time zone: of members without one of their own, and of the digest's schedule. */
  CPHUB_TIME_ZONE: z.string().refine(isTimeZone, 'is not an IANA time zone (such as Europe/Belgrade)').default(HUB_TIME_ZONE),
  /** The weekly digest's day (`off`: no digest job) and local time. */
  CPHUB_DIGEST_DAY: z.enum([...WEEKDAYS, 'off']).default('monday'),
  CPHUB_DIGEST_TIME: z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'is a time of day, HH:MM (e.g. 09:00)').default('09:00'),
  /** RSS/Atom feeds polled every hour: `[language] [COUNTRY] <url>`, separated by commas or new lines. */
  CPHUB_FEEDS: z.string().optional(),
  /** How long one feed may take before it is skipped for this round. */
  CPHUB_FEED_TIMEOUT_MS: z.coerce.number({ error: 'is a number of milliseconds' }).int().min(100).max(300_000).default(10_000),
  /** Where members' searches go: `sqlite` (FTS5, embedded) or `typesense` (TYPESENSE_NODES). */
  SEARCH_BACKEND: z.enum(['sqlite', 'typesense']).default('sqlite'),
  /** One node or a cluster's nodes: `http://localhost:8108` or `http://ts1:8108,http://ts2:8108,http://ts3:8108`. */
  TYPESENSE_NODES: z.string().refine((value) => parseNodes(value) !== undefined, {
    message: 'is a comma-separated list of node addresses such as http://localhost:8108 (http or https, a host, a port)',
  }).optional(),
  TYPESENSE_API_KEY: z.string().min(1).optional(),
  /** The alias members search; reindexing builds a new collection behind it. */
  TYPESENSE_COLLECTION: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/, 'is 1-60 of A-Z, a-z, 0-9, _ and -').default('cphub_documents'),
  /** How long a node may take to answer before the next one is tried (then SQLite answers). */
  TYPESENSE_TIMEOUT_SECONDS: z.coerce.number({ error: 'is a number of seconds' }).positive().max(60).default(2),
});

export interface TelegramConfig {
  token: string;
  apiRoot: string;
  webhook?: { url: string; secret: string; port: number; host: string };
  sendsPerSecond: number;
}

export interface DiscordConfig {
  token: string;
  applicationId: string;
  apiUrl: string;
}

export interface SlackConfig {
  botToken: string;
  /** Web API base, ending in a slash (what @slack/web-api expects). */
  apiUrl: string;
  mode: { kind: 'socket'; appToken: string } | { kind: 'http'; signingSecret: string; port: number; host: string };
}

export interface DigestSchedule {
  /** ISO weekday, Monday 1 … Sunday 7. */
  weekday: number;
  hour: number;
  minute: number;
  timeZone: string;
}

export interface TypesenseNode {
  protocol: 'http' | 'https';
  host: string;
  port: number;
  path: string;
}

export interface TypesenseConfig {
  nodes: TypesenseNode[];
  apiKey: string;
  /** The alias searched and synced. */
  collection: string;
  timeoutSeconds: number;
}

export interface SearchConfig {
  backend: 'sqlite' | 'typesense';
  /** Present when TYPESENSE_NODES is set: the sync job and `cphub search reindex` use it even while members search SQLite. */
  typesense?: TypesenseConfig;
}

export interface Config {
  databasePath: string;
  hubTimeZone: string;
  /** Absent: CPHUB_DIGEST_DAY=off. */
  digest?: DigestSchedule;
  feeds: readonly FeedSource[];
  feedTimeoutMs: number;
  /** Accounts that are administrators once they have joined. */
  admins: ReadonlyArray<{ platform: PlatformName; userId: string }>;
  membership: 'open' | 'approved';
  /** Q&A channels: every question is posted there too. */
  qaChannels: ReadonlyArray<{ platform: PlatformName; conversationId: string }>;
  telegram?: TelegramConfig;
  discord?: DiscordConfig;
  slack?: SlackConfig;
  search: SearchConfig;
  sampleLibrary: string | undefined;
  consoleLocale: string | undefined;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problems:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const cleaned = blankIsUnset(env);
  const parsed = schema.safeParse(cleaned);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)),
    ...pairProblems(cleaned),
    ...parseFeedList(cleaned['CPHUB_FEEDS'] ?? '').problems.map((problem) => `CPHUB_FEEDS: ${problem}`),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const values = parsed.data;
  return Object.freeze({
    databasePath: values.CPHUB_DB,
    sampleLibrary: values.CPHUB_SAMPLE_LIBRARY === 'off' ? undefined : values.CPHUB_SAMPLE_LIBRARY,
    consoleLocale: values.CPHUB_LANG ?? values.LC_ALL ?? values.LANG,
    logLevel: values.LOG_LEVEL,
    admins: (values.CPHUB_ADMINS ?? '').split(',').filter(Boolean).map(parseAccount),
    qaChannels: (values.CPHUB_QA_CHANNELS ?? '').split(',').filter(Boolean).map(parseAccount).map(({ platform, userId }) => ({ platform, conversationId: userId })),
    membership: values.CPHUB_MEMBERSHIP,
    hubTimeZone: values.CPHUB_TIME_ZONE,
    ...(values.CPHUB_DIGEST_DAY === 'off' ? {} : { digest: digestSchedule(values.CPHUB_DIGEST_DAY, values.CPHUB_DIGEST_TIME, values.CPHUB_TIME_ZONE) }),
    feeds: parseFeedList(values.CPHUB_FEEDS ?? '').feeds,
    feedTimeoutMs: values.CPHUB_FEED_TIMEOUT_MS,
    ...(values.TELEGRAM_BOT_TOKEN ? { telegram: telegramConfig(values, values.TELEGRAM_BOT_TOKEN) } : {}),
    ...(values.DISCORD_TOKEN && values.DISCORD_APPLICATION_ID
      ? { discord: { token: values.DISCORD_TOKEN, applicationId: values.DISCORD_APPLICATION_ID, apiUrl: values.DISCORD_API_URL.replace(/\/+$/, '') } }
      : {}),
    ...(values.SLACK_BOT_TOKEN ? { slack: slackConfig(values, values.SLACK_BOT_TOKEN) } : {}),
    search: searchConfig(values),
  });
}

/**
 * Variables that only work together: half a platform is reported, not
 * silently ignored. Checked on presence alone, so these problems are listed
 * with the others, not after they are fixed.
 */
function pairProblems(env: Record<string, string>): string[] {
  const problems: string[] = [];
  const has = (name: string): boolean => name in env;
  if (has('DISCORD_TOKEN') && !has('DISCORD_APPLICATION_ID')) problems.push('DISCORD_APPLICATION_ID: is needed with DISCORD_TOKEN');
  if (has('DISCORD_APPLICATION_ID') && !has('DISCORD_TOKEN')) problems.push('DISCORD_TOKEN: is needed with DISCORD_APPLICATION_ID');
  if (has('SLACK_BOT_TOKEN') && !has('SLACK_APP_TOKEN') && !has('SLACK_SIGNING_SECRET')) {
    problems.push('SLACK_APP_TOKEN: is needed with SLACK_BOT_TOKEN for Socket Mode (or SLACK_SIGNING_SECRET for HTTP mode)');
  }
  for (const name of ['SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET']) {
    if (has(name) && !has('SLACK_BOT_TOKEN')) problems.push(`SLACK_BOT_TOKEN: is needed with ${name}`);
  }
  if (env.SEARCH_BACKEND === 'typesense' && !has('TYPESENSE_NODES')) {
    problems.push('TYPESENSE_NODES: is needed with SEARCH_BACKEND=typesense, e.g. http://localhost:8108');
  }
  if ((has('TYPESENSE_NODES') || env.SEARCH_BACKEND === 'typesense') && !has('TYPESENSE_API_KEY')) {
    problems.push('TYPESENSE_API_KEY: is needed with TYPESENSE_NODES (the key the Typesense server was started with)');
  }
  return problems;
}

/** `http://ts1:8108,https://ts2` → nodes (a missing port is the protocol's: 80, 443); undefined when one is not an address. */
export function parseNodes(value: string): TypesenseNode[] | undefined {
  const nodes: TypesenseNode[] = [];
  for (const part of value.split(',').map((item) => item.trim())) {
    let url: URL;
    try {
      url = new URL(part);
    } catch {
      return undefined;
    }
    const protocol = url.protocol.replace(':', '');
    if ((protocol !== 'http' && protocol !== 'https') || !url.hostname || url.search || url.hash) return undefined;
    const port = url.port ? Number(url.port) : protocol === 'https' ? 443 : 80;
    nodes.push({ protocol, host: url.hostname.replace(/^\[|\]$/g, ''), port, path: url.pathname.replace(/\/+$/, '') });
  }
  return nodes;
}

function searchConfig(values: z.infer<typeof schema>): SearchConfig {
  const nodes = values.TYPESENSE_NODES ? parseNodes(values.TYPESENSE_NODES) : undefined;
  const typesense = nodes && values.TYPESENSE_API_KEY
    ? { nodes, apiKey: values.TYPESENSE_API_KEY, collection: values.TYPESENSE_COLLECTION, timeoutSeconds: values.TYPESENSE_TIMEOUT_SECONDS }
    : undefined;
  return { backend: values.SEARCH_BACKEND, ...(typesense ? { typesense } : {}) };
}

/** `telegram:123` → the platform and the user id (ids may contain colons: split at the first). */
export function parseAccount(text: string): { platform: PlatformName; userId: string } {
  const trimmed = text.trim();
  const at = trimmed.indexOf(':');
  return { platform: trimmed.slice(0, at) as PlatformName, userId: trimmed.slice(at + 1) };
}

/** Socket Mode when an app token is there (no public URL needed), else HTTP mode. */
function slackConfig(values: z.infer<typeof schema>, botToken: string): SlackConfig {
  const apiUrl = values.SLACK_API_URL.endsWith('/') ? values.SLACK_API_URL : `${values.SLACK_API_URL}/`;
  const mode: SlackConfig['mode'] = values.SLACK_APP_TOKEN
    ? { kind: 'socket', appToken: values.SLACK_APP_TOKEN }
    : { kind: 'http', signingSecret: values.SLACK_SIGNING_SECRET!, port: values.SLACK_PORT, host: values.SLACK_HOST };
  return { botToken, apiUrl, mode };
}

function telegramConfig(values: z.infer<typeof schema>, token: string): TelegramConfig {
  const webhookUrl = values.TELEGRAM_WEBHOOK_URL;
  return {
    token,
    // grammY refuses an apiRoot that ends in a slash.
    apiRoot: values.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
    sendsPerSecond: values.TELEGRAM_SENDS_PER_SECOND,
    ...(webhookUrl
      ? {
          webhook: {
            url: webhookUrl,
            // Stable across restarts, unguessable without the token, never the token itself.
            secret: values.TELEGRAM_WEBHOOK_SECRET ?? createHash('sha256').update(`cphub-webhook:${token}`).digest('base64url'),
            port: values.TELEGRAM_WEBHOOK_PORT,
            host: values.TELEGRAM_WEBHOOK_HOST,
          },
        }
      : {}),
  };
}

/** What may be logged about the configuration (no secrets). */
export function describeConfig(config: Config): Record<string, unknown> {
  const telegram = config.telegram && {
    apiRoot: config.telegram.apiRoot,
    mode: config.telegram.webhook ? 'webhook' : 'polling',
    ...(config.telegram.webhook ? { webhookUrl: config.telegram.webhook.url, port: config.telegram.webhook.port } : {}),
  };
  const discord = config.discord && { apiUrl: config.discord.apiUrl, applicationId: config.discord.applicationId };
  const slack = config.slack && { apiUrl: config.slack.apiUrl, mode: config.slack.mode.kind };
  const typesense = config.search.typesense;
  const search = {
    backend: config.search.backend,
    ...(typesense ? { typesense: { nodes: typesense.nodes.map((node) => `${node.protocol}://${node.host}:${node.port}${node.path}`), collection: typesense.collection } } : {}),
  };
  return {
    databasePath: config.databasePath,
    hubTimeZone: config.hubTimeZone,
    digest: config.digest ?? 'off',
    // Feed addresses may carry a key in their query: only the hosts are logged.
    feeds: config.feeds.map((feed) => new URL(feed.url).host),
    sampleLibrary: config.sampleLibrary ?? 'off',
    search,
    ...(telegram ? { telegram } : {}),
    ...(discord ? { discord } : {}),
    ...(slack ? { slack } : {}),
  };
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}
