/**
 * Smoke tests of the fake Slack (Web API, Socket Mode, response_url, signed
 * HTTP requests), driven by the real Bolt App over 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel, webApi } from '@slack/bolt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { postToBolt, signSlackRequest, socketModeReceiverFor, startFakeSlack, type FakeSlack } from './fake-slack.ts';

const fakes: FakeSlack[] = [];
const apps: App[] = [];

afterEach(async () => {
  // Apps first: a Socket Mode client that loses the fake keeps reconnecting.
  await Promise.all(apps.splice(0).map((app) => app.stop().catch(() => undefined)));
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

async function fake(): Promise<FakeSlack> {
  const started = await startFakeSlack();
  fakes.push(started);
  return started;
}

function track(app: App): App {
  apps.push(app);
  return app;
}

function fixture(name: string): Record<string, any> {
  return JSON.parse(readFileSync(new URL(`../fixtures/slack/${name}`, import.meta.url), 'utf8'));
}

/** Bolt with the bot's ids given, so it skips auth.test, and web-api retries without p-retry's 1 s+ backoff. */
function httpApp(slack: FakeSlack, retryConfig: object = webApi.retryPolicies.rapidRetryPolicy): App {
  return track(new App({
    token: slack.botToken, botId: slack.botId, botUserId: slack.botUserId, signingSecret: slack.signingSecret,
    clientOptions: { slackApiUrl: slack.apiUrl, retryConfig }, logLevel: LogLevel.ERROR,
  }));
}

function socketApp(slack: FakeSlack, receiverOptions: Parameters<typeof socketModeReceiverFor>[1] = {}): App {
  return track(new App({
    token: slack.botToken, botId: slack.botId, botUserId: slack.botUserId,
    receiver: socketModeReceiverFor(slack, receiverOptions), clientOptions: { slackApiUrl: slack.apiUrl }, logLevel: LogLevel.ERROR,
  }));
}

