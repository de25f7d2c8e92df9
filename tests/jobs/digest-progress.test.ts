/**
 * A long fan-out says how far it got: the digest job logs its progress every
 * 500 recipients (handled, sent) and a summary at the end. The messenger
 * here only records, as a platform that takes every message at once
 * (the platforms' own sending is tested through their fakes): this is the
 * job's log, not a platform's behaviour.
 */
import { describe, expect, it } from 'vitest';
import type { OutboundTarget, SendProgress } from '../../core/ports.ts';
import type { Reply } from '../../core/model/reply.ts';
import { contentItem } from '../support/content-fixtures.ts';
import { createCoreHarness } from '../support/core-harness.ts';
import { digestJobFor, subscribedMember } from '../support/digest-fixtures.ts';

describe('the digest job\'s progress in the log', () => {
  it('logs progress every 500 recipients and the totals at the end', async () => {
    const core = createCoreHarness();
    for (let index = 0; index < 1_100; index += 1) await subscribedMember(core, 'telegram', String(900_000 + index));
    core.services.content.upsertAll([contentItem({ id: 'n-1', title: 'Weekly news' })], new Date('2026-03-20T10:00:00Z'));
    const delivered: string[] = [];
    const messenger = {
      platform: 'telegram' as const,
      async send(target: OutboundTarget, _reply: Reply, progress?: SendProgress) {
        await progress?.beforePart?.(0);
        delivered.push(target.conversationId);
        await progress?.afterPart?.(0);
      },
    };
    const { job, logs } = digestJobFor(core, [messenger]);
    expect(await job.run(new Date('2026-03-23T08:00:00Z'))).toMatchObject({ recipients: 1_100, sent: 1_100 });
    expect(new Set(delivered).size).toBe(1_100);
    const progress = logs.filter((line) => line.message === 'digest: progress').map((line) => line.details);
    expect(progress).toEqual([
      expect.objectContaining({ period: '2026-W13', platform: 'telegram', handled: 500 }),
      expect.objectContaining({ period: '2026-W13', platform: 'telegram', handled: 1_000 }),
    ]);
    expect(logs.filter((line) => line.message === 'digest: done').at(-1)!.details).toMatchObject({ sent: 1_100 });
    core.db.close();
  }, 20_000);
});
