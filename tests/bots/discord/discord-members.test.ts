/**
 * The members flows through the real discord.js client against the fake
 * Discord: onboarding by buttons in a DM (the typed name through
 * `/profile text: edit name …`, Discord sending the bot no plain messages),
 * and /mydata's file in the multipart follow-up Discord receives.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buttonPress, DM_USER_ID, dmSlashCommand, startDiscordHarness, type DiscordHarness } from '../../support/discord-harness.ts';
import { buttonIn, FOLLOW_UP, joinOnDiscord, said } from '../../support/discord-members.ts';

let harness: DiscordHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const OTHER_USER = '53908232506179585';

describe('Discord: onboarding', () => {
  it('asks the profile after "I agree" in ephemeral messages; /profile edit name answers the typed step; buttons the others', async () => {
    const h = (harness = await startDiscordHarness());
    const first = await joinOnDiscord(h, DM_USER_ID);
    expect(first.body.flags).toBe(64);
    expect(JSON.stringify(first.body)).toContain('/profile edit name');
    h.fake.dispatch('INTERACTION_CREATE', dmSlashCommand(h.fake, 'profile', { text: 'edit name Ana Petrović' }));
    const countries = await h.fake.waitForRequest('POST', FOLLOW_UP, said(/step 2 of 6/));
    expect(countries.body.components).toHaveLength(4);
    h.fake.dispatch('INTERACTION_CREATE', buttonPress(h.fake, buttonIn(countries, 'Croatia')));
    await h.fake.waitForRequest('POST', FOLLOW_UP, said(/step 3 of 6/));
    const row = h.core.db.sqlite.prepare("SELECT m.display_name, m.country FROM members m JOIN member_accounts a ON a.member_id = m.id WHERE a.platform = 'discord' AND a.user_id = ?").get(DM_USER_ID);
    expect(row).toEqual({ display_name: 'Ana Petrović', country: 'HR' });
  });
});

describe('Discord: /mydata', () => {
  it('sends the JSON file in an ephemeral multipart follow-up, with the member\'s data and no one else\'s', async () => {
    const h = (harness = await startDiscordHarness());
    await joinOnDiscord(h, DM_USER_ID);
    h.fake.dispatch('INTERACTION_CREATE', dmSlashCommand(h.fake, 'profile', { text: 'edit name Ana Petrović' }));
    await h.fake.waitForRequest('POST', FOLLOW_UP, said(/step 2 of 6/));
    await joinOnDiscord(h, OTHER_USER);
    h.fake.dispatch('INTERACTION_CREATE', dmSlashCommand(h.fake, 'profile', { text: 'edit name Bojan Other' }, OTHER_USER));
    await h.fake.waitForRequest('POST', FOLLOW_UP, said(/step 2 of 6/));

    h.fake.dispatch('INTERACTION_CREATE', dmSlashCommand(h.fake, 'mydata'));
    const sent = await h.fake.waitForRequest('POST', FOLLOW_UP, (request) => request.files.length > 0);
    expect(sent.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(sent.body.flags).toBe(64);
    expect(JSON.stringify(sent.body)).toContain('Here is everything cphub keeps about you');
    const [file] = sent.files;
    expect(file!.name).toMatch(/^cphub-mydata-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(file!.text);
    expect(data.member.displayName).toBe('Ana Petrović');
    expect(data.accounts).toEqual([expect.objectContaining({ platform: 'discord', userId: DM_USER_ID })]);
    expect(file!.text).not.toContain('Bojan');
    expect(file!.text).not.toContain(OTHER_USER);
  });
});
