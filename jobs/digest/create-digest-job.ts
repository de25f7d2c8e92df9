/** The digest job over the SQLite services: what `cphub start`, `cphub digest` and the tests build. */
import type { WeeklySchedule } from '../../core/digest/digest-period.ts';
import type { Logger, Messenger, Translator } from '../../core/ports.ts';
import type { SqliteServices } from '../../db/sqlite-services.ts';
import { DigestJob, type DigestJobDeps } from './send-digests.ts';

export interface DigestJobOptions {
  services: SqliteServices;
  translator: Translator;
  logger: Logger;
  schedule: WeeklySchedule;
  hubTimeZone: string;
  messengers: readonly Messenger[];
  commandPrefixes?: DigestJobDeps['commandPrefixes'];
  concurrency?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** The job's dependencies, which `cphub digest preview` composes with too (preview-digest.ts). */
export function digestJobDeps(options: DigestJobOptions): DigestJobDeps {
  const { services, ...rest } = options;
  return {
    ...rest,
    subscriptions: services.subscriptions,
    sources: services.digestSources,
    ledger: services.digestLedger,
  };
}

export function createDigestJob(options: DigestJobOptions): DigestJob {
  return new DigestJob(digestJobDeps(options));
}
