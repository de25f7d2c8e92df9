/**
 * A local stand-in for Discord (REST API v10 and the Gateway,
 * https://discord.com/developers/docs) so tests drive the real discord.js
 * Client over 127.0.0.1:
 *
 *   new Client({ intents, rest: { api: fake.apiUrl } }); await client.login(fake.token);
 *
 * discord.js fetches `GET /gateway/bot`, opens `<url>?v=10&encoding=json` on the
 * fake gateway (HELLO → IDENTIFY → READY, heartbeats acked), and then sees
 * whatever the test `dispatch`es (e.g. INTERACTION_CREATE). REST calls are
 * recorded and answered with realistic objects; any route can be scripted
 * (429 with retry-after, 403 50007, 500, slow, dropped connection).
 *
 * Gateway compression: discord.js 14 asks for `compress=zlib-stream` only when
 * the optional `zlib-sync` package is installed; the fake speaks both (one
 * deflate stream per connection, each payload ended by a sync flush).
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constants as zlibConstants, createDeflate, type Deflate } from 'node:zlib';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { waitForMatch } from './wait-for-match.ts';

/** `text`: the file's content read as UTF-8, for tests that check what a file says. */
export interface FakeDiscordFile { field: string; name: string; contentType: string; size: number; text: string }
export interface FakeDiscordRequest {
  method: string;
  /** Decoded, without the `/api/v10` prefix and the query, e.g. `/webhooks/1…/tok/messages/@original`. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON; for multipart bodies the parsed `payload_json` part; `undefined` when empty. */
  body: any;
  /** Uploaded files of a multipart body (empty otherwise). */
  files: FakeDiscordFile[];
  headers: IncomingHttpHeaders;
  at: number;
}
/**
 * `drop` ends the connection without an answer: 'close' (FIN; undici's `SocketError: other side
 * closed`, UND_ERR_SOCKET, which discord.js does not retry) or 'reset' (RST; ECONNRESET, which
 * discord.js retries up to `rest.retries` = 3 times before rejecting).
 */
