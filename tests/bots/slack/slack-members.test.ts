/**
 * The members flows through the real Bolt App (Socket Mode) against the
 * fake Slack: onboarding by buttons and a typed answer in the app's DM, and
 * /hub mydata's file through files.uploadV2 (the three calls Slack receives).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buttonPress, dmChannelOf, hubCommand, MEMBER, startSlackHarness, type SlackHarness } from '../../support/slack-harness.ts';
import { buttonOf, join, said, typeName } from '../../support/slack-members.ts';

let harness: SlackHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const OTHER = 'U00FAKEOTHER';

describe('Slack: onboarding', () => {
  it('asks the profile after "I agree": the name typed in the DM, the country by button; the answers are stored', async () => {
    const h = (harness = await startSlackHarness());
    const first = await join(h.fake, MEMBER);
    expect(first.params.response_type).toBe('ephemeral');
    const countries = await typeName(h.fake, MEMBER, 'Ana Petrović', 'Ev1001');
    const serbia = buttonOf(countries, 'Serbia');
    await h.fake.sendEnvelope('interactive', buttonPress(h.fake, serbia.action_id, serbia.value));
    await h.fake.waitForCall('response_url', said(/step 3 of 6/));
    const row = h.core.db.sqlite.prepare("SELECT m.display_name, m.country FROM members m JOIN member_accounts a ON a.member_id = m.id WHERE a.platform = 'slack' AND a.user_id = ?").get(MEMBER);
    expect(row).toEqual({ display_name: 'Ana Petrović', country: 'RS' });
  });
});

describe('Slack: /hub mydata', () => {
  it('uploads the JSON file into the member\'s DM with files.uploadV2, with their data and no one else\'s', async () => {
    const h = (harness = await startSlackHarness({ otherUsers: [OTHER] }));
    await join(h.fake, MEMBER);
    await typeName(h.fake, MEMBER, 'Ana Petrović', 'Ev2001');
    await join(h.fake, OTHER);
    await typeName(h.fake, OTHER, 'Bojan Other', 'Ev2002');

    await h.fake.sendEnvelope('slash_commands', hubCommand(h.fake, 'mydata', { user_id: MEMBER, channel_id: dmChannelOf(MEMBER) }));
    const words = await h.fake.waitForCall('response_url', said(/Here is everything cphub keeps about you/));
    expect(words.params.response_type).toBe('ephemeral');
    const asked = await h.fake.waitForCall('files.getUploadURLExternal');
    expect(asked.params.filename).toMatch(/^cphub-mydata-\d{4}-\d{2}-\d{2}\.json$/);
    // web-api posts the bytes as the multipart part `body` to the upload URL it was given.
    const uploaded = await h.fake.waitForCall('file_upload');
    const file: string = uploaded.params.body.text;
    expect(uploaded.params.body.size).toBe(Number(asked.params.length));
    const data = JSON.parse(file);
    expect(data.member.displayName).toBe('Ana Petrović');
    expect(data.accounts).toEqual([expect.objectContaining({ platform: 'slack', userId: MEMBER })]);
    expect(file).not.toContain('Bojan');
    expect(file).not.toContain(OTHER);
    const completed = await h.fake.waitForCall('files.completeUploadExternal');
    expect(completed.params.channel_id).toBe(dmChannelOf(MEMBER));
    expect(completed.params.files).toEqual([{ id: uploaded.params._id, title: asked.params.filename }]);
  });
});
