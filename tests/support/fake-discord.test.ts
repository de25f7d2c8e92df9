/**
 * Smoke tests of the fake Discord (REST + Gateway), driven by the real
 * discord.js Client over 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { inflateSync, constants as zlibConstants } from 'node:zlib';
import {
  Client, DiscordAPIError, DiscordjsErrorCodes, Events, GatewayIntentBits, Routes,
  type ButtonInteraction, type ChatInputCommandInteraction, type Interaction,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from './fake-discord.ts';

const open: FakeDiscord[] = [];
const clients: Client[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.destroy()));
  await Promise.all(open.splice(0).map((fake) => fake.close()));
});

async function fakeAndClient(options: FakeDiscordOptions = {}, intents = [GatewayIntentBits.Guilds]) {
  const fake = await startFakeDiscord(options);
  open.push(fake);
  const client = new Client({ intents, rest: { api: fake.apiUrl } });
  clients.push(client);
  return { fake, client };
}

async function readyClient(options: FakeDiscordOptions = {}, intents?: GatewayIntentBits[]) {
  const { fake, client } = await fakeAndClient(options, intents);
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(fake.token);
  return { fake, client, ready: await ready };
}

/** A fixture from tests/fixtures/discord, completed with the fields discord.js reads and the fake's application id. */
function interaction(name: string, fake: FakeDiscord): Record<string, any> {
  const data = JSON.parse(readFileSync(new URL(`../fixtures/discord/${name}`, import.meta.url), 'utf8'));
  const channelId = data.channel?.id ?? data.channel_id;
  return {
    entitlements: [], authorizing_integration_owners: {}, context: data.guild_id ? 0 : 1, version: 1,
    channel: { id: channelId, type: data.guild_id ? 0 : 1 },
    ...data,
    application_id: fake.applicationId,
  };
}

function nextInteraction<T extends Interaction>(client: Client, handle: (i: T) => Promise<unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    client.once(Events.InteractionCreate, (i) => { handle(i as T).then(resolve, reject); });
  });
}

