/**
 * Roles, the expert profile, the directory and suspension through the real
 * grammY runner against the fake Bot API: a moderator's `/suspend` as a
 * reply in a supergroup (a recorded reply), the suspended member's messages
 * left unanswered, the expert's steps by inline keyboard, and /experts paged
 * by its buttons.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { shortId } from '../../../core/members/member-reference.ts';
import { privateMessage, startTelegramHarness, telegramFixture, type TelegramHarness } from '../../support/telegram-harness.ts';
import { createCoreHarness } from '../../support/core-harness.ts';
import { handled } from '../../support/handled.ts';
import { answerTo, join, press } from '../../support/telegram-members.ts';

let harness: TelegramHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

// The recorded reply: Member B (100000003) answers a message of Member A (100000002) in a supergroup.
const MEMBER_A = 100000002;
const MEMBER_B = 100000003;
const GROUP = -1001000000001;

/** `text` sent by Member B in the supergroup, as a reply to Member A's message. */
function replyInGroup(updateId: number, text: string): any {
  const update = telegramFixture('supergroup_bot_command_reply_in_thread');
  update.update_id = updateId;
  update.message.message_id = updateId;
  update.message.text = text;
  update.message.entities = [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }];
  return update;
}

async function moderatorAndMember(h: TelegramHarness) {
  await join(h, MEMBER_A, 100);
  await join(h, MEMBER_B, 110);
  const moderator = (await h.core.services.members.findByAccount('telegram', String(MEMBER_B)))!;
  await h.core.services.members.setRole(moderator.id, 'moderator', 'cli');
  return { moderator, member: (await h.core.services.members.findByAccount('telegram', String(MEMBER_A)))! };
}

