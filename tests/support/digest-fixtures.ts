/** Subscribed members on a platform and the digest job over a harness's services, for the digest tests. */
import { PRIVACY_VERSION } from '../../core/commands/privacy.ts';
import type { PlatformName } from '../../core/model/incoming.ts';
import type { Messenger } from '../../core/ports.ts';
import { createDigestJob } from '../../jobs/digest/create-digest-job.ts';
import { createTranslator } from '../../locales/translator.ts';
import { DIGEST_SCHEDULE, type CoreHarness } from './core-harness.ts';
import { recordingLogger } from './recording-logger.ts';

/** A member who joined on `platform` in `language` and subscribed from that account. */
export async function subscribedMember(core: CoreHarness, platform: PlatformName, userId: string, language = 'en', filter = { topics: [] as string[], countries: [] as string[] }): Promise<string> {
  const member = await core.services.members.join({ platform, userId, language }, PRIVACY_VERSION);
  await core.services.subscriptions.subscribeMember(member.id, { platform, userId }, filter);
  return member.id;
}

export function digestJobFor(core: CoreHarness, messengers: Messenger[], options: { sleeps?: number[]; concurrency?: number } = {}) {
  const { logger, lines } = recordingLogger();
  const job = createDigestJob({
    services: core.services,
    translator: createTranslator(),
    logger,
    schedule: DIGEST_SCHEDULE,
    hubTimeZone: 'Europe/Belgrade',
    messengers,
    commandPrefixes: { slack: '/hub ' },
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    sleep: async (ms) => {
      options.sleeps?.push(ms);
      await new Promise((resolve) => setTimeout(resolve, 5));
    },
  });
  return { job, logs: lines };
}

export function ledgerRows(core: CoreHarness) {
  return core.db.sqlite.prepare('SELECT period, recipient_key, status, parts_sent FROM digest_deliveries ORDER BY recipient_key').all() as Array<{ period: string; recipient_key: string; status: string; parts_sent: number }>;
}
