/**
 * Slash commands and buttons through the real discord.js code path: the
 * fake gateway dispatches INTERACTION_CREATE, the adapter acknowledges, core
 * answers, and the fake records the REST calls Discord would receive.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { paragraph, reply, text } from '../../../core/model/reply-builders.ts';
import { sampleDocument } from '../../support/core-harness.ts';
import { buttonPress, dmSlashCommand, slashCommand, startDiscordHarness, type DiscordHarness } from '../../support/discord-harness.ts';
import { telegramTestLibrary } from '../../support/telegram-library.ts';

let harness: DiscordHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const CALLBACK = /^\/interactions\/\d+\/[\w-]+\/callback$/;
const ORIGINAL = /^\/webhooks\/\d+\/[\w-]+\/messages\/@original$/;

async function start(documents = telegramTestLibrary()): Promise<DiscordHarness> {
  harness = await startDiscordHarness({ documents });
  return harness;
}

describe('Discord slash commands', () => {
  it('logs in with the Guilds intent only (no privileged Message Content)', async () => {
    const { fake } = await start();
    expect((await fake.identified()).intents).toBe(1);
  });

  it('/search defers at once, then edits the reply with an embed within limits, a Next button and no pings', async () => {
    const { fake } = await start();
    fake.dispatch('INTERACTION_CREATE', slashCommand(fake, 'search', { query: 'child protection' }));
    const deferred = await fake.waitForRequest('POST', CALLBACK);
    expect(deferred.body).toMatchObject({ type: 5 });
    const edit = await fake.waitForRequest('PATCH', ORIGINAL);
    expect(edit.at).toBeGreaterThanOrEqual(deferred.at);
    const [embed] = edit.body.embeds;
    expect(embed.description).toContain('Child protection guide');
    expect(embed.description.length).toBeLessThanOrEqual(4096);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    const [row] = edit.body.components;
    expect(row.components.map((button: { label: string }) => button.label)).toEqual(['Next ›']);
    expect(row.components[0].custom_id.length).toBeLessThanOrEqual(100);
  });

  it('typed options become the search syntax: a language choice filters', async () => {
    const { fake } = await start();
    fake.dispatch('INTERACTION_CREATE', slashCommand(fake, 'search', { query: 'zaštita', language: 'sh' }));
    const edit = await fake.waitForRequest('PATCH', ORIGINAL);
    const description: string = edit.body.embeds[0].description;
    expect(description).toContain('Zaštita djece od nasilja');
    expect(description).not.toContain('Mbrojtja');
  });

  it('pages with the button: acknowledges the press and edits the same message', async () => {
    const { fake } = await start();
    fake.dispatch('INTERACTION_CREATE', slashCommand(fake, 'search', { query: 'child protection' }));
    const first = await fake.waitForRequest('PATCH', ORIGINAL);
    const next = first.body.components[0].components[0].custom_id;
    fake.dispatch('INTERACTION_CREATE', buttonPress(fake, next));
    const update = await fake.waitForRequest('POST', CALLBACK, (request) => request.body.type === 6);
    const page = await fake.waitForRequest('PATCH', ORIGINAL, (request) => request.at >= update.at);
    expect(page.body.embeds[0].description).toMatch(/^6\. /m);
    expect(page.body.components[0].components.map((button: { label: string }) => button.label)).toEqual(['‹ Previous', 'Next ›']);
  });

  it('answers in the member\'s Discord language (hr → BCMS) until /lang changes it', async () => {
    const { fake } = await start();
    fake.dispatch('INTERACTION_CREATE', slashCommand(fake, 'start', {}, 'hr'));
    const croatian = await fake.waitForRequest('PATCH', ORIGINAL);
    expect(JSON.stringify(croatian.body)).toContain('Dobro došli');
    fake.dispatch('INTERACTION_CREATE', slashCommand(fake, 'lang', { choose: 'ro' }, 'hr'));
    await fake.waitForRequest('PATCH', ORIGINAL, (request) => JSON.stringify(request.body).includes('română'));
    fake.dispatch('INTERACTION_CREATE', slashCommand(fake, 'start', {}, 'hr'));
    await fake.waitForRequest('PATCH', ORIGINAL, (request) => JSON.stringify(request.body).includes('Bun venit'));
  });

  it('a private answer (a mistake only the member should see) is ephemeral, the public placeholder removed', async () => {
    const { fake } = await start();
    fake.dispatch('INTERACTION_CREATE', slashCommand(fake, 'doc', { id: 'no-such-document' }));
    const followUp = await fake.waitForRequest('POST', /^\/webhooks\/\d+\/[\w-]+$/);
    expect(followUp.body.flags).toBe(64);
    expect(fake.requestsTo('DELETE', ORIGINAL)).toHaveLength(1);
  });

  it('mention injection in a document title pings no one and renders no mention', async () => {
    const hostile = sampleDocument({ id: 'x-1', title: 'Protection @everyone @here <@123456789012345678> <@&234567890123456789> [click](https://evil.example)' });
    const { fake } = await start([hostile]);
    fake.dispatch('INTERACTION_CREATE', slashCommand(fake, 'search', { query: 'protection' }));
    const edit = await fake.waitForRequest('PATCH', ORIGINAL);
    const description: string = edit.body.embeds[0].description;
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    expect(description).not.toMatch(/(^|[^\\])@everyone|(^|[^\\])@here|<@&?\d+>/);
    expect(description).not.toContain('](https://evil.example)');
  });
});

describe('Discord DMs and stopping', () => {
  it('answers a slash command in a DM (a user, no member, no guild)', async () => {
    const { fake } = await start();
    fake.dispatch('INTERACTION_CREATE', dmSlashCommand(fake, 'search', { query: 'zaštita' }));
    const edit = await fake.waitForRequest('PATCH', ORIGINAL);
    expect(edit.body.embeds[0].description).toContain('Zaštita djece od nasilja');
  });

  it('stop waits for the answer in hand', async () => {
    const { fake, adapter, core } = await start();
    fake.script('PATCH', ORIGINAL, { status: 200, body: { id: '1', channel_id: '645027906669510662', content: '' }, delayMs: 300 });
    const interaction = slashCommand(fake, 'help');
    fake.dispatch('INTERACTION_CREATE', interaction);
    await fake.waitForRequest('PATCH', ORIGINAL);
    await adapter.stop();
    // Finished (answered, then marked) before stop returned; a second delivery would be skipped.
    expect(await core.services.ledger.receive('discord', [{ id: interaction.id, payload: '' }])).toEqual([]);
  });
});

describe('Discord outbound', () => {
  it('opens a DM for a member and posts there', async () => {
    const { fake, adapter } = await start();
    await adapter.messenger.send({ conversationId: 'user:1033044521375498245' }, reply([paragraph(text('Weekly digest'))]));
    expect((await fake.waitForRequest('POST', '/users/@me/channels')).body).toEqual({ recipient_id: '1033044521375498245' });
    const post = await fake.waitForRequest('POST', /^\/channels\/\d+\/messages$/);
    expect(JSON.stringify(post.body)).toContain('Weekly digest');
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('a 403 (DMs closed) marks the member unreachable and nothing more is sent', async () => {
    const { fake, adapter, core } = await start();
    fake.script('POST', /^\/channels\/\d+\/messages$/, { status: 403, body: { message: 'Cannot send messages to this user', code: 50007 } });
    const target = { conversationId: 'user:1033044521375498245' };
    await expect(adapter.messenger.send(target, reply([paragraph(text('x'))]))).rejects.toMatchObject({ name: 'PlatformError', code: 'FORBIDDEN' });
    expect(await core.services.chats.find('discord', 'user:1033044521375498245')).toMatchObject({ status: 'unreachable', kind: 'private' });
    await expect(adapter.messenger.send(target, reply([paragraph(text('x'))]))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(fake.requestsTo('POST', /^\/channels\/\d+\/messages$/)).toHaveLength(1);
  });

  it('waits out a 429 (discord.js\'s own rate-limit handling) and posts', async () => {
    const { fake, adapter } = await start();
    fake.script('POST', '/channels/645027906669510662/messages', {
      status: 429, body: { message: 'You are being rate limited.', retry_after: 0.2, global: false }, headers: { 'retry-after': '0.2', 'x-ratelimit-scope': 'user' },
    });
    await adapter.messenger.send({ conversationId: '645027906669510662' }, reply([paragraph(text('News'))]));
    expect(fake.requestsTo('POST', '/channels/645027906669510662/messages')).toHaveLength(2);
  });
});

describe('Discord start-up', () => {
  it('a refused token fails start with an AUTH PlatformError', async () => {
    harness = await startDiscordHarness({ manualStart: true, token: 'wrong-token-wrong-token-wrong' });
    await expect(harness.adapter.start()).rejects.toMatchObject({ name: 'PlatformError', code: 'AUTH' });
  });
});
