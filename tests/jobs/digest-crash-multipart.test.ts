/**
 * Exactly once for a digest of several Telegram messages: `cphub digest
 * send` killed with SIGKILL after a digest's first part — once that part was
 * confirmed and the second was waiting for its chat's second, and once with
 * the second part on its way — and run again. The resumed sender must send
 * only the parts that are left: the fake Bot API's requests show every item
 * of every digest once, in order, and no part twice.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open-database.ts';
import { contentItem } from '../support/content-fixtures.ts';
import { countsOf, digestSandbox, digestSend, prepareDigestHub, type DigestSendProcess } from '../support/digest-process.ts';
import type { FakeTelegramCall } from '../support/fake-telegram.ts';

const members = ['7301', '7302', '7303', '7304'];
const long = 'A summary that goes on about child protection practice in the region. '.repeat(3);
const soon = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000);
/** A week long enough for three Telegram messages or more. */
const week = [
  ...Array.from({ length: 5 }, (_, i) => contentItem({ id: `n-${i}`, title: `News ${i} ${'with a long headline '.repeat(25)}`, summary: long })),
  ...Array.from({ length: 8 }, (_, i) => contentItem({ id: `e-${i}`, kind: 'event', title: `Event ${i} ${'with a long name '.repeat(25)}`, summary: long, startsAt: soon(1 + i) })),
];
const headings = week.map((item) => item.title.split(' with')[0]!);

const sandbox = digestSandbox('cphub-digest-crash-parts-');

const ok = (call: FakeTelegramCall, id: number) => ({ ok: true as const, result: { message_id: id, date: 0, chat: { id: Number(call.params.chat_id), type: 'private' }, text: '' } });
const textsTo = (chat: string) => sandbox.fake.callsTo('sendMessage').filter((call) => String(call.params.chat_id) === chat).map((call) => String(call.params.text));
const occurrences = (text: string, part: string) => text.split(part).length - 1;

type Moment = 'after the first part was confirmed' | 'with the second part on its way';

/** Kills the sender at `moment` of the first digest; returns the messages each chat had then. */
async function killedSend(env: Record<string, string>, moment: Moment): Promise<Map<string, number>> {
  let sender: DigestSendProcess | undefined;
  let calls = 0;
  sandbox.fake.script('sendMessage', (call) => {
    calls += 1;
    if (moment === 'after the first part was confirmed' && calls === 1) {
      // Telegram takes one message a second per chat: the second part waits for that, and the sender dies meanwhile.
      setTimeout(() => sender!.child.kill('SIGKILL'), 300);
    }
    if (moment === 'with the second part on its way' && textsTo(String(call.params.chat_id)).length === 2) sender!.child.kill('SIGKILL');
    return ok(call, calls);
  }, 1000);
  sender = digestSend(env);
  expect((await sender.done).signal).toBe('SIGKILL');
  return countsOf(sandbox.fake.callsTo('sendMessage').map((call) => String(call.params.chat_id)));
}

describe('cphub digest send killed in the middle of a digest of several messages', () => {
  it.each<Moment>(['after the first part was confirmed', 'with the second part on its way'])('%s: the resumed sender sends only the parts left', async (moment) => {
    const env = await prepareDigestHub(sandbox.dir, 'telegram', members, { TELEGRAM_BOT_TOKEN: sandbox.fake.token, TELEGRAM_API_ROOT: sandbox.fake.url }, week);
    const before = await killedSend(env, moment);
    const interrupted = sandbox.fake.callsTo('sendMessage')[0]!.params.chat_id as number;
    expect(before.get(String(interrupted))).toBe(moment === 'with the second part on its way' ? 2 : 1);

    const second = await digestSend(env).done;
    expect(second.code, second.stdout).toBe(0);
    expect(second.stdout).toContain('4 recipients — 4 sent, 0 with nothing to send, 0 sent before');

    const db = openDatabase(env.CPHUB_DB!);
    const rows = db.sqlite.prepare('SELECT status, parts_sent FROM digest_deliveries').all() as Array<{ status: string; parts_sent: number }>;
    db.close();
    expect(rows.map((row) => row.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    for (const chat of members) {
      const parts = textsTo(chat);
      // Several messages, none sent twice, and together the whole digest: every item once, the footer once, at the end.
      expect(parts.length, chat).toBeGreaterThanOrEqual(3);
      expect(new Set(parts).size, chat).toBe(parts.length);
      const whole = parts.join('\n');
      for (const heading of headings) expect(occurrences(whole, `${heading} with`), `${chat}: ${heading}`).toBe(1);
      expect(occurrences(whole, '/unsubscribe'), chat).toBe(1);
      expect(parts.at(-1)).toContain('/unsubscribe');
    }
    // What the ledger counted is what Telegram holds.
    expect(rows.map((row) => row.parts_sent).sort()).toEqual(members.map((chat) => textsTo(chat).length).sort());

    // A third run finds everything done and sends nothing.
    const requests = sandbox.fake.callsTo('sendMessage').length;
    const third = await digestSend(env).done;
    expect(third.stdout).toContain('0 sent, 0 with nothing to send, 4 sent before');
    expect(sandbox.fake.callsTo('sendMessage')).toHaveLength(requests);
  }, 60_000);
});
