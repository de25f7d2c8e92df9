/**
 * The weekly digest through the real Telegram adapter (grammY against the
 * fake Bot API): a fixed clock across the week the clocks go forward, members
 * in several languages, a 429 storm, a member who blocked the bot, a digest
 * longer than one Telegram message.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { latestPeriod, nextPeriod } from '../../core/digest/digest-period.ts';
import { contentItem } from '../support/content-fixtures.ts';
import { createCoreHarness, DIGEST_SCHEDULE, sampleDocument } from '../support/core-harness.ts';
import { digestJobFor, ledgerRows, subscribedMember } from '../support/digest-fixtures.ts';
import { privateMessage, startTelegramHarness, type TelegramHarness } from '../support/telegram-harness.ts';
import { PRIVACY_VERSION } from '../../core/commands/privacy.ts';

let harness: TelegramHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const sentTo = (h: TelegramHarness) => h.fake.callsTo('sendMessage').map((call) => String(call.params.chat_id));
const textsTo = (h: TelegramHarness, chatId: string) => h.fake.callsTo('sendMessage').filter((call) => String(call.params.chat_id) === chatId).map((call) => String(call.params.text));

describe('the weekly digest on Telegram', () => {
  it('a member subscribes with /subscribe in a private chat and receives the week\'s digest once, in their language', async () => {
    harness = await startTelegramHarness({ sendsPerSecond: 1000 });
    const { core, fake } = harness;
    await core.services.members.join({ platform: 'telegram', userId: '6001', language: 'sq' }, PRIVACY_VERSION);
    fake.pushUpdates(privateMessage(1, '/subscribe country: AL', { id: 6001, language_code: 'sq' }));
    const answer = await fake.waitForCall('sendMessage', (call) => String(call.params.chat_id) === '6001');
    expect(answer.params.text).toContain('U krye: do ta merrni përmbledhjen javore këtu');
    core.services.content.upsertAll([
      contentItem({ id: 'n-al', title: 'Linjë e re për fëmijët', language: 'sq', languageGroup: 'sq', country: 'AL' }),
      contentItem({ id: 'n-rs', title: 'Serbian news', country: 'RS' }),
    ], new Date('2026-03-20T10:00:00Z'));
    const { job } = digestJobFor(core, [harness.adapter.messenger]);
    expect(await job.run(new Date('2026-03-23T08:00:00Z'))).toMatchObject({ sent: 1 });
    expect(await job.run(new Date('2026-03-23T08:30:00Z'))).toMatchObject({ sent: 0, done: 1 });
    const digests = textsTo(harness, '6001').slice(1);
    expect(digests).toHaveLength(1);
    expect(digests[0]).toContain('Përmbledhja juaj javore');
    expect(digests[0]).toContain('Linjë e re për fëmijët');
    expect(digests[0]).not.toContain('Serbian news');
  });

  it('a group\'s digest follows the group when it becomes a supergroup', async () => {
    harness = await startTelegramHarness({ sendsPerSecond: 1000 });
    const { core } = harness;
    await core.services.subscriptions.subscribeChat({ platform: 'telegram', conversationId: '-1001' }, 'en', { topics: [], countries: [] }, 'admin');
    await core.services.chats.remember({ platform: 'telegram', id: '-1001', kind: 'group' });
    await core.services.chats.move('telegram', '-1001', '-1009001');
    core.services.content.upsertAll([contentItem({ id: 'n-1', title: 'News for the group' })], new Date('2026-03-20T10:00:00Z'));
    const { job } = digestJobFor(core, [harness.adapter.messenger]);
    expect(await job.run(new Date('2026-03-23T08:00:00Z'))).toMatchObject({ sent: 1 });
    expect(sentTo(harness)).toEqual(['-1009001']);
  });

  it('goes out at 09:00 Belgrade time before and after the clocks change, once per week', async () => {
    harness = await startTelegramHarness({ sendsPerSecond: 1000 });
    const { core } = harness;
    await subscribedMember(core, 'telegram', '1001');
    // Imported early on Monday 30 March (UTC), before that day's 09:00 CEST digest, and after it.
    core.store.upsertAll([sampleDocument({ id: 'd-w14', title: 'Guidelines on child interviews' })], new Date('2026-03-30T06:30:00Z'));
    core.store.upsertAll([sampleDocument({ id: 'd-w15', title: 'Report after the digest' })], new Date('2026-03-30T07:30:00Z'));
    core.services.content.upsertAll([contentItem({ id: 'n-w13', title: 'News of week 13' })], new Date('2026-03-20T10:00:00Z'));
    const { job } = digestJobFor(core, [harness.adapter.messenger]);

    // Monday 23 March, winter time: 09:00 in Belgrade is 08:00 UTC.
    expect(await job.run(new Date('2026-03-23T07:59:00Z'))).toMatchObject({ skipped: 'not-due' });
    expect(sentTo(harness)).toEqual([]);
    expect(await job.run(new Date('2026-03-23T08:00:00Z'))).toMatchObject({ period: '2026-W13', sent: 1 });
    expect(await job.run(new Date('2026-03-23T09:00:00Z'))).toMatchObject({ period: '2026-W13', sent: 0, done: 1 });
    expect(sentTo(harness)).toEqual(['1001']);
    // The clocks go forward on Sunday 29 March: Monday 30 March 09:00 is 07:00 UTC.
    expect(nextPeriod(DIGEST_SCHEDULE, new Date('2026-03-28T12:00:00Z')).due.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(await job.run(new Date('2026-03-30T06:59:00Z'))).toMatchObject({ skipped: 'not-due' });
    expect(await job.run(new Date('2026-03-30T07:00:00Z'))).toMatchObject({ period: '2026-W14', sent: 1 });
    expect(await job.run(new Date('2026-03-30T07:05:00Z'))).toMatchObject({ sent: 0, done: 1 });
    expect(sentTo(harness)).toEqual(['1001', '1001']);
    const [week13, week14] = textsTo(harness, '1001');
    expect(week13).toContain('News of week 13');
    expect(week14).toContain('Guidelines on child interviews');
    expect(week14).not.toContain('Report after the digest');
    expect(week14).not.toContain('News of week 13');
    // And back in October: Monday 26 October is winter time again.
    expect(latestPeriod(DIGEST_SCHEDULE, new Date('2026-10-26T08:00:00Z'))).toMatchObject({ id: '2026-W44', due: new Date('2026-10-26T08:00:00Z') });
    expect(latestPeriod(DIGEST_SCHEDULE, new Date('2026-10-26T07:59:00Z')).id).toBe('2026-W43');
  });

  it('sends a week missed while the service was down once at start-up while it is still relevant, and never a stale one', async () => {
    harness = await startTelegramHarness({ sendsPerSecond: 1000 });
    await subscribedMember(harness.core, 'telegram', '1001');
    harness.core.services.content.upsertAll([contentItem({ id: 'n-1', title: 'Something new' })], new Date('2026-03-20T10:00:00Z'));
    const { job } = digestJobFor(harness.core, [harness.adapter.messenger]);
    // Down from Sunday to Wednesday noon: Monday's digest goes out at the Wednesday start.
    expect(await job.run(new Date('2026-03-25T12:00:00Z'))).toMatchObject({ period: '2026-W13', sent: 1 });
    expect(await job.run(new Date('2026-03-25T12:01:00Z'))).toMatchObject({ sent: 0, done: 1 });
    // Down for the whole of the next week: Saturday's start sends nothing (W14's digest is stale by then).
    expect(await job.run(new Date('2026-04-04T12:00:00Z'))).toMatchObject({ period: '2026-W14', skipped: 'not-due' });
    expect(sentTo(harness)).toEqual(['1001']);
  });

  it('writes each member\'s digest in their language, within their filters', async () => {
    harness = await startTelegramHarness({ sendsPerSecond: 1000 });
    const { core } = harness;
    const readers = { '2001': 'en', '2002': 'sq', '2003': 'sh-Cyrl', '2004': 'hu', '2005': 'ro', '2006': 'bg' } as const;
    for (const [userId, language] of Object.entries(readers)) await subscribedMember(core, 'telegram', userId, language);
    await subscribedMember(core, 'telegram', '2007', 'en', { topics: ['health'], countries: [] });
    core.services.content.upsertAll([
      contentItem({ id: 'n-en', title: 'Regional report published', topics: ['online safety'] }),
      contentItem({ id: 'n-sq', title: 'Lajm për mbrojtjen e fëmijëve', language: 'sq', languageGroup: 'sq' }),
    ], new Date('2026-03-20T10:00:00Z'));
    const { job } = digestJobFor(core, [harness.adapter.messenger]);
    const result = await job.run(new Date('2026-03-23T08:00:00Z'));
    expect(result).toMatchObject({ recipients: 7, sent: 6, empty: 1 });
    const first = (chat: string) => textsTo(harness!, chat)[0] ?? '';
    expect(first('2001')).toContain('Your weekly digest');
    expect(first('2002')).toContain('Përmbledhja juaj javore');
    expect(first('2002')).toContain('Lajm për mbrojtjen e fëmijëve');
    expect(first('2001')).not.toContain('Lajm për mbrojtjen');
    expect(first('2003')).toContain('Ваш седмични преглед');
    expect(first('2004')).toContain('Heti összefoglaló');
    expect(first('2005')).toContain('Rezumatul dumneavoastră săptămânal');
    expect(first('2006')).toContain('Вашият седмичен бюлетин');
    // Health only: nothing this week, so nothing is sent.
    expect(textsTo(harness, '2007')).toEqual([]);
    expect(ledgerRows(core).map((row) => row.status).sort()).toEqual(['empty', 'sent', 'sent', 'sent', 'sent', 'sent', 'sent']);
  });

  it('rides out a 429 storm: every recipient gets exactly one digest after the waits Telegram asks for', async () => {
    harness = await startTelegramHarness({ sendsPerSecond: 1000 });
    const { core, fake } = harness;
    const users = Array.from({ length: 12 }, (_, i) => String(3001 + i));
    for (const userId of users) await subscribedMember(core, 'telegram', userId);
    core.services.content.upsertAll([contentItem({ id: 'n-1', title: 'Storm news' })], new Date('2026-03-20T10:00:00Z'));
    // 40 refusals in a row: more than one message's retries, so some digests go back to the job's queue.
    fake.script('sendMessage', { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } }, 40);
    const sleeps: number[] = [];
    const { job, logs } = digestJobFor(core, [harness.adapter.messenger], { sleeps });
    const result = await job.run(new Date('2026-03-23T08:00:00Z'));
    expect(result).toMatchObject({ recipients: 12, sent: 12, failed: 0 });
    const delivered = fake.callsTo('sendMessage').slice(40).map((call) => String(call.params.chat_id));
    expect(delivered.sort()).toEqual(users);
    expect(harness.sleeps.filter((ms) => ms === 1000).length).toBeGreaterThan(0);
    expect(sleeps.every((ms) => ms === 1000)).toBe(true);
    expect(logs.some((line) => line.message === 'digest: not delivered, trying again later')).toBe(true);
    expect(ledgerRows(core).every((row) => row.status === 'sent')).toBe(true);
  });

  it('marks a member who blocked the bot unreachable and goes on with the others', async () => {
    harness = await startTelegramHarness({ sendsPerSecond: 1000 });
    const { core, fake } = harness;
    await subscribedMember(core, 'telegram', '4001');
    await subscribedMember(core, 'telegram', '4002');
    core.services.content.upsertAll([contentItem({ id: 'n-1', title: 'News' })], new Date('2026-03-20T10:00:00Z'));
    fake.script('sendMessage', (call) => String(call.params.chat_id) === '4001'
      ? { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' }
      : { ok: true, result: { message_id: 1, date: 0, chat: { id: Number(call.params.chat_id), type: 'private' }, text: '' } }, 2);
    const { job } = digestJobFor(core, [harness.adapter.messenger], { concurrency: 1 });
    expect(await job.run(new Date('2026-03-23T08:00:00Z'))).toMatchObject({ sent: 1, unreachable: 1 });
    expect(await core.services.chats.find('telegram', '4001')).toMatchObject({ status: 'unreachable' });
    // Next run: nothing more for either.
    expect(await job.run(new Date('2026-03-23T09:00:00Z'))).toMatchObject({ sent: 0, done: 2 });
    expect(fake.callsTo('sendMessage')).toHaveLength(2);
  });

  it('starts the digests of several messages first, so no chat\'s second message is left for the end', async () => {
    // Subscriptions are fanned out oldest first: this clock orders them.
    let now = new Date('2026-03-01T10:00:00Z');
    const core = createCoreHarness([], {}, { clock: { now: () => now } });
    harness = await startTelegramHarness({ sendsPerSecond: 1000, core });
    const { fake } = harness;
    // Subscribed first, with a filter that leaves one short item; then two members who read everything, a long week.
    for (const [userId, filter] of [['5101', { topics: ['health'], countries: [] }], ['5102', undefined], ['5103', undefined]] as const) {
      await subscribedMember(core, 'telegram', userId, 'en', filter ? { topics: [...filter.topics], countries: [] } : undefined);
      now = new Date(now.getTime() + 60_000);
    }
    const long = 'A summary that goes on about child protection practice in the region. '.repeat(3);
    core.services.content.upsertAll([
      contentItem({ id: 'n-health', title: 'Health news', topics: ['health'] }),
      ...Array.from({ length: 5 }, (_, i) => contentItem({ id: `n-${i}`, title: `News ${i} ${'with a long headline '.repeat(12)}`, summary: long, topics: ['online safety'] })),
      ...Array.from({ length: 8 }, (_, i) => contentItem({ id: `e-${i}`, kind: 'event', title: `Event ${i} ${'with a long name '.repeat(12)}`, summary: long, topics: ['online safety'], startsAt: new Date(`2026-03-2${4 + (i % 5)}T09:00:00Z`) })),
    ], new Date('2026-03-20T10:00:00Z'));
    const { job } = digestJobFor(core, [harness.adapter.messenger], { concurrency: 1 });
    expect(await job.run(new Date('2026-03-23T08:00:00Z'))).toMatchObject({ sent: 3 });
    const order = fake.callsTo('sendMessage').map((call) => String(call.params.chat_id));
    expect(order.filter((chat) => chat === '5102').length).toBeGreaterThan(1);
    // One worker: the long digests go out whole, then the one-message digest.
    expect(order.at(-1)).toBe('5101');
    expect(order.filter((chat) => chat === '5101')).toHaveLength(1);
  });

  it('splits a long digest into messages within 4,096 characters, never cutting an item', async () => {
    harness = await startTelegramHarness({ sendsPerSecond: 1000 });
    const { core, fake } = harness;
    await subscribedMember(core, 'telegram', '5001');
    const long = 'A summary that goes on about child protection practice in the region. '.repeat(3);
    core.store.upsertAll(Array.from({ length: 5 }, (_, i) => sampleDocument({ id: `d-${i}`, title: `Document ${i} ${'with a long title '.repeat(12)}`, summary: long })), new Date('2026-03-20T10:00:00Z'));
    core.services.content.upsertAll([
      ...Array.from({ length: 5 }, (_, i) => contentItem({ id: `n-${i}`, title: `News ${i} ${'with a long headline '.repeat(12)}`, summary: long })),
      ...Array.from({ length: 8 }, (_, i) => contentItem({ id: `e-${i}`, kind: 'event', title: `Event ${i} ${'with a long name '.repeat(12)}`, summary: long, startsAt: new Date(`2026-03-2${4 + (i % 5)}T09:00:00Z`) })),
    ], new Date('2026-03-20T10:00:00Z'));
    const { job } = digestJobFor(core, [harness.adapter.messenger]);
    expect(await job.run(new Date('2026-03-23T08:00:00Z'))).toMatchObject({ sent: 1 });
    const parts = textsTo(harness, '5001');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
    const all = parts.join('\n');
    for (let i = 0; i < 5; i++) expect(all).toContain(`Document ${i} with`);
    for (let i = 0; i < 8; i++) expect(all).toContain(`Event ${i} with`);
    expect(ledgerRows(core)).toEqual([expect.objectContaining({ status: 'sent', parts_sent: parts.length })]);
    expect(fake.callsTo('sendMessage').every((call) => call.params.parse_mode === 'HTML')).toBe(true);
  });
});