describe('Telegram: moderation', () => {
  it('a moderator suspends a member by answering their message in the group; the member is then ignored; /unsuspend the same way', async () => {
    const h = (harness = await startTelegramHarness());
    const { moderator, member } = await moderatorAndMember(h);
    const suspended = await answerTo(h, replyInGroup(200, '/suspend'), /^Suspended: cphub ignores/);
    expect(suspended.params.chat_id).toBe(GROUP);
    expect(suspended.params.text).toContain(`(${shortId(member.id)})`);
    expect((await h.core.services.members.findById(member.id))?.status).toBe('suspended');
    const audit = h.core.db.sqlite.prepare("SELECT subject, details FROM audit_log WHERE action = 'member.suspended'").all();
    expect(audit).toEqual([{ subject: member.id, details: JSON.stringify({ by: moderator.id }) }]);

    const before = h.fake.calls.length;
    h.fake.pushUpdates(privateMessage(201, '/search violence', { id: MEMBER_A }), privateMessage(202, 'nasilje', { id: MEMBER_A }));
    await handled(h.core.db, 'telegram', '201');
    await handled(h.core.db, 'telegram', '202');
    expect(h.fake.calls.slice(before).filter((call) => call.params.chat_id === MEMBER_A)).toEqual([]);

    await answerTo(h, replyInGroup(203, '/unsuspend'), /is no longer suspended/);
    expect((await h.core.services.members.findById(member.id))?.status).toBe('active');
    await answerTo(h, privateMessage(204, '/search violence', { id: MEMBER_A }), /found/);
  });

  it('the member is told of a suspension in their private chat, in their language; blocked (403), the decision stands and the moderator hears they were not told', async () => {
    const h = (harness = await startTelegramHarness());
    const { member } = await moderatorAndMember(h);
    await answerTo(h, privateMessage(400, '/lang sq', { id: MEMBER_A }), /Tani e tutje/);

    const done = await answerTo(h, replyInGroup(401, '/suspend'), /^Suspended:/);
    expect(done.params.text).toContain(`Member ${MEMBER_A} (${shortId(member.id)}) was told in a private message.`);
    const told = h.fake.calls.filter((call) => call.method === 'sendMessage' && call.params.chat_id === MEMBER_A && /pezulluar/.test(call.params.text));
    expect(told).toHaveLength(1);
    expect(told[0]!.params.text).toContain('Anëtarësimi juaj në rrjet është pezulluar për momentin');
    expect(told[0]!.params.text).toContain('kontaktoni moderatorët ose administratorët e rrjetit');
    expect(told[0]!.params.text).toContain('/mydata');
    expect(h.fake.calls.indexOf(told[0]!)).toBeLessThan(h.fake.calls.indexOf(done));

    // The member blocks the bot: the next private message is refused.
    h.fake.script('sendMessage', { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    const lifted = await answerTo(h, replyInGroup(402, '/unsuspend'), /is no longer suspended/);
    expect(lifted.params.chat_id).toBe(GROUP);
    expect(lifted.params.text).toContain(`Member ${MEMBER_A} (${shortId(member.id)}) could not be told: cphub cannot send them a private message`);
    expect((await h.core.services.members.findById(member.id))?.status).toBe('active');
    expect((await h.core.services.chats.find('telegram', String(MEMBER_A)))?.status).toBe('unreachable');
  });

  it('an approved newcomer hears of it in their private chat, with the commands that are theirs now', async () => {
    const h = (harness = await startTelegramHarness({ core: createCoreHarness([], {}, { membership: 'approved' }) }));
    await join(h, MEMBER_B, 500);
    const moderator = (await h.core.services.members.findByAccount('telegram', String(MEMBER_B)))!;
    await h.core.services.members.decide(moderator.id, true, 'cli');
    await h.core.services.members.setRole(moderator.id, 'moderator', 'cli');
    await join(h, MEMBER_A, 510);
    const newcomer = (await h.core.services.members.findByAccount('telegram', String(MEMBER_A)))!;
    expect(newcomer.status).toBe('pending');

    const list = await answerTo(h, privateMessage(520, '/pending', { id: MEMBER_B }), /1 newcomer waits/);
    // A short private answer to a press is Telegram's notice over the chat.
    const approved = await answerTo(h, press(521, MEMBER_B, list.params.reply_markup, `Approve: Member ${MEMBER_A}`), /is now a member/, 'answerCallbackQuery');
    expect(approved.params.text).toContain(`${shortId(newcomer.id)} was told in a private message.`);
    const told = h.fake.calls.filter((call) => call.method === 'sendMessage' && call.params.chat_id === MEMBER_A && /approved your membership/.test(call.params.text));
    expect(told.map((call) => call.params.text)).toEqual([
      'Welcome: a moderator approved your membership of the network. You can now ask questions (/ask), find experts (/experts) and see your profile (/profile).',
    ]);
    expect((await h.core.services.members.findById(newcomer.id))?.status).toBe('active');
  });

  it('a moderator makes a member an expert; the expert answers the steps by inline keyboard; /experts pages by its buttons', async () => {
    const h = (harness = await startTelegramHarness());
    const { member } = await moderatorAndMember(h);
    await answerTo(h, privateMessage(300, `/role telegram:${MEMBER_A} expert`, { id: MEMBER_B }), /now has the role expert/);

    let step = await answerTo(h, privateMessage(301, '/expert', { id: MEMBER_A }), /step 1 of 4/);
    for (const button of step.params.reply_markup.inline_keyboard.flat()) expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(64);
    // Each press edits the question in place.
    step = await answerTo(h, press(302, MEMBER_A, step.params.reply_markup, 'juvenile justice'), /step 1 of 4/, 'editMessageText');
    expect(step.params.reply_markup.inline_keyboard.flat().map((button: { text: string }) => button.text)).toContain('✓ juvenile justice');
    step = await answerTo(h, press(303, MEMBER_A, step.params.reply_markup, 'Done'), /step 2 of 4/, 'editMessageText');
    step = await answerTo(h, press(304, MEMBER_A, step.params.reply_markup, 'Albanian'), /step 2 of 4/, 'editMessageText');
    step = await answerTo(h, press(305, MEMBER_A, step.params.reply_markup, 'Done'), /step 3 of 4/, 'editMessageText');
    step = await answerTo(h, press(306, MEMBER_A, step.params.reply_markup, 'Kosovo'), /step 3 of 4/, 'editMessageText');
    step = await answerTo(h, press(307, MEMBER_A, step.params.reply_markup, 'Done'), /step 4 of 4/, 'editMessageText');
    await answerTo(h, press(308, MEMBER_A, step.params.reply_markup, 'Yes, list me'), /Your expert profile is saved/, 'editMessageText');
    const row = h.core.db.sqlite.prepare('SELECT topics, languages, countries, listed FROM expert_profiles WHERE member_id = ?').get(member.id);
    expect(row).toEqual({ topics: '["juvenile justice"]', languages: '["sq"]', countries: '["XK"]', listed: 1 });

    // Five more listed experts: the directory takes two pages.
    for (const name of ['Vesna', 'Wanda', 'Xhevat', 'Yana', 'Zoran']) {
      const joined = await h.core.services.members.join({ platform: 'console', userId: name, displayName: name, language: 'en' }, 'test');
      await h.core.services.members.setRole(joined.id, 'expert', 'cli');
      await h.core.services.experts.update(joined.id, { listed: true, topics: ['health'] });
    }
    const first = await answerTo(h, privateMessage(310, '/experts', { id: MEMBER_B }), /6 experts in the directory/);
    expect(first.params.text).toContain(`<b>Member ${MEMBER_A}</b>`);
    expect(first.params.text).toContain(shortId(member.id));
    expect(first.params.text).toContain('Page 1 of 2');
    const next = first.params.reply_markup.inline_keyboard.flat().find((button: { text: string }) => button.text === 'Next ›');
    expect(Buffer.byteLength(next.callback_data)).toBeLessThanOrEqual(64);
    const second = await answerTo(h, press(311, MEMBER_B, first.params.reply_markup, 'Next ›'), /Page 2 of 2/, 'editMessageText');
    expect(second.params.text).toContain('<b>Zoran</b>');
  });
});