describe('fake Slack: Socket Mode', () => {
  it('the App opens the socket with the app token; a slash command is acked and answered through response_url', async () => {
    const slack = await fake();
    // As the adapter would build it: socketMode + clientOptions; Bolt hands clientOptions to its SocketModeReceiver.
    const app = track(new App({
      token: slack.botToken, appToken: slack.appToken, socketMode: true,
      clientOptions: { slackApiUrl: slack.apiUrl }, logLevel: LogLevel.ERROR,
    }));
    const seen: Record<string, unknown>[] = [];
    app.command('/hub', async ({ ack, respond, command }) => {
      seen.push(command);
      await ack();
      await respond('hi');
    });
    await app.start();

    expect(slack.callsTo('apps.connections.open')).toMatchObject([{ token: slack.appToken, params: {} }]);
    await slack.waitForCall('auth.test'); // no botId/botUserId given: Bolt checks the token at construction
    expect(slack.callsTo('auth.test')).toMatchObject([{ token: slack.botToken }]);
    expect(slack.connections()).toBe(1);

    const payload = { ...fixture('slash_command_with_args.parsed.json'), command: '/hub', response_url: slack.responseUrl('r1') };
    const ack = await slack.sendEnvelope('slash_commands', payload);
    expect(ack).toMatchObject({ envelope_id: expect.any(String), payload: {}, connection: 1 });

    const reply = await slack.waitForCall('response_url');
    expect(reply.params).toEqual({ text: 'hi', _id: 'r1' });
    expect(reply.contentType).toBe('application/json');
    expect(reply.at).toBeGreaterThanOrEqual(ack.at);
    expect(seen).toMatchObject([{ command: '/hub', text: 'some arguments here', is_enterprise_install: 'false' }]);
  });

  it('an app_mention envelope reaches app.event, and so does its redelivery (Bolt does not dedupe)', async () => {
    const slack = await fake();
    const app = socketApp(slack);
    const seen: { text: string; retryNum?: number; retryReason?: string }[] = [];
    app.event('app_mention', async ({ event, context, say }) => {
      seen.push({ text: event.text, retryNum: context.retryNum, retryReason: context.retryReason });
      await say('hello');
    });
    await app.start();

    // DERIVED: the recorded event plus the event_id/event_time every delivery carries.
    const body = { ...fixture('event_callback_app_mention.json'), event_id: 'Ev00FAKE0001', event_time: 1771287144 };
    const first = await slack.sendEnvelope('events_api', body);
    const redelivered = await slack.sendEnvelope('events_api', body, { retryAttempt: 1, retryReason: 'timeout' });

    expect(redelivered.envelope_id).not.toBe(first.envelope_id);
    expect([first.payload, redelivered.payload]).toEqual([{}, {}]); // events are acked by Bolt before the listener runs
    await vi.waitFor(() => expect(seen).toHaveLength(2), { timeout: 1000 });
    expect(seen).toEqual([
      { text: '<@U00FAKEBOT01> Hey', retryNum: 0, retryReason: '' },
      { text: '<@U00FAKEBOT01> Hey', retryNum: 1, retryReason: 'timeout' },
    ]);
    // The listener's client is built per team, so web-api adds team_id to every call it makes.
    const replies = await slack.waitForCalls('chat.postMessage', 2);
    expect(replies.map((c) => c.params)).toEqual([
      { channel: 'C00FAKECHAN1', text: 'hello', team_id: 'T00FAKE00AA' },
      { channel: 'C00FAKECHAN1', text: 'hello', team_id: 'T00FAKE00AA' },
    ]);
  });

  it('after a refresh disconnect (and a closed socket) the client reconnects with a fresh URL and still gets envelopes', async () => {
    const slack = await fake();
    const app = socketApp(slack); // clientPingTimeout 400 ms: the reconnect delay
    const mentions: string[] = [];
    app.event('app_mention', async ({ event }) => { mentions.push(event.text); });
    await app.start();
    const body = fixture('event_callback_app_mention.json');

    slack.disconnect(); // { type: 'disconnect', reason: 'refresh_requested' }
    await slack.waitForConnections(2);
    expect(slack.openConnections()).toBe(1); // socket-mode closes the old socket before it reconnects
    expect(await slack.sendEnvelope('events_api', body)).toMatchObject({ connection: 2 });

    slack.disconnect('server closing', 'close');
    await slack.waitForConnections(3);
    expect(await slack.sendEnvelope('events_api', body)).toMatchObject({ connection: 3 });

    expect(slack.callsTo('apps.connections.open')).toHaveLength(3); // one ticket per connection
    await vi.waitFor(() => expect(mentions).toHaveLength(2), { timeout: 1000 });
  });

  it('an envelope nobody acks (no listener for the command) rejects after its timeout', async () => {
    const slack = await fake();
    await socketApp(slack).start();
    const payload = { ...fixture('slash_command_with_args.parsed.json'), response_url: slack.responseUrl('r2') };

    await expect(slack.sendEnvelope('slash_commands', payload, { envelopeId: 'env-unhandled', timeoutMs: 300 }))
      .rejects.toThrow(/no ack of slash_commands envelope env-unhandled within 300 ms/);
    expect(slack.acks).toEqual([]);
  });

  it('a socket needs a fresh ticket from apps.connections.open', async () => {
    const slack = await fake();
    const refused = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(`${slack.socketUrl}?ticket=made-up`);
      ws.on('unexpected-response', (_req, res) => { resolve(res.statusCode ?? 0); ws.terminate(); });
      ws.on('open', () => reject(new Error('connected without a ticket')));
      ws.on('error', () => undefined);
    });
    expect(refused).toBe(401);

    const opened = await new webApi.WebClient(slack.appToken, { slackApiUrl: slack.apiUrl }).apps.connections.open();
    expect(opened.url).toMatch(new RegExp(`^${slack.socketUrl}\\?ticket=[\\w-]+&app_id=${slack.appId}$`));
    const hello = await new Promise<unknown>((resolve, reject) => {
      const ws = new WebSocket(opened.url!);
      ws.once('message', (data) => { resolve(JSON.parse(String(data))); ws.close(); });
      ws.on('error', reject);
    });
    expect(hello).toEqual({
      type: 'hello', num_connections: 1, debug_info: expect.objectContaining({ host: 'fake' }), connection_info: { app_id: slack.appId },
    });
  });

  it('close() is prompt with a socket connected and a slow call pending', async () => {
    const slack = await startFakeSlack(); // closed here, not in afterEach
    await socketApp(slack, { autoReconnectEnabled: false }).start();
    slack.script('chat.postMessage', { delayMs: 10_000 });
    const pending = fetch(`${slack.apiUrl}chat.postMessage`, {
      method: 'POST', headers: { authorization: `Bearer ${slack.botToken}` }, body: new URLSearchParams({ channel: 'C1', text: 'x' }),
    }).then((r) => r.status, () => 'failed');
    await slack.waitForCall('chat.postMessage');
    expect(slack.openConnections()).toBe(1);

    const started = performance.now();
    await slack.close();
    expect(performance.now() - started).toBeLessThan(500);
    expect(slack.openConnections()).toBe(0);
    expect(await pending).toBeDefined(); // cut short: answered or dropped, never left hanging
  });
});