export type FakeDiscordAnswer =
  | { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
  | { drop: 'close' | 'reset'; delayMs?: number };
export type FakeDiscordScript = FakeDiscordAnswer | ((request: FakeDiscordRequest) => FakeDiscordAnswer | Promise<FakeDiscordAnswer>);
export interface FakeGatewayPayload { op: number; d: any; at: number }
export interface FakeDiscordUser {
  id: string; username: string; discriminator: string; global_name: string | null; avatar: string | null; bot: true; flags: number;
}
/** A guild announced in READY (as unavailable) and then sent as GUILD_CREATE, so discord.js caches it. */
export interface FakeDiscordGuild { id: string; name?: string; [field: string]: unknown }
export interface FakeDiscordOptions {
  token?: string;
  /** Also the bot user's id (true for bots created in the developer portal). */
  applicationId?: string;
  botUser?: Partial<FakeDiscordUser>;
  guilds?: FakeDiscordGuild[];
  /** Sent in HELLO; default 45000 like Discord. */
  heartbeatIntervalMs?: number;
}
export interface FakeDiscord {
  /** For `rest: { api: fake.apiUrl }` (discord.js appends `/v10/...`). */
  apiUrl: string;
  /** What `GET /gateway/bot` answers; the client appends `?v=10&encoding=json`. */
  gatewayUrl: string;
  token: string;
  applicationId: string;
  botUser: FakeDiscordUser;
  /** Every REST request in arrival order (unauthorised and 404 ones included). */
  requests: FakeDiscordRequest[];
  requestsTo(method: string, path: string | RegExp): FakeDiscordRequest[];
  /** First request (existing or future) matching; rejects after timeoutMs (default 3000) listing the requests seen. */
  waitForRequest(method: string, path: string | RegExp, predicate?: (request: FakeDiscordRequest) => boolean, timeoutMs?: number): Promise<FakeDiscordRequest>;
  /**
   * Answer the next `times` (default 1) requests matching method and path (string: exact
   * path; RegExp: tested against the path) with `answer`; later scripts queue after earlier ones.
   */
  script(method: string, path: string | RegExp, answer: FakeDiscordScript, times?: number): void;
  /** What the fake answers when nothing is scripted (a message is created): for a script that lets a request through and then misbehaves. */
  answerDefault(request: FakeDiscordRequest): FakeDiscordAnswer;
  /** The messages in a channel now, oldest first: what its members see. */
  channelMessages(channelId: string): Record<string, any>[];
  /** Every payload clients sent to the gateway (IDENTIFY, heartbeats, presence updates…). */
  gatewayReceived: FakeGatewayPayload[];
  /** Query of each gateway connection, e.g. `{ v: '10', encoding: 'json' }`. */
  gatewayQueries: Record<string, string>[];
  /** Resolves with the `d` of the first IDENTIFY (existing or future); rejects after timeoutMs (default 3000). */
  identified(timeoutMs?: number): Promise<any>;
  /**
   * Send a dispatch (op 0, next `s`) to every identified connection; throws if there is none.
   * INTERACTION_CREATE payloads are remembered by token so callbacks and `@original` edits
   * answer with the interaction's channel and message.
   */
  dispatch(event: string, data: object): void;
  /** Terminates gateway connections and stops both servers; pending slow answers are cut short. */
  close(): Promise<void>;
}

const DISCORD_EPOCH = 1_420_070_400_000n;
const ID_BASE_MS = BigInt(Date.UTC(2025, 0, 1)); // fixed, so ids do not depend on the clock
const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;
const error = (status: number, message: string, code = 0): FakeDiscordAnswer => ({ status, body: { message, code } });
const NOT_FOUND = error(404, '404: Not Found');
const UNAUTHORIZED = error(401, '401: Unauthorized');
const json = (body: unknown, status = 200): FakeDiscordAnswer => ({ status, body });
const NO_CONTENT: FakeDiscordAnswer = { status: 204 };

type Message = Record<string, any> & { id: string; channel_id: string };
interface InteractionState {
  id: string; type: number; channelId: string; message?: Message; originalId?: string; acknowledged: boolean;
}
interface Connection { ws: WebSocket; seq: number; identified: boolean; sessionId: string; send(payload: object): void }
type Route = { method: string; pattern: RegExp; auth: boolean; handle: (params: string[], request: FakeDiscordRequest) => FakeDiscordAnswer };

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const applicationId = options.applicationId ?? '1457469483726667777';
  const botUser: FakeDiscordUser = {
    id: applicationId, username: 'ExampleBot', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0,
    ...options.botUser,
  };
  const token = options.token ?? `${Buffer.from(applicationId).toString('base64url')}.ZmFrZQ.fake-discord-token`;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 45_000;
  const guilds = options.guilds ?? [];
  const requests: FakeDiscordRequest[] = [];
  const gatewayReceived: FakeGatewayPayload[] = [];
  const gatewayQueries: Record<string, string>[] = [];
  const scripts: { method: string; path: string | RegExp; answer: FakeDiscordScript; left: number }[] = [];
  const onEvent = new Set<() => void>();
  const pendingDelays = new Set<() => void>();
  const connections = new Set<Connection>();
  const sessions = new Set<string>();
  const messages = new Map<string, Message>();
  const interactions = new Map<string, InteractionState>(); // by token
  const dmChannels = new Map<string, object>(); // by recipient id
  const commands = new Map<string, object[]>(); // by '' (global) or guild id
  let lastId = 0n;
  let lastSession = 0;

  const nextId = (): string => String(((ID_BASE_MS - DISCORD_EPOCH) << 22n) + ++lastId);
  const notify = (): void => { for (const check of [...onEvent]) check(); };
  const author = (): object => ({
    id: botUser.id, username: botUser.username, discriminator: botUser.discriminator,
    global_name: botUser.global_name, avatar: botUser.avatar, bot: true, public_flags: botUser.flags,
  });

  function createMessage(channelId: string, request: FakeDiscordRequest, extra: object = {}): Message {
    const body = request.body ?? {};
    const message: Message = {
      id: nextId(), type: 0, channel_id: channelId, author: author(),
      content: String(body.content ?? ''), embeds: [], components: [], attachments: [],
      mentions: [], mention_roles: [], mention_everyone: false, pinned: false, tts: Boolean(body.tts),
      timestamp: new Date().toISOString(), edited_timestamp: null, flags: 0,
      ...(body.nonce !== undefined && body.nonce !== null && { nonce: body.nonce }),
      ...(body.message_reference && { message_reference: { channel_id: channelId, ...body.message_reference } }),
      ...extra,
    };
    applyEdit(message, request, false);
    messages.set(message.id, message);
    return message;
  }

  function applyEdit(message: Message, request: FakeDiscordRequest, edited = true): Message {
    const body = request.body ?? {};
    if (body.content !== undefined) message.content = String(body.content ?? '');
    if (body.embeds !== undefined) message.embeds = (body.embeds ?? []).map((embed: object) => ({ type: 'rich', ...embed }));
    if (body.components !== undefined) message.components = body.components ?? [];
    if (body.flags !== undefined) message.flags = (message.flags & EPHEMERAL) | (Number(body.flags) & ~LOADING);
    else if (edited) message.flags &= ~LOADING;
    if (request.files.length > 0 || body.attachments !== undefined) {
      message.attachments = request.files.map((file, i) => ({
        id: nextId(), filename: file.name, size: file.size, content_type: file.contentType,
        url: `https://cdn.discordapp.com/attachments/${message.channel_id}/${i}/${file.name}`,
        proxy_url: `https://media.discordapp.net/attachments/${message.channel_id}/${i}/${file.name}`,
      }));
    }
    if (edited) message.edited_timestamp = new Date().toISOString();
    return message;
  }

  function remember(data: Record<string, any>): void {
    if (typeof data.token !== 'string') return;
    const channelId = String(data.channel?.id ?? data.channel_id ?? '0');
    const message: Message | undefined = data.message ? { channel_id: channelId, ...data.message } : undefined;
    if (message) messages.set(message.id, message);
    interactions.set(data.token, {
      id: String(data.id), type: Number(data.type), channelId, message, acknowledged: false,
    });
  }

  function interactionFor(id: string | undefined, interactionToken: string): InteractionState {
    let state = interactions.get(interactionToken);
    if (!state) {
      // An interaction the test did not dispatch (e.g. one posted to an HTTP endpoint): accept it.
      state = { id: id ?? nextId(), type: 2, channelId: '0', acknowledged: false };
      interactions.set(interactionToken, state);
    }
    return state;
  }

  function callback([id, interactionToken]: string[], request: FakeDiscordRequest): FakeDiscordAnswer {
    const state = interactionFor(id!, interactionToken!);
    if (state.id !== id) return error(404, 'Unknown interaction', 10062);
    if (state.acknowledged) return error(400, 'Interaction has already been acknowledged.', 40060);
    const type = Number(request.body?.type);
    const data = { body: request.body?.data ?? {}, files: request.files } as FakeDiscordRequest;
    const webhookExtra = { webhook_id: applicationId, application_id: applicationId };
    let message: Message | undefined;
    switch (type) {
      case 4: // CHANNEL_MESSAGE_WITH_SOURCE
        message = createMessage(state.channelId, data, webhookExtra);
        state.originalId = message.id;
        break;
      case 5: // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE: a "thinking…" message
        message = createMessage(state.channelId, data, webhookExtra);
        message.flags = (message.flags & EPHEMERAL) | LOADING;
        state.originalId = message.id;
        break;
      case 6: // DEFERRED_UPDATE_MESSAGE
      case 7: // UPDATE_MESSAGE: the original is the message the component sits on
        message = state.message ?? createMessage(state.channelId, { body: {}, files: [] } as unknown as FakeDiscordRequest);
        state.message = message;
        state.originalId = message.id;
        if (type === 7) applyEdit(message, data);
        break;
      case 1: case 8: case 9: case 10: case 12: break; // PONG, autocomplete, modal, premium, activity
      default: return error(400, 'Invalid Form Body', 50035);
    }
    state.acknowledged = true;
    if (request.query.with_response !== 'true') return NO_CONTENT;
    return json({
      interaction: {
        id: state.id, type: state.type,
        ...(message && {
          response_message_id: message.id,
          response_message_loading: type === 5,
          response_message_ephemeral: (message.flags & EPHEMERAL) !== 0,
        }),
      },
      resource: { type, ...(message && type !== 6 && { message }) },
    });
  }

  function webhookMessage([app, interactionToken, messageId]: string[], request: FakeDiscordRequest): FakeDiscordAnswer {
    if (app !== applicationId) return error(404, 'Unknown Webhook', 10015);
    const state = interactions.get(interactionToken!);
    const id = messageId === '@original' ? state?.originalId : messageId;
    const message = id === undefined ? undefined : messages.get(id);
    if (!message) return error(404, 'Unknown Message', 10008);
    if (request.method === 'DELETE') {
      messages.delete(message.id);
      return NO_CONTENT;
    }
    return json(request.method === 'PATCH' ? applyEdit(message, request) : message);
  }

  function followUp([app, interactionToken]: string[], request: FakeDiscordRequest): FakeDiscordAnswer {
    if (app !== applicationId) return error(404, 'Unknown Webhook', 10015);
    const state = interactions.get(interactionToken!);
    const message = createMessage(state?.channelId ?? '0', request, { webhook_id: applicationId, application_id: applicationId });
    return request.query.wait === 'true' ? json(message) : NO_CONTENT;
  }

  /**
   * `enforce_nonce`: "checked for uniqueness in the past few minutes" — a
   * second message with the nonce of one the bot created then is not made;
   * the first is returned. (Five minutes here; cphub counts on two.)
   */
  function sameNonce(body: Record<string, any> | undefined): Message | undefined {
    if (!body?.enforce_nonce || body.nonce === undefined || body.nonce === null) return undefined;
    return [...messages.values()].find((message) => message.nonce === body.nonce && Date.now() - Date.parse(String(message.timestamp)) < 5 * 60_000);
  }

  function channelMessage([channelId, messageId]: string[], request: FakeDiscordRequest): FakeDiscordAnswer {
    if (request.method === 'POST') return json(sameNonce(request.body) ?? createMessage(channelId!, request));
    const message = messages.get(messageId!);
    if (!message || message.channel_id !== channelId) return error(404, 'Unknown Message', 10008);
    if (request.method === 'DELETE') {
      messages.delete(message.id);
      return NO_CONTENT;
    }
    return json(applyEdit(message, request));
  }

  function openDm(request: FakeDiscordRequest): FakeDiscordAnswer {
    const recipientId = String(request.body?.recipient_id ?? '');
    if (!/^\d+$/.test(recipientId)) return error(400, 'Invalid Form Body', 50035);
    let channel = dmChannels.get(recipientId);
    if (!channel) {
      channel = {
        id: nextId(), type: 1, last_message_id: null, flags: 0,
        recipients: [{ id: recipientId, username: `user${recipientId.slice(-4)}`, discriminator: '0', global_name: null, avatar: null }],
      };
      dmChannels.set(recipientId, channel);
    }
    return json(channel);
  }

  function putCommands(guildId: string | undefined, request: FakeDiscordRequest): FakeDiscordAnswer {
    if (!Array.isArray(request.body)) return error(400, 'Invalid Form Body', 50035);
    const saved = request.body.map((command: Record<string, unknown>) => ({
      id: nextId(), application_id: applicationId, version: nextId(), type: 1, default_member_permissions: null, nsfw: false,
      description: '', ...(guildId !== undefined && { guild_id: guildId }), ...command,
    }));
    commands.set(guildId ?? '', saved);
    return json(saved);
  }

  const forApp = (handle: (guildId: string | undefined, request: FakeDiscordRequest) => FakeDiscordAnswer) =>
    ([app, guildId]: string[], request: FakeDiscordRequest): FakeDiscordAnswer =>
      app === applicationId || app === '@me' ? handle(guildId, request) : error(403, 'Missing Access', 50001);

  const routes: Route[] = [
    { method: 'GET', pattern: /^\/gateway\/bot$/, auth: true, handle: () => json({
      url: gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
    }) },
    { method: 'GET', pattern: /^\/gateway$/, auth: false, handle: () => json({ url: gatewayUrl }) },
    { method: 'GET', pattern: /^\/users\/@me$/, auth: true, handle: () => json(botUser) },
    { method: 'GET', pattern: /^\/applications\/@me$/, auth: true, handle: () => json({
      id: applicationId, name: botUser.username, description: '', icon: null, bot_public: true, bot_require_code_grant: false,
      verify_key: 'fake', flags: 0, bot: author(),
    }) },
    { method: 'POST', pattern: /^\/users\/@me\/channels$/, auth: true, handle: (_, request) => openDm(request) },
    { method: 'POST', pattern: /^\/channels\/(\w+)\/messages$/, auth: true, handle: channelMessage },
    { method: 'PATCH', pattern: /^\/channels\/(\w+)\/messages\/(\w+)$/, auth: true, handle: channelMessage },
    { method: 'DELETE', pattern: /^\/channels\/(\w+)\/messages\/(\w+)$/, auth: true, handle: channelMessage },
    { method: 'POST', pattern: /^\/interactions\/([^/]+)\/([^/]+)\/callback$/, auth: false, handle: callback },
    { method: 'POST', pattern: /^\/webhooks\/(\w+)\/([^/]+)$/, auth: false, handle: followUp },
    ...['GET', 'PATCH', 'DELETE'].map((method): Route => (
      { method, pattern: /^\/webhooks\/(\w+)\/([^/]+)\/messages\/(@original|\w+)$/, auth: false, handle: webhookMessage })),
    { method: 'PUT', pattern: /^\/applications\/([^/]+)\/commands$/, auth: true, handle: forApp((_, request) => putCommands(undefined, request)) },
    { method: 'PUT', pattern: /^\/applications\/([^/]+)\/guilds\/(\d+)\/commands$/, auth: true, handle: forApp(putCommands) },
    { method: 'GET', pattern: /^\/applications\/([^/]+)\/commands$/, auth: true, handle: forApp(() => json(commands.get('') ?? [])) },
    { method: 'GET', pattern: /^\/applications\/([^/]+)\/guilds\/(\d+)\/commands$/, auth: true,
      handle: forApp((guildId) => json(commands.get(guildId!) ?? [])) },
  ];

  function takeScript(request: FakeDiscordRequest): FakeDiscordScript | undefined {
    const index = scripts.findIndex((s) => matches(request, s.method, s.path));
    const next = scripts[index];
    if (!next) return undefined;
    if (--next.left <= 0) scripts.splice(index, 1);
    return next.answer;
  }

  function defaultAnswer(request: FakeDiscordRequest): FakeDiscordAnswer {
    for (const route of routes) {
      const match = route.method === request.method ? route.pattern.exec(request.path) : null;
      if (!match) continue;
      if (route.auth && request.headers.authorization !== `Bot ${token}`) return UNAUTHORIZED;
      return route.handle(match.slice(1), request);
    }
    return NOT_FOUND;
  }

  function delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => { clearTimeout(timer); pendingDelays.delete(done); resolve(); };
      const timer = setTimeout(done, ms);
      pendingDelays.add(done);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const prefix = /^\/api(?:\/v\d+)?(?=\/)/.exec(url.pathname);
    const { body, files, invalid } = await readBody(req);
    const request: FakeDiscordRequest = {
      method: req.method ?? 'GET', path: decodePath(prefix ? url.pathname.slice(prefix[0].length) : url.pathname),
      query: Object.fromEntries(url.searchParams), body, files, headers: req.headers, at: Date.now(),
    };
    requests.push(request);
    notify();
    const scripted = takeScript(request);
    const answer = !prefix ? NOT_FOUND
      : invalid ? error(400, 'The request body contains invalid JSON.', 50109)
      : scripted === undefined ? defaultAnswer(request)
      : typeof scripted === 'function' ? await scripted(request) : scripted;
    if (answer.delayMs) await delay(answer.delayMs);
    if ('drop' in answer) {
      if (answer.drop === 'reset') req.socket.resetAndDestroy();
      else res.destroy();
      return;
    }
    send(res, answer);
  }

  function waitUntil<T>(found: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return waitForMatch(found, onEvent, timeoutMs, () => `fake Discord: no ${what} within ${timeoutMs} ms; requests seen:\n${describeRequests(requests)}`);
  }


  // Gateway

  function connect(ws: WebSocket, req: IncomingMessage): void {
    const query = Object.fromEntries(new URL(req.url ?? '/', 'http://127.0.0.1').searchParams);
    gatewayQueries.push(query);
    const connection: Connection = {
      ws, seq: 0, identified: false, sessionId: '',
      send: query.compress === 'zlib-stream' ? zlibStreamSender(ws) : (payload) => ws.send(JSON.stringify(payload)),
    };
    connections.add(connection);
    ws.on('close', () => connections.delete(connection));
    if ((query.encoding ?? 'json') !== 'json') {
      ws.close(4002, 'Error while decoding payload.'); // only JSON here, no ETF
      return;
    }
    ws.on('message', (raw, isBinary) => receive(connection, raw, isBinary));
    connection.send({ op: 10, d: { heartbeat_interval: heartbeatIntervalMs }, s: null, t: null });
  }

  function sendDispatch(connection: Connection, t: string, d: unknown): void {
    connection.send({ op: 0, t, s: ++connection.seq, d });
  }

  function receive(connection: Connection, raw: RawData, isBinary: boolean): void {
    let payload: { op?: unknown; d?: any };
    try {
      payload = JSON.parse(isBinary ? Buffer.from(raw as Buffer).toString('utf8') : String(raw));
    } catch {
      connection.ws.close(4002, 'Error while decoding payload.');
      return;
    }
    gatewayReceived.push({ op: Number(payload.op), d: payload.d, at: Date.now() });
    notify();
    switch (payload.op) {
      case 1: // HEARTBEAT
        connection.send({ op: 11, d: null, s: null, t: null });
        return;
      case 2: // IDENTIFY
        if (payload.d?.token !== token) return connection.ws.close(4004, 'Authentication failed.');
        if (connection.identified) return connection.ws.close(4005, 'Already authenticated.');
        connection.identified = true;
        connection.sessionId = `fake-session-${++lastSession}`;
        sessions.add(connection.sessionId);
        sendDispatch(connection, 'READY', {
          v: 10, user: { ...botUser, verified: true, mfa_enabled: false }, guilds: guilds.map(({ id }) => ({ id, unavailable: true })),
          session_id: connection.sessionId, resume_gateway_url: gatewayUrl, shard: payload.d?.shard ?? [0, 1],
          application: { id: applicationId, flags: 0 }, private_channels: [], relationships: [], user_settings: {},
          presences: [], guild_join_requests: [], geo_ordered_rtc_regions: [],
        });
        for (const guild of guilds) sendDispatch(connection, 'GUILD_CREATE', guildCreate(guild));
        return;
      case 6: // RESUME
        if (payload.d?.token !== token) return connection.ws.close(4004, 'Authentication failed.');
        if (!sessions.has(payload.d?.session_id)) return connection.send({ op: 9, d: false, s: null, t: null });
        connection.identified = true;
        connection.sessionId = payload.d.session_id;
        connection.seq = Number(payload.d.seq ?? 0);
        sendDispatch(connection, 'RESUMED', {});
        return;
      default: // presence/voice updates, member requests…: recorded only
        if (!connection.identified) connection.ws.close(4003, 'Not authenticated.');
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, error(500, `500: fake failed: ${String(e)}`)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => { wss.once('listening', resolve); wss.once('error', reject); });
  wss.on('connection', connect);
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  const gatewayUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;

  return {
    apiUrl,
    gatewayUrl,
    token,
    applicationId,
    botUser,
    requests,
    requestsTo: (method, path) => requests.filter((r) => matches(r, method, path)),
    waitForRequest: (method, path, predicate = () => true, timeoutMs = 3000) =>
      waitUntil(() => requests.find((r) => matches(r, method, path) && predicate(r)), timeoutMs, `${method} ${String(path)} matching`),
    script(method, path, answer, times = 1) {
      scripts.push({ method, path, answer, left: times });
    },
    answerDefault: defaultAnswer,
    channelMessages: (channelId) => [...messages.values()].filter((message) => message.channel_id === channelId),
    gatewayReceived,
    gatewayQueries,
    identified: (timeoutMs = 3000) =>
      waitUntil(() => gatewayReceived.find((p) => p.op === 2)?.d, timeoutMs, 'gateway IDENTIFY'),
    dispatch(event, data) {
      const ready = [...connections].filter((c) => c.identified && c.ws.readyState === WebSocket.OPEN);
      if (ready.length === 0) throw new Error(`fake Discord: no identified gateway connection to dispatch ${event} to`);
      if (event === 'INTERACTION_CREATE') remember(data as Record<string, any>);
      for (const connection of ready) sendDispatch(connection, event, data);
    },
    async close() {
      for (const done of [...pendingDelays]) done();
      for (const client of wss.clients) client.terminate();
      const wsClosed = new Promise<void>((resolve) => wss.close(() => resolve()));
      const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([wsClosed, httpClosed]);
    },
  };
}

