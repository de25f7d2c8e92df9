/**
 * The weekly digest on Discord and Slack, through the real discord.js and
 * Bolt clients against their fakes: a DM opened for the member, the digest
 * in their language, once; a subscribed channel; a member with linked
 * accounts gets one digest, on the platform they subscribed from; a closed
 * DM (403) marks that member unreachable, a 429 is waited out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { contentItem } from '../support/content-fixtures.ts';
import { digestJobFor, ledgerRows, subscribedMember } from '../support/digest-fixtures.ts';
import { DM_USER_ID, dmSlashCommand, startDiscordHarness, type DiscordHarness } from '../support/discord-harness.ts';
import { answerTo, joinOnDiscord } from '../support/discord-members.ts';
import { dmChannelOf, hubCommand, MEMBER } from '../support/slack-harness.ts';
import { join as joinOnSlack, said as slackSaid } from '../support/slack-members.ts';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.ts';

let discord: DiscordHarness | undefined;
let slack: SlackHarness | undefined;

afterEach(async () => {
  await discord?.close();
  await slack?.close();
  discord = slack = undefined;
});

const MONDAY = new Date('2026-03-23T08:00:00Z');
const NEWS = contentItem({ id: 'n-1', title: 'Helpline for children opens', url: 'https://example.org/helpline' });

describe('the weekly digest on Discord', () => {
  it('a member who joined in a DM subscribes with /subscribe and receives the digest there once', async () => {
    discord = await startDiscordHarness();
    const { core, fake } = discord;
    await joinOnDiscord(discord, DM_USER_ID);
    await answerTo(discord, dmSlashCommand(fake, 'subscribe', { text: 'topic: online safety' }), /Done: you will receive the weekly digest here/);
    core.services.content.upsertAll([{ ...NEWS, topics: ['online safety'] }, contentItem({ id: 'n-2', title: 'Off topic', topics: ['health'] })], new Date('2026-03-20T10:00:00Z'));
    const { job } = digestJobFor(core, [discord.adapter.messenger]);
    expect(await job.run(MONDAY)).toMatchObject({ sent: 1 });
    expect(await job.run(new Date('2026-03-23T10:00:00Z'))).toMatchObject({ sent: 0, done: 1 });
    expect(fake.requestsTo('POST', '/users/@me/channels').map((request) => request.body)).toEqual([{ recipient_id: DM_USER_ID }]);
    const posts = fake.requestsTo('POST', /^\/channels\/\d+\/messages$/);
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]!.body)).toContain('Helpline for children opens');
    expect(JSON.stringify(posts[0]!.body)).not.toContain('Off topic');
  });


  it('opens a DM, posts the digest in the member\'s language once, and posts to a subscribed channel', async () => {
    discord = await startDiscordHarness();
    const { core, fake } = discord;
    await subscribedMember(core, 'discord', '111222333444555666', 'ro');
    await core.services.subscriptions.subscribeChat({ platform: 'discord', conversationId: '999888777666555444' }, 'en', { topics: [], countries: [] }, 'admin');
    core.services.content.upsertAll([NEWS], new Date('2026-03-20T10:00:00Z'));
    const { job } = digestJobFor(core, [discord.adapter.messenger]);
    expect(await job.run(MONDAY)).toMatchObject({ sent: 2 });
    expect(await job.run(new Date('2026-03-23T09:00:00Z'))).toMatchObject({ sent: 0, done: 2 });
    expect(fake.requestsTo('POST', '/users/@me/channels').map((request) => request.body)).toEqual([{ recipient_id: '111222333444555666' }]);
    const posts = fake.requestsTo('POST', /^\/channels\/\d+\/messages$/);
    expect(posts).toHaveLength(2);
    const toChannel = posts.find((request) => request.path === '/channels/999888777666555444/messages')!;
    const toMember = posts.find((request) => request !== toChannel)!;
    expect(JSON.stringify(toMember.body)).toContain('Rezumatul dumneavoastră săptămânal');
    expect(JSON.stringify(toChannel.body)).toContain('Your weekly digest');
    expect(JSON.stringify(toChannel.body)).toContain('Helpline for children opens');
    expect(toChannel.body.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('the weekly digest on Slack', () => {
  it('a member subscribes with /hub subscribe in the app\'s DM and receives the digest there once', async () => {
    slack = await startSlackHarness();
    const { core, fake } = slack;
    await joinOnSlack(fake, MEMBER);
    await fake.sendEnvelope('slash_commands', hubCommand(fake, 'subscribe', { user_id: MEMBER, channel_id: dmChannelOf(MEMBER) }));
    await fake.waitForCall('response_url', slackSaid(/Done: you will receive the weekly digest here/));
    core.services.content.upsertAll([NEWS], new Date('2026-03-20T10:00:00Z'));
    const { job } = digestJobFor(core, [slack.adapter.messenger]);
    expect(await job.run(MONDAY)).toMatchObject({ sent: 1 });
    expect(await job.run(new Date('2026-03-23T10:00:00Z'))).toMatchObject({ done: 1 });
    const posts = fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.params.text).toContain('Helpline for children opens');
  });


  it('sends the member\'s digest into their DM, naming commands as /hub …', async () => {
    slack = await startSlackHarness();
    const { core, fake } = slack;
    await subscribedMember(core, 'slack', 'U00FAKEUSER2', 'sh');
    core.services.content.upsertAll([NEWS], new Date('2026-03-20T10:00:00Z'));
    const { job } = digestJobFor(core, [slack.adapter.messenger]);
    expect(await job.run(MONDAY)).toMatchObject({ sent: 1 });
    expect(await job.run(new Date('2026-03-23T10:00:00Z'))).toMatchObject({ done: 1 });
    expect(fake.callsTo('conversations.open').map((call) => call.params.users)).toEqual(['U00FAKEUSER2']);
    const posts = fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]!.params.blocks)).toContain('Vaš sedmični pregled');
    expect(posts[0]!.params.text).toContain('/hub unsubscribe');
  });

  it('gives a member with linked accounts one digest, on the platform they subscribed from last', async () => {
    slack = await startSlackHarness();
    const { core, fake } = slack;
    const memberId = await subscribedMember(core, 'slack', 'U00FAKEUSER2');
    // The same member also on Telegram, subscribed from there first, then again from Slack.
    core.db.sqlite.prepare("INSERT INTO member_accounts (platform, user_id, member_id, linked_at) VALUES ('telegram', '424242', ?, '2026-03-01T00:00:00Z')").run(memberId);
    await core.services.subscriptions.subscribeMember(memberId, { platform: 'telegram', userId: '424242' }, { topics: [], countries: [] });
    await core.services.subscriptions.subscribeMember(memberId, { platform: 'slack', userId: 'U00FAKEUSER2' }, { topics: [], countries: [] });
    core.services.content.upsertAll([NEWS], new Date('2026-03-20T10:00:00Z'));
    const telegramSends: string[] = [];
    const telegram = { platform: 'telegram' as const, send: async (target: { conversationId: string }) => void telegramSends.push(target.conversationId) };
    const { job } = digestJobFor(core, [slack.adapter.messenger, telegram]);
    expect(await job.run(MONDAY)).toMatchObject({ recipients: 1, sent: 1 });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(telegramSends).toEqual([]);
    expect(ledgerRows(core)).toEqual([{ period: '2026-W13', recipient_key: `member:${memberId}`, status: 'sent', parts_sent: 1 }]);
  });

  it('sends to the member\'s remaining account when the account they subscribed from was unlinked', async () => {
    slack = await startSlackHarness();
    const { core, fake } = slack;
    const memberId = await subscribedMember(core, 'slack', 'U00FAKEUSER2');
    core.db.sqlite.prepare("INSERT INTO member_accounts (platform, user_id, member_id, linked_at) VALUES ('telegram', '424242', ?, '2026-03-01T00:00:00Z')").run(memberId);
    await core.services.subscriptions.subscribeMember(memberId, { platform: 'telegram', userId: '424242' }, { topics: [], countries: [] });
    // The Telegram account is detached: it is someone else's now.
    expect(await core.services.links.unlink({ platform: 'telegram', userId: '424242' })).toBe(true);
    core.services.content.upsertAll([NEWS], new Date('2026-03-20T10:00:00Z'));
    const telegramSends: string[] = [];
    const telegram = { platform: 'telegram' as const, send: async (target: { conversationId: string }) => void telegramSends.push(target.conversationId) };
    const { job } = digestJobFor(core, [slack.adapter.messenger, telegram]);
    expect(await job.run(MONDAY)).toMatchObject({ recipients: 1, sent: 1 });
    expect(telegramSends).toEqual([]);
    expect(fake.callsTo('conversations.open').map((call) => call.params.users)).toEqual(['U00FAKEUSER2']);
  });
});

describe('the weekly digest when Discord or Slack says no', () => {
  it('Discord: a member who closed their DMs (403) is marked unreachable, the others get theirs, and a rerun sends nothing', async () => {
    discord = await startDiscordHarness();
    const { core, fake } = discord;
    await subscribedMember(core, 'discord', '111222333444555666', 'en');
    await subscribedMember(core, 'discord', '111222333444555777', 'en');
    core.services.content.upsertAll([NEWS], new Date('2026-03-20T10:00:00Z'));
    // The first DM the digest tries refuses, as Discord does for a member who closed DMs from the server's bots.
    fake.script('POST', /^\/channels\/\d+\/messages$/, { status: 403, body: { message: 'Cannot send messages to this user', code: 50007 } });
    const { job } = digestJobFor(core, [discord.adapter.messenger]);
    expect(await job.run(MONDAY)).toMatchObject({ sent: 1 });
    expect(ledgerRows(core).map((row) => row.status).sort()).toEqual(['sent', 'unreachable']);
    const before = fake.requests.length;
    expect(await job.run(new Date('2026-03-23T10:00:00Z'))).toMatchObject({ sent: 0 });
    expect(fake.requests.slice(before).filter((request) => request.method === 'POST' && /\/messages$/.test(request.path))).toEqual([]);
  });

  it('Slack: a 429 with retry-after is waited out and the digest goes once', async () => {
    slack = await startSlackHarness();
    const { core, fake } = slack;
    await subscribedMember(core, 'slack', 'U00FAKEUSER2', 'en');
    core.services.content.upsertAll([NEWS], new Date('2026-03-20T10:00:00Z'));
    fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '1' } });
    const { job } = digestJobFor(core, [slack.adapter.messenger]);
    expect(await job.run(MONDAY)).toMatchObject({ sent: 1 });
    const posts = fake.callsTo('chat.postMessage');
    // The refused request and the one that went; Slack shows one digest.
    expect(posts).toHaveLength(2);
    expect(posts.map((call) => JSON.stringify(call.params.blocks)).every((blocks) => blocks.includes('Helpline for children opens'))).toBe(true);
    expect(ledgerRows(core).map((row) => row.status)).toEqual(['sent']);
  }, 15_000);
});