describe('fake Slack: HTTP mode (signed requests to the HTTPReceiver)', () => {
  async function startHttp(app: App): Promise<string> {
    // HTTPReceiver.start passes an object straight to server.listen and resolves with the http.Server.
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  }

  it('a signed slash command form gets 200 and runs the handler; a bad signature or a stale timestamp gets 401', async () => {
    const slack = await fake();
    const app = httpApp(slack);
    const seen: Record<string, string>[] = [];
    app.command('/hello-world', async ({ ack, command, respond }) => {
      seen.push(command as unknown as Record<string, string>);
      await ack();
      await respond({ text: `got ${command.text}` });
    });
    const url = await startHttp(app);
    const recorded = fixture('slash_command.form_body.json');
    // The recorded bytes, with only the response_url swapped for the fake's.
    const body = (recorded.body as string).replace(encodeURIComponent(recorded.parsed.response_url), encodeURIComponent(slack.responseUrl('h1')));
    const now = Math.floor(Date.now() / 1000);

    expect(await postToBolt(url, body, signSlackRequest(slack.signingSecret, body))).toMatchObject({ status: 200, body: '' });
    expect((await slack.waitForCall('response_url')).params).toEqual({ text: 'got Hi', _id: 'h1' });
    expect(seen).toMatchObject([{ command: '/hello-world', enterprise_name: 'Org Name', text: 'Hi' }]);

    expect((await postToBolt(url, body, signSlackRequest('not-the-secret', body))).status).toBe(401);
    expect((await postToBolt(url, body, signSlackRequest(slack.signingSecret, body, now - 5 * 60 - 1))).status).toBe(401);
    const tampered = signSlackRequest(slack.signingSecret, body);
    expect((await postToBolt(url, body.replace('text=Hi', 'text=Ho'), tampered)).status).toBe(401);
    // Bolt only refuses timestamps in the past: one 10 minutes ahead passes.
    expect((await postToBolt(url, body, signSlackRequest(slack.signingSecret, body, now + 600))).status).toBe(200);
    await slack.waitForCalls('response_url', 2); // the handler goes on after ack(); let it finish before the fake closes
    expect(seen).toHaveLength(2);
  });

  it('a signed JSON event reaches app.event; url_verification gets its challenge back', async () => {
    const slack = await fake();
    const app = httpApp(slack);
    const mentions: string[] = [];
    app.event('app_mention', async ({ event }) => { mentions.push(event.text); });
    const url = await startHttp(app);

    const event = JSON.stringify(fixture('event_callback_app_mention.json'));
    expect(signSlackRequest(slack.signingSecret, event)['content-type']).toBe('application/json');
    expect((await postToBolt(url, event, signSlackRequest(slack.signingSecret, event))).status).toBe(200);
    await vi.waitFor(() => expect(mentions).toEqual(['<@U00FAKEBOT01> Hey']), { timeout: 1000 });

    const challenge = JSON.stringify(fixture('url_verification.json'));
    const answered = await postToBolt(url, challenge, signSlackRequest(slack.signingSecret, challenge));
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.body)).toEqual({ challenge: fixture('url_verification.json').challenge });
  });
});