function guildCreate(guild: FakeDiscordGuild): object {
  return {
    name: `Guild ${guild.id}`, icon: null, owner_id: '0', afk_channel_id: null, afk_timeout: 300, verification_level: 0,
    default_message_notifications: 0, explicit_content_filter: 0, roles: [], emojis: [], stickers: [], features: [],
    mfa_level: 0, system_channel_id: null, system_channel_flags: 0, rules_channel_id: null, vanity_url_code: null,
    description: null, banner: null, premium_tier: 0, preferred_locale: 'en-US', nsfw_level: 0, premium_progress_bar_enabled: false,
    joined_at: new Date().toISOString(), large: false, unavailable: false, member_count: 1,
    voice_states: [], members: [], channels: [], threads: [], presences: [], stage_instances: [], guild_scheduled_events: [],
    ...guild,
  };
}

/** One deflate context per connection; each payload is ended by a sync flush (`00 00 ff ff`), as Discord does. */
function zlibStreamSender(ws: WebSocket): (payload: object) => void {
  const deflate: Deflate = createDeflate();
  let chain = Promise.resolve();
  return (payload) => {
    chain = chain.then(() => new Promise<void>((resolve) => {
      const chunks: Buffer[] = [];
      const collect = (chunk: Buffer): void => { chunks.push(chunk); };
      deflate.on('data', collect);
      deflate.write(JSON.stringify(payload));
      deflate.flush(zlibConstants.Z_SYNC_FLUSH, () => {
        deflate.off('data', collect);
        if (ws.readyState === WebSocket.OPEN) ws.send(Buffer.concat(chunks));
        resolve();
      });
    }));
  };
}

