/**
 * One person, two platforms, end to end: the real Telegram adapter and the
 * real Discord adapter against their fakes, talking to one hub. A code asked
 * for in Telegram is sent from Discord; the accounts become one member (the
 * database says so, and the profile and the language follow); the code does
 * not work twice; /unlink separates them again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DM_USER_ID, dmSlashCommand, startDiscordHarness, type DiscordHarness } from '../support/discord-harness.ts';
import { answerTo as answerOnDiscord } from '../support/discord-members.ts';
import { privateMessage, startTelegramHarness, type TelegramHarness } from '../support/telegram-harness.ts';
import { answerTo as answerOnTelegram, join } from '../support/telegram-members.ts';

let discord: DiscordHarness | undefined;
let telegram: TelegramHarness | undefined;
afterEach(async () => {
  // Telegram's harness borrows Discord's hub: it goes first, Discord's closes the database.
  await telegram?.close();
  await discord?.close();
  telegram = discord = undefined;
});

const ANA = 55;
const OTHER_DISCORD_USER = '53908232506179585';

describe('/link across Telegram and Discord', () => {
  it('joins a Discord account to a Telegram member with a one-time code; profile and language follow; /unlink undoes it', async () => {
    const d = (discord = await startDiscordHarness());
    const t = (telegram = await startTelegramHarness({ core: d.core }));
    await join(t, ANA, 100);
    await answerOnTelegram(t, privateMessage(102, 'Ana Petrović', { id: ANA }), /step 2 of 6/);
    const issued = await answerOnTelegram(t, privateMessage(103, '/link', { id: ANA }), /within 10 minutes/);
    const code = /\/link ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(issued.params.text)![1]!;

    await answerOnDiscord(d, dmSlashCommand(d.fake, 'link', { code }), /Linked: this account now belongs to the same member/);
    const rows = d.core.db.sqlite.prepare('SELECT platform, user_id, member_id FROM member_accounts ORDER BY platform').all() as Array<{ platform: string; user_id: string; member_id: string }>;
    expect(rows.map((row) => [row.platform, row.user_id])).toEqual([['discord', DM_USER_ID], ['telegram', String(ANA)]]);
    expect(new Set(rows.map((row) => row.member_id)).size).toBe(1);
    expect(d.core.db.sqlite.prepare('SELECT count(*) AS members FROM members').get()).toEqual({ members: 1 });

    // The profile given on Telegram is the Discord account's too, and so is the language chosen there.
    await answerOnTelegram(t, privateMessage(104, '/lang sh', { id: ANA }), /Novi jezik odgovora/);
    const profile = await answerOnDiscord(d, dmSlashCommand(d.fake, 'profile'), /Ana Petrović/);
    // Discord markdown escapes the parentheses.
    const description: string = profile.body.embeds[0].description;
    expect(description).toContain(`**Nalozi:** Telegram \\(${ANA}\\), Discord \\(${DM_USER_ID}\\)`);
    expect(description).toContain('**Ime:** Ana Petrović');

    // Once only: another Discord account cannot use it again.
    await answerOnDiscord(d, dmSlashCommand(d.fake, 'link', { code }, OTHER_DISCORD_USER), /This code does not work/);
    expect(d.core.db.sqlite.prepare('SELECT count(*) AS accounts FROM member_accounts').get()).toEqual({ accounts: 2 });

    await answerOnDiscord(d, dmSlashCommand(d.fake, 'unlink'), /Ovaj nalog više nije povezan/);
    const after = d.core.db.sqlite.prepare('SELECT platform, user_id FROM member_accounts').all();
    expect(after).toEqual([{ platform: 'telegram', user_id: String(ANA) }]);
  });
});
