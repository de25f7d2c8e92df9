/**
 * A digest Telegram refuses every time (a message it will never take) is
 * tried in each run until the ledger's limit, then given up: reported as
 * given up — a count in the result and a log line — never as sent, and not
 * requested again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS } from '../../db/sqlite-digest-ledger.ts';
import { contentItem } from '../support/content-fixtures.ts';
import { digestJobFor, ledgerRows, subscribedMember } from '../support/digest-fixtures.ts';
import { startTelegramHarness, type TelegramHarness } from '../support/telegram-harness.ts';

let harness: TelegramHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const REFUSED = '8001';
const FINE = '8002';

describe('a digest the platform keeps refusing', () => {
  it(`is tried ${MAX_ATTEMPTS} times in all, then reported as given up, not as sent`, async () => {
    harness = await startTelegramHarness({ sendsPerSecond: 1000 });
    const { core, fake } = harness;
    await subscribedMember(core, 'telegram', REFUSED);
    await subscribedMember(core, 'telegram', FINE);
    core.services.content.upsertAll([contentItem({ id: 'n-1', title: 'Weekly news' })], new Date('2026-03-20T10:00:00Z'));
    fake.script('sendMessage', (call) => String(call.params.chat_id) === REFUSED
      ? { ok: false, error_code: 400, description: 'Bad Request: message is too long' }
      : { ok: true, result: { message_id: 1, date: 0, chat: { id: Number(call.params.chat_id), type: 'private' }, text: '' } }, 100);
    const { job, logs } = digestJobFor(core, [harness.adapter.messenger]);
    const requestsTo = (chat: string) => fake.callsTo('sendMessage').filter((call) => String(call.params.chat_id) === chat).length;

    // The period (due Monday 08:00 UTC) is relevant for three and a half days: one run an hour.
    const runAt = (hour: number) => job.run(new Date(Date.UTC(2026, 2, 23, 8 + hour)));
    expect(await runAt(0)).toMatchObject({ recipients: 2, sent: 1, failed: 1, givenUp: 0 });
    for (let hour = 1; hour < MAX_ATTEMPTS; hour++) expect(await runAt(hour)).toMatchObject({ sent: 0, failed: 1, done: 1, givenUp: 0 });
    expect(requestsTo(REFUSED)).toBe(MAX_ATTEMPTS);

    const last = await runAt(MAX_ATTEMPTS);
    expect(last).toMatchObject({ recipients: 2, sent: 0, failed: 0, done: 1, givenUp: 1 });
    expect(requestsTo(REFUSED)).toBe(MAX_ATTEMPTS);
    expect(requestsTo(FINE)).toBe(1);
    const givenUp = logs.filter((line) => line.message === 'digest: given up after repeated failures, not sent this period');
    expect(givenUp).toHaveLength(1);
    expect(givenUp[0]!.details).toMatchObject({ period: '2026-W13', platform: 'telegram', attempts: MAX_ATTEMPTS, error: 'INVALID: sendMessage: Bad Request: message is too long' });
    expect(givenUp[0]!.details).toHaveProperty('recipient', expect.stringMatching(/^member:/));
    expect(logs.filter((line) => line.message === 'digest: done').at(-1)!.details).toMatchObject({ givenUp: 1, done: 1, sent: 0 });
    expect(ledgerRows(core).map((row) => row.status).sort()).toEqual(['failed', 'sent']);
  });
});