/** discord.js sends `@original` as `%40original`; paths are recorded and matched decoded. */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function matches(request: FakeDiscordRequest, method: string, path: string | RegExp): boolean {
  if (request.method !== method.toUpperCase()) return false;
  return typeof path === 'string' ? request.path === path : path.test(request.path);
}

async function readBody(req: IncomingMessage): Promise<{ body: any; files: FakeDiscordFile[]; invalid?: true }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { body: undefined, files: [] };
  try {
    return await parseBody(raw, type);
  } catch {
    return { body: raw.toString('utf8'), files: [], invalid: true };
  }
}

async function parseBody(raw: Buffer, type: string): Promise<{ body: any; files: FakeDiscordFile[] }> {
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
    const files: FakeDiscordFile[] = [];
    let body: any;
    for (const [field, value] of form) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        files.push({ field, name: value.name, contentType: value.type, size: value.size, text: await value.text() });
      }
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  if (!type.includes('application/json')) return { body: text, files: [] };
  return { body: JSON.parse(text), files: [] };
}

function send(res: ServerResponse, answer: FakeDiscordAnswer): void {
  if (res.writableEnded || res.destroyed || 'drop' in answer) return; // the client gave up (abort, timeout)
  const headers = { ...answer.headers };
  if (answer.body === undefined || answer.status === 204) {
    res.writeHead(answer.status, headers).end();
    return;
  }
  res.writeHead(answer.status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(answer.body));
}

function describeRequests(requests: FakeDiscordRequest[]): string {
  if (requests.length === 0) return '  (none)';
  return requests
    .map((r) => `  ${r.method} ${r.path}${Object.keys(r.query).length ? `?${new URLSearchParams(r.query)}` : ''} ${JSON.stringify(r.body ?? null).slice(0, 160)}`)
    .join('\n');
}
