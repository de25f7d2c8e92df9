/**
 * The only reader of process.env. Validates everything at once, names each
 * bad variable, and returns a frozen, typed object. Tokens are never logged:
 * `describeConfig` is what logs may show.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const REPO_ROOT = fileURLToPath(new URL('.', import.meta.url));

const schema = z.object({
  CPHUB_DB: z.string().min(1).default(`${REPO_ROOT}data/cphub.db`),
  /** Imported into an empty database on first start; `off` to start empty. */
  CPHUB_SAMPLE_LIBRARY: z.string().min(1).default(`${REPO_ROOT}data/library/sample-library.jsonl`),
  /** The console member's language; else taken from LANG / LC_ALL. */
  CPHUB_LANG: z.string().min(2).optional(),
  LANG: z.string().optional(),
  LC_ALL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

export interface Config {
  databasePath: string;
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
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const values = parsed.data;
  return Object.freeze({
    databasePath: values.CPHUB_DB,
    sampleLibrary: values.CPHUB_SAMPLE_LIBRARY === 'off' ? undefined : values.CPHUB_SAMPLE_LIBRARY,
    consoleLocale: values.CPHUB_LANG ?? values.LC_ALL ?? values.LANG,
    logLevel: values.LOG_LEVEL,
  });
}

/** What may be logged about the configuration (no secrets). */
export function describeConfig(config: Config): Record<string, unknown> {
  return { databasePath: config.databasePath, sampleLibrary: config.sampleLibrary ?? 'off' };
}
