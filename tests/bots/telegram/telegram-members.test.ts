/**
 * The members flows through the real grammY runner against the fake Bot
 * API: onboarding by inline keyboard and a typed answer, and /mydata's
 * file as the multipart sendDocument Telegram receives.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { privateMessage, startTelegramHarness, type TelegramHarness } from '../../support/telegram-harness.ts';
import { join, press } from '../../support/telegram-members.ts';

let harness: TelegramHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('Telegram: onboarding', () => {
  it('asks the profile after "I agree": a typed name, then countries as buttons; the answers are stored', async () => {
    const h = (harness = await startTelegramHarness());
    const first = await join(h, 55, 300);
    expect(first.params.text).toContain('Which name should other members see?');
    h.fake.pushUpdates(privateMessage(302, 'Ana Petrović', { id: 55 }));
    const countries = await h.fake.waitForCall('sendMessage', (call) => /step 2 of 6/.test(call.params.text));
    expect(countries.params.chat_id).toBe(55);
    const labels = countries.params.reply_markup.inline_keyboard.map((row: Array<{ text: string }>) => row.map((button) => button.text));
    expect(labels).toEqual([['Albania', 'Bosnia & Herzegovina', 'Bulgaria', 'Croatia'], ['Kosovo', 'Montenegro', 'North Macedonia', 'Romania'], ['Serbia', 'Hungary', 'Slovenia', 'Moldova'], ['Other', 'Skip']]);
    for (const button of countries.params.reply_markup.inline_keyboard.flat()) expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(64);
    h.fake.pushUpdates(press(303, 55, countries.params.reply_markup, 'Serbia'));
    // The next question replaces the one whose button was pressed.
    const profession = await h.fake.waitForCall('editMessageText', (call) => /step 3 of 6/.test(call.params.text));
    expect(profession.params.text).toContain('What is your profession?');
    const row = h.core.db.sqlite.prepare("SELECT m.display_name, m.country FROM members m JOIN member_accounts a ON a.member_id = m.id WHERE a.platform = 'telegram' AND a.user_id = '55'").get();
    expect(row).toEqual({ display_name: 'Ana Petrović', country: 'RS' });
  });
});

describe('Telegram: /mydata', () => {
  it('sends the member a JSON document (multipart sendDocument) with their data and no one else\'s', async () => {
    const h = (harness = await startTelegramHarness());
    await join(h, 55, 400);
    h.fake.pushUpdates(privateMessage(402, 'Ana Petrović', { id: 55 }));
    await h.fake.waitForCall('sendMessage', (call) => call.params.chat_id === 55 && /step 2 of 6/.test(call.params.text));
    await join(h, 66, 410);
    h.fake.pushUpdates(privateMessage(412, 'Bojan Other', { id: 66 }));
    await h.fake.waitForCall('sendMessage', (call) => call.params.chat_id === 66 && /step 2 of 6/.test(call.params.text));

    h.fake.pushUpdates(privateMessage(420, '/mydata', { id: 55 }));
    const sent = await h.fake.waitForCall('sendDocument');
    expect(sent.params.chat_id).toBe('55');
    expect(sent.params.document.filename).toMatch(/^cphub-mydata-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(sent.params.document.content);
    expect(data.member.displayName).toBe('Ana Petrović');
    expect(data.accounts).toEqual([expect.objectContaining({ platform: 'telegram', userId: '55' })]);
    expect(sent.params.document.content).not.toContain('Bojan');
    expect(sent.params.document.content).not.toContain('"66"');
    // The words come first, then the file.
    const words = h.fake.calls.findIndex((call) => call.method === 'sendMessage' && /Here is everything cphub keeps/.test(call.params.text));
    expect(words).toBeGreaterThan(-1);
    expect(words).toBeLessThan(h.fake.calls.indexOf(sent));
  });
});