describe('fake Slack: Web API', () => {
  it('records chat.postMessage as sent: form-encoded, bearer token, blocks parsed back, other values as strings', async () => {
    const slack = await fake();
    const app = httpApp(slack);
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*x*' } }];

    const result = await app.client.chat.postMessage({ channel: 'C1', text: 'x', blocks, unfurl_links: false });

    expect(result).toMatchObject({ ok: true, channel: 'C1', ts: '1700000000.000001', message: { text: 'x', blocks, bot_id: slack.botId } });
    const [call] = slack.callsTo('chat.postMessage');
    expect(call).toMatchObject({ token: slack.botToken, contentType: 'application/x-www-form-urlencoded' });
    expect(call!.params).toEqual({ channel: 'C1', text: 'x', blocks, unfurl_links: 'false' });
    expect(slack.callsTo('auth.test')).toEqual([]); // botId + botUserId given
  });

  it('answers the methods the bot uses the way Slack does', async () => {
    const slack = await fake();
    const client = new webApi.WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });

    expect(await client.auth.test()).toMatchObject({ ok: true, user_id: slack.botUserId, bot_id: slack.botId, team_id: slack.teamId, user: 'cphub', team: 'Test' });
    const plain = await client.users.info({ user: 'U00FAKEUSER1' });
    expect(plain.user).toMatchObject({ id: 'U00FAKEUSER1', tz: 'Europe/Belgrade' });
    expect(plain.user).not.toHaveProperty('locale');
    expect((await client.users.info({ user: 'U00FAKEUSER1', include_locale: true })).user).toMatchObject({ locale: 'hr-HR' });
    expect(slack.callsTo('users.info').map((c) => c.params.include_locale)).toEqual([undefined, 'true']);

    const dm = await client.conversations.open({ users: 'U00FAKEUSER1' });
    expect(dm.channel?.id).toMatch(/^D/);
    expect(await client.conversations.open({ users: 'U00FAKEUSER1' })).toMatchObject({ already_open: true, channel: { id: dm.channel?.id } });

    const home = { type: 'home' as const, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Home' } }] };
    expect(await client.views.publish({ user_id: 'U00FAKEUSER1', view: home })).toMatchObject({ ok: true, view: { ...home, id: expect.stringMatching(/^V/) } });
    expect(slack.callsTo('views.publish')[0]!.params.view).toEqual(home);

    const posted = await client.chat.postMessage({ channel: 'C1', text: 'a' });
    expect(await client.chat.update({ channel: 'C1', ts: posted.ts!, text: 'b' })).toMatchObject({ ts: posted.ts, text: 'b' });
    expect(await client.chat.postEphemeral({ channel: 'C1', user: 'U00FAKEUSER1', text: 'c' })).toMatchObject({ ok: true, message_ts: expect.any(String) });

    await expect(client.apiCall('made.up')).rejects.toMatchObject({ data: { ok: false, error: 'unknown_method' } });
    const stranger = new webApi.WebClient('xoxb-not-ours', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    await expect(stranger.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    const appLevel = new webApi.WebClient(slack.appToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    await expect(appLevel.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ data: { error: 'not_allowed_token_type' } });
  });

  it('a 429 with Retry-After: 1 is waited out and retried by default; rejectRateLimitedCalls rejects at once', async () => {
    const slack = await fake();
    const app = httpApp(slack);
    slack.script('chat.postMessage', { status: 429, headers: { 'retry-after': '1' } });

    const started = performance.now();
    await expect(app.client.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);

    slack.script('chat.postMessage', { status: 429, headers: { 'retry-after': '1' } });
    const strict = new webApi.WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, rejectRateLimitedCalls: true });
    await expect(strict.chat.postMessage({ channel: 'C1', text: 'x' }))
      .rejects.toMatchObject({ code: webApi.ErrorCode.RateLimitedError, retryAfter: 1 });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(3);
  });

  it('platform errors reject with slack_webapi_platform_error and are not retried; HTTP 500 is retried', async () => {
    const slack = await fake();
    const app = httpApp(slack);
    slack.script('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });

    const error = await app.client.chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(webApi.WebAPIPlatformError);
    expect(error).toMatchObject({ code: 'slack_webapi_platform_error', data: { ok: false, error: 'not_in_channel' } });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);

    slack.script('chat.postMessage', { status: 500, body: 'oops' }, 2);
    await expect(app.client.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(4);

    slack.script('users.info', { status: 500, body: 'oops' });
    const once = new webApi.WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    await expect(once.users.info({ user: 'U1' })).rejects.toMatchObject({ code: 'slack_webapi_http_error', statusCode: 500, body: 'oops' });
  });
});