describe('fake Discord', () => {
  it('logs the real Client in: /gateway/bot, then HELLO → IDENTIFY (with our intents) → READY (+ GUILD_CREATE)', async () => {
    const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages];
    const { fake, ready } = await readyClient({ guilds: [{ id: '290926798626095108', name: 'Example guild' }] }, intents);

    const identify = await fake.identified();
    expect(identify).toMatchObject({ token: fake.token, intents: (1 << 0) | (1 << 12), compress: false, shard: [0, 1] });
    expect(fake.gatewayQueries).toEqual([{ v: '10', encoding: 'json' }]);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /gateway/bot']);
    expect(fake.requests[0]!.headers.authorization).toBe(`Bot ${fake.token}`);
    expect(ready.user).toMatchObject({ id: fake.applicationId, username: 'ExampleBot', bot: true });
    expect(ready.application.id).toBe(fake.applicationId);
    expect(ready.guilds.cache.get('290926798626095108')?.name).toBe('Example guild');
  });

  it('a wrong token is refused with 401 and login rejects with TokenInvalid', async () => {
    const { fake, client } = await fakeAndClient();
    const error = await client.login('d3Jvbmc.ZmFrZQ.wrong').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: DiscordjsErrorCodes.TokenInvalid });
    expect(fake.requests).toMatchObject([{ method: 'GET', path: '/gateway/bot', headers: { authorization: 'Bot d3Jvbmc.ZmFrZQ.wrong' } }]);
    expect(fake.gatewayQueries).toEqual([]);
  });

  it('a slash command: deferReply posts callback type 5, editReply patches @original', async () => {
    const { fake, client } = await readyClient();
    const payload = interaction('application_command_chat_input_with_string_option.docs.json', fake);
    const handled = nextInteraction<ChatInputCommandInteraction>(client, async (i) => {
      expect(i.commandName).toBe('cardsearch');
      expect(i.options.getString('cardname')).toBe('The Gitrog Monster');
      await i.deferReply();
      return i.editReply({ content: 'hi' });
    });
    fake.dispatch('INTERACTION_CREATE', payload);
    const edited = await handled;

    const callback = await fake.waitForRequest('POST', `/interactions/${payload.id}/A_UNIQUE_TOKEN/callback`);
    expect(callback.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(callback.query).toEqual({ with_response: 'false' });
    expect(callback.headers.authorization).toBeUndefined();
    const patch = await fake.waitForRequest('PATCH', `/webhooks/${fake.applicationId}/A_UNIQUE_TOKEN/messages/@original`);
    expect(patch.body).toMatchObject({ content: 'hi' });
    expect(patch.at).toBeGreaterThanOrEqual(callback.at);
    expect(edited).toMatchObject({ content: 'hi', channelId: '645027906669510662', webhookId: fake.applicationId });
  });

  it('a button in a DM: update() posts callback type 7 and the original keeps its id', async () => {
    const { fake, client } = await readyClient();
    const payload = interaction('message_component_button_in_dm.json', fake);
    const handled = nextInteraction<ButtonInteraction>(client, async (i) => {
      expect(i.customId).toBe('dm-action');
      await i.update({ content: 'x', components: [] });
      return i.fetchReply();
    });
    fake.dispatch('INTERACTION_CREATE', payload);
    const original = await handled;

    const callbacks = fake.requestsTo('POST', /^\/interactions\/INTERACTION789\/[^/]+\/callback$/);
    expect(callbacks.map((r) => r.body)).toEqual([{ type: 7, data: expect.objectContaining({ content: 'x', components: [] }) }]);
    expect(fake.requestsTo('GET', /\/messages\/@original$/)).toHaveLength(1);
    expect(original).toMatchObject({ id: 'MSG_DM_123', content: 'x', channelId: 'DM_CHANNEL_123' });
  });

  it('a second answer to the same interaction is refused with 40060; withResponse gets the callback resource', async () => {
    const { fake, client } = await readyClient();
    const payload = interaction('application_command_chat_input_with_string_option.docs.json', fake);
    const handled = nextInteraction<ChatInputCommandInteraction>(client, async (i) => {
      const response = await i.reply({ content: 'first', withResponse: true });
      i.replied = false; // get past discord.js's own guard to reach the platform
      const second = await i.reply({ content: 'second' }).catch((e: unknown) => e);
      return { response, second };
    });
    fake.dispatch('INTERACTION_CREATE', payload);
    const { response, second } = (await handled) as { response: any; second: unknown };

    expect(response.resource.message).toMatchObject({ content: 'first', channelId: '645027906669510662' });
    expect(response.interaction).toMatchObject({ id: payload.id, responseMessageLoading: false });
    expect(second).toBeInstanceOf(DiscordAPIError);
    expect(second).toMatchObject({ status: 400, code: 40060 });
  });

  it('REST: a scripted 429 is waited out and retried; a scripted 403 50007 rejects with DiscordAPIError', async () => {
    const { fake, client } = await fakeAndClient();
    client.rest.setToken(fake.token);
    fake.script('POST', '/channels/123/messages', {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.2, global: false },
      headers: { 'retry-after': '0.2', 'x-ratelimit-scope': 'user' },
    });
    const sent = await client.rest.post(Routes.channelMessages('123'), { body: { content: 'x' } });
    const [limited, retried] = fake.requestsTo('POST', '/channels/123/messages');
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(200);
    expect(sent).toMatchObject({ channel_id: '123', content: 'x', author: { id: fake.applicationId, bot: true } });

    fake.script('POST', /^\/channels\/\d+\/messages$/, { status: 403, body: { message: 'Cannot send messages to this user', code: 50007 } });
    const refused = await client.rest.post(Routes.channelMessages('456'), { body: { content: 'x' } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DiscordAPIError);
    expect(refused).toMatchObject({ status: 403, code: 50007, method: 'POST' });
    expect(fake.requestsTo('POST', /^\/channels\/\d+\/messages$/)).toHaveLength(3);
  });

  it('REST: DMs, multipart payload_json, commands, 404 and a dropped connection', async () => {
    const { fake, client } = await fakeAndClient();
    client.rest.setToken(fake.token);
    const dm = await client.rest.post(Routes.userChannels(), { body: { recipient_id: '1033044521375498245' } }) as any;
    expect(dm).toMatchObject({ type: 1, recipients: [{ id: '1033044521375498245' }] });
    const sent = await client.rest.post(Routes.channelMessages(dm.id), {
      body: { content: 'with file' }, files: [{ name: 'note.txt', data: Buffer.from('hello') }],
    }) as any;
    expect(fake.requests.at(-1)).toMatchObject({ body: { content: 'with file' }, files: [{ field: 'files[0]', name: 'note.txt', size: 5 }] });
    expect(sent.attachments).toMatchObject([{ filename: 'note.txt', size: 5 }]);

    const saved = await client.rest.put(Routes.applicationCommands(fake.applicationId), {
      body: [{ name: 'search', description: 'Search the library' }],
    }) as any[];
    expect(saved).toMatchObject([{ name: 'search', application_id: fake.applicationId, id: expect.stringMatching(/^\d+$/) }]);
    await expect(client.rest.get(Routes.user())).resolves.toMatchObject({ id: fake.applicationId });
    await expect(client.rest.get(Routes.guild('1'))).rejects.toMatchObject({ status: 404, code: 0 });

    fake.script('GET', '/users/@me', { drop: 'close' });
    await expect(client.rest.get(Routes.user())).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
    fake.script('GET', '/users/@me', { drop: 'reset' }, 4); // ECONNRESET is retried 3 times
    await expect(client.rest.get(Routes.user())).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(fake.requestsTo('GET', '/users/@me')).toHaveLength(1 + 1 + 4);
  });

  it('gateway: heartbeats are acked, and zlib-stream compression works for clients that ask for it', async () => {
    const fake = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
    open.push(fake);
    const ws = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);
    const frames: Buffer[] = [];
    let seen = 0;
    const next = (): Promise<any> => new Promise((resolve) => ws.once('message', (data: Buffer) => {
      // One deflate stream for the connection: inflate everything so far, the new message is the tail.
      expect(data.subarray(-4)).toEqual(Buffer.from([0, 0, 0xff, 0xff]));
      frames.push(data);
      const text = inflateSync(Buffer.concat(frames), { finishFlush: zlibConstants.Z_SYNC_FLUSH }).toString('utf8');
      resolve(JSON.parse(text.slice(seen)));
      seen = text.length;
    }));
    expect(await next()).toMatchObject({ op: 10, d: { heartbeat_interval: 1000 } });
    ws.send(JSON.stringify({ op: 1, d: null }));
    expect(await next()).toMatchObject({ op: 11 });
    ws.send(JSON.stringify({ op: 2, d: { token: fake.token, intents: 1, properties: {} } }));
    expect(await next()).toMatchObject({ op: 0, t: 'READY', s: 1, d: { session_id: expect.any(String), guilds: [] } });
    fake.dispatch('MESSAGE_CREATE', { id: '1', content: 'hello' });
    expect(await next()).toMatchObject({ op: 0, t: 'MESSAGE_CREATE', s: 2, d: { content: 'hello' } });
    expect(fake.gatewayReceived.map((p) => p.op)).toEqual([1, 2]);
    ws.terminate();
  });

  it('client.destroy() and fake.close() finish promptly, also with a slow answer pending', async () => {
    const { fake, client } = await readyClient();
    fake.script('GET', '/users/@me', { status: 200, body: {}, delayMs: 10_000 });
    const slow = client.rest.get(Routes.user()).catch((e: unknown) => e);
    await fake.waitForRequest('GET', '/users/@me');
    const started = Date.now();
    await client.destroy();
    await fake.close();
    await slow;
    expect(Date.now() - started).toBeLessThan(500);
    expect(() => fake.dispatch('MESSAGE_CREATE', {})).toThrow(/no identified gateway connection/);
  });
});
