/**
 * A local stand-in for Slack (Web API, Socket Mode, response_url) so tests
 * drive the real Bolt `App` (@slack/bolt 5, @slack/web-api 8,
 * @slack/socket-mode 3) over 127.0.0.1.
 *
 *   const fake = await startFakeSlack();
 *   // Web API + HTTP mode (inbound requests: signSlackRequest + postToBolt):
 *   new App({ token: fake.botToken, botId: fake.botId, botUserId: fake.botUserId, signingSecret: fake.signingSecret,
 *             clientOptions: { slackApiUrl: fake.apiUrl } });
 *   // Socket Mode; the App hands `clientOptions` to its SocketModeReceiver, so apps.connections.open
 *   // (sent with the app token) reaches the fake too:
 *   new App({ token: fake.botToken, appToken: fake.appToken, socketMode: true, clientOptions: { slackApiUrl: fake.apiUrl } });
 *   // Socket Mode that reconnects within a test (see socketModeReceiverFor):
 *   new App({ token: fake.botToken, receiver: socketModeReceiverFor(fake), clientOptions: { slackApiUrl: fake.apiUrl } });
 *
 * Web API (`POST /api/<method>`): @slack/web-api 8 sends every call as
 * `application/x-www-form-urlencoded` (objects and arrays JSON-encoded, booleans and numbers
 * as strings) with the token in `Authorization: Bearer …` (a per-call `token` option goes in
 * the header *and* the body), or multipart when a Buffer is among the arguments. JSON bodies
 * are read too. Calls are recorded with `blocks`, `attachments`, `view`, … parsed back into
 * objects (JSON_FIELDS); other values stay as sent (so `'true'`, `'1'`). Tokens are checked
 * like Slack does: `not_authed` without one, `invalid_auth` for an unknown one,
 * `not_allowed_token_type` for the app token on a bot method or the bot token on
 * `apps.connections.open`. Platform errors answer HTTP 200 with `{ ok: false, error }`, as
 * Slack does; `script()` can answer anything (429 + `Retry-After`, 500, slow).
 *
 * Defaults: `ts` values count up from `1700000000.000001`. `chat.postEphemeral` answers
 * `{ ok, message_ts }` and `chat.update` keeps the message's `ts` (as Slack does).
 * `users.info` carries `locale` only when asked with `include_locale=true` (as Slack does).
 * Methods not listed in `defaultAnswer` answer `{ ok: false, error: 'unknown_method' }`:
 * script them.
 *
 * File uploads (files.uploadV2 in @slack/web-api is three steps): `files.getUploadURLExternal`
 * answers `upload_url` `http://127.0.0.1:PORT/upload/<file_id>`; the POST of the file's bytes
 * there is recorded as method `file_upload` (params as sent, a multipart file part as
 * `{ name, size, text }`, plus `{ _id }`); `files.completeUploadExternal` answers the files.
 *
 * response_url: `fake.responseUrl(id)` is `http://127.0.0.1:PORT/response/<id>`; POSTs to it
 * are recorded as calls to method `response_url` with the JSON body plus `{ _id }`, and
 * answered `{ ok: true }` (scriptable under the method name `response_url`).
 *
 * Socket Mode: `apps.connections.open` answers `ws://127.0.0.1:WSPORT/link?ticket=…&app_id=…`;
 * a ticket opens one connection (the client fetches a fresh URL for every reconnect; an
 * unknown or used ticket is refused with 401). Each connection gets `hello`; the fake does not
 * ping (socket-mode starts its server-ping watchdog only after a first ping) and `ws` answers
 * the client's pings with pongs. `sendEnvelope` writes to the newest open connection and
 * resolves with the client's ack `{ envelope_id, payload }` (socket-mode always sends
 * `payload`, `{}` for a bare `ack()`). `disconnect()` sends
 * `{ type: 'disconnect', reason: 'refresh_requested' }`: the client closes the socket, waits
 * `clientPingTimeout` ms (default 5000!) and calls apps.connections.open again.
 *
 * Stop the App before `close()`: a Socket Mode client that loses the fake keeps retrying
 * apps.connections.open in the background.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LogLevel, SocketModeReceiver, type SocketModeReceiverOptions } from '@slack/bolt';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { waitForMatch } from './wait-for-match.ts';

export interface FakeSlackCall {
  /** Web API method (`chat.postMessage`), or `response_url` for POSTs to `responseUrl(id)`. */
  method: string;
  /** Parsed body (plus query); JSON_FIELDS parsed to objects; response_url calls add `_id`. */
  params: Record<string, any>;
  /** From `Authorization: Bearer …`, else the `token` param. */
  token?: string;
  contentType?: string;
  at: number;
}
/** `body` defaults to the method's default answer for status 200, `{ ok: false, error: 'ratelimited' }` for 429, nothing otherwise. */
export interface FakeSlackAnswer { status?: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
export type FakeSlackScript = FakeSlackAnswer | ((call: FakeSlackCall) => FakeSlackAnswer | Promise<FakeSlackAnswer>);
export type FakeSlackEnvelopeType = 'slash_commands' | 'events_api' | 'interactive';
export interface FakeSlackEnvelopeOptions {
  /** Default: a fresh UUID. Reuse one to redeliver. */
  envelopeId?: string;
  /** events_api envelopes carry `retry_attempt: 0, retry_reason: ''` unless given. */
  retryAttempt?: number;
  retryReason?: string;
  /** Default: true for slash_commands and interactive, false for events_api (as Slack sends them). */
  acceptsResponsePayload?: boolean;
  /** How long to wait for the ack; default 3000 (Slack's own limit). */
  timeoutMs?: number;
}
export interface FakeSlackAck { envelope_id: string; payload?: unknown; at: number; /** 1-based, in order of connection. */ connection: number }
export interface FakeSlackOptions {
  botToken?: string;
  appToken?: string;
  signingSecret?: string;
  botUserId?: string;
  botId?: string;
  teamId?: string;
  appId?: string;
  /** Extra fields for `users.info` answers, by user id. */
  users?: Record<string, Record<string, unknown>>;
}
export interface FakeSlack {
  /** For `clientOptions: { slackApiUrl }`: `http://127.0.0.1:PORT/api/` (with the trailing slash). */
  apiUrl: string;
  /** `ws://127.0.0.1:WSPORT/link` (connect with a ticket from apps.connections.open). */
  socketUrl: string;
  botToken: string;
  appToken: string;
  signingSecret: string;
  botUserId: string;
  botId: string;
  teamId: string;
  appId: string;
  /** Every Web API and response_url call in arrival order (refused ones included). */
  calls: FakeSlackCall[];
  callsTo(method: string): FakeSlackCall[];
  /** First call (existing or future) matching; rejects after timeoutMs (default 3000) listing the calls seen. */
  waitForCall(method: string, predicate?: (call: FakeSlackCall) => boolean, timeoutMs?: number): Promise<FakeSlackCall>;
  waitForCalls(method: string, n: number, timeoutMs?: number): Promise<FakeSlackCall[]>;
  /** Answer the next `times` (default 1) calls of `method`; later scripts queue after earlier ones. Tokens are checked first. */
  script(method: string, answer: FakeSlackScript, times?: number): void;
  /** What the fake answers when nothing is scripted (chat.postMessage: the message is posted): for a script that lets a call through and then misbehaves. */
  answerDefault(call: FakeSlackCall): unknown;
  /** The messages chat.postMessage put in a channel, oldest first: what its members see. */
  channelMessages(channel: string): Record<string, unknown>[];
  responseUrl(id: string): string;
  /** Send an envelope on the newest open Socket Mode connection; resolves with its ack, rejects after `timeoutMs`. */
  sendEnvelope(type: FakeSlackEnvelopeType, payload: object, options?: FakeSlackEnvelopeOptions): Promise<FakeSlackAck>;
  /** Every ack (any client message with an `envelope_id`), in arrival order. */
  acks: FakeSlackAck[];
  /**
   * Make open connections go away: 'message' (default) sends `{ type: 'disconnect', reason }` and
   * lets the client close; 'close' closes the socket (1001); 'terminate' drops it (the client logs an error).
   * Throws when none is open.
   */
  disconnect(reason?: string, how?: 'message' | 'close' | 'terminate'): void;
  /** Socket Mode connections accepted so far. */
  connections(): number;
  /** Socket Mode connections open now. */
  openConnections(): number;
  /** Resolves once `n` connections were accepted and the newest is open; rejects after timeoutMs (default 3000). */
  waitForConnections(n: number, timeoutMs?: number): Promise<void>;
  /** Closes open sockets (close frame, dropped after 100 ms), cuts scripted delays short, stops both servers. */
  close(): Promise<void>;
}

/** Form fields web-api JSON-encodes that tests want as objects. */
const JSON_FIELDS = ['blocks', 'attachments', 'view', 'metadata', 'unfurls', 'user_auth_blocks', 'options', 'option_groups', 'files'];
const APP_TOKEN_METHODS = new Set(['apps.connections.open']);

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const botToken = options.botToken ?? 'xoxb-1111-2222-fakebottoken';
  const appToken = options.appToken ?? 'xapp-1-A00FAKEAPP01-3333-fakeapptoken';
  const signingSecret = options.signingSecret ?? 'fake-signing-secret';
  const botUserId = options.botUserId ?? 'U00FAKEBOT01';
  const botId = options.botId ?? 'B00FAKEBOT01';
  const teamId = options.teamId ?? 'T00FAKE00AA';
  const appId = options.appId ?? 'A00FAKEAPP01';
  const calls: FakeSlackCall[] = [];
  const acks: FakeSlackAck[] = [];
  const scripts = new Map<string, { answer: FakeSlackScript; left: number }[]>();
  const onEvent = new Set<() => void>();
  const pendingDelays = new Set<() => void>();
  const tickets = new Set<string>();
  const dmChannels = new Map<string, string>();
  /** Posted messages per channel, with when they arrived (the fake's ts are counters, not times). */
  const posted = new Map<string, { at: number; message: Record<string, unknown> }[]>();
  const sockets: { ws: WebSocket; index: number }[] = [];
  let lastTs = 0;
  let lastId = 0;
  let accepted = 0;
  let uploads = 0;

  const notify = (): void => { for (const check of [...onEvent]) check(); };
  const nextTs = (): string => `1700000000.${String(++lastTs).padStart(6, '0')}`;
  const nextId = (prefix: string): string => `${prefix}00FAKE${String(++lastId).padStart(4, '0')}`;

  function takeScript(method: string): FakeSlackScript | undefined {
    const queue = scripts.get(method);
    const next = queue?.[0];
    if (!queue || !next) return undefined;
    if (--next.left <= 0) queue.shift();
    return next.answer;
  }

  function authError({ method, token }: FakeSlackCall): string | undefined {
    // response_url and the upload URL carry their secret in the URL, as Slack's do.
    if (method === 'response_url' || method === 'file_upload') return undefined;
    if (!token) return 'not_authed';
    const wanted = APP_TOKEN_METHODS.has(method) ? appToken : botToken;
    if (token === wanted) return undefined;
    return token === botToken || token === appToken ? 'not_allowed_token_type' : 'invalid_auth';
  }

  function botMessage(params: Record<string, any>, ts: string): Record<string, unknown> {
    return {
      type: 'message', user: botUserId, bot_id: botId, app_id: appId, team: teamId, ts,
      text: String(params.text ?? ''),
      ...(params.blocks !== undefined && { blocks: params.blocks }),
      ...(params.attachments !== undefined && { attachments: params.attachments }),
      ...(params.thread_ts !== undefined && { thread_ts: String(params.thread_ts), parent_user_id: botUserId }),
      ...(params.metadata !== undefined && { metadata: params.metadata }),
    };
  }

  function user(id: string, params: Record<string, any>): Record<string, unknown> {
    const withLocale = ['true', '1'].includes(String(params.include_locale));
    return {
      id, team_id: teamId, name: `user-${id.toLowerCase()}`, deleted: false, real_name: 'Example User',
      tz: 'Europe/Belgrade', tz_label: 'Central European Time', tz_offset: 3600,
      is_bot: id === botUserId, is_admin: false, is_owner: false, is_app_user: false, updated: 1700000000,
      profile: { real_name: 'Example User', display_name: '', team: teamId },
      ...(withLocale && { locale: 'hr-HR' }),
      ...options.users?.[id],
    };
  }

  function view(params: Record<string, any>): Record<string, unknown> {
    const given = (params.view ?? {}) as Record<string, unknown>;
    const id = String(params.view_id ?? nextId('V'));
    return {
      id, team_id: teamId, type: 'home', blocks: [], private_metadata: '', callback_id: '', state: { values: {} },
      hash: `${Date.now()}.fakehash`, title: null, close: null, submit: null, clear_on_close: false, notify_on_close: false,
      previous_view_id: null, root_view_id: id, app_id: appId, external_id: '', app_installed_team_id: teamId, bot_id: botId,
      ...given,
    };
  }

  /**
   * conversations.history, newest first, after `oldest` (compared with when a
   * message arrived); metadata only with include_all_metadata, as Slack does.
   * https://api.slack.com/methods/conversations.history
   */
  function history(params: Record<string, any>): Record<string, unknown> {
    const oldestMs = params.oldest === undefined ? 0 : Number(params.oldest) * 1000;
    const withMetadata = ['true', '1'].includes(String(params.include_all_metadata));
    const messages = (posted.get(String(params.channel)) ?? []).filter((entry) => entry.at > oldestMs).reverse()
      .slice(0, Number(params.limit ?? 100))
      .map(({ message }) => (withMetadata ? message : Object.fromEntries(Object.entries(message).filter(([key]) => key !== 'metadata'))));
    return { ok: true, messages, has_more: false };
  }

  function openDm(users: string): Record<string, unknown> {
    const existing = dmChannels.get(users);
    const id = existing ?? `D${users.replace(/\W/g, '').slice(1, 11).toUpperCase()}${dmChannels.size}`;
    dmChannels.set(users, id);
    return { ok: true, ...(existing && { no_op: true, already_open: true }), channel: { id } };
  }

  function defaultAnswer({ method, params }: FakeSlackCall): unknown {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://test.slack.com/', team: 'Test', user: 'cphub', team_id: teamId, user_id: botUserId, bot_id: botId, is_enterprise_install: false };
      case 'chat.postMessage': {
        const ts = nextTs();
        const message = botMessage(params, ts);
        posted.set(String(params.channel), [...(posted.get(String(params.channel)) ?? []), { at: Date.now(), message }]);
        return { ok: true, channel: String(params.channel), ts, message };
      }
      case 'conversations.history': return history(params);
      case 'chat.update': {
        const ts = String(params.ts);
        return { ok: true, channel: String(params.channel), ts, text: String(params.text ?? ''),
          message: { ...botMessage(params, ts), edited: { user: botUserId, ts: nextTs() } } };
      }
      case 'chat.postEphemeral': return { ok: true, message_ts: nextTs() };
      case 'chat.delete': return { ok: true, channel: String(params.channel), ts: String(params.ts) };
      case 'conversations.open': return params.users ? openDm(String(params.users)) : { ok: false, error: 'users_list_not_supplied' };
      case 'users.info':
        return /^[UW]/.test(String(params.user ?? '')) ? { ok: true, user: user(String(params.user), params) } : { ok: false, error: 'user_not_found' };
      case 'views.publish': case 'views.open': case 'views.update': case 'views.push':
        return { ok: true, view: view(params) };
      case 'reactions.add': case 'reactions.remove': return { ok: true };
      case 'apps.connections.open': {
        const ticket = randomUUID();
        tickets.add(ticket);
        return { ok: true, url: `${socketUrl}?ticket=${ticket}&app_id=${appId}` };
      }
      case 'response_url': case 'file_upload': return { ok: true };
      case 'files.getUploadURLExternal': {
        const fileId = `F${String(++uploads).padStart(10, '0')}`;
        return { ok: true, file_id: fileId, upload_url: `http://127.0.0.1:${apiPort}/upload/${fileId}` };
      }
      case 'files.completeUploadExternal': {
        const files = Array.isArray(params.files) ? params.files : [];
        return { ok: true, files: files.map((file: { id: string; title?: string }) => ({ id: file.id, title: file.title ?? '' })) };
      }
      default: return { ok: false, error: 'unknown_method', req_method: method };
    }
  }

  function delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => { clearTimeout(timer); pendingDelays.delete(done); resolve(); };
      const timer = setTimeout(done, ms);
      pendingDelays.add(done);
    });
  }

  async function answerFor(call: FakeSlackCall): Promise<FakeSlackAnswer> {
    const refused = authError(call);
    if (refused) return { body: { ok: false, error: refused } };
    const scripted = takeScript(call.method);
    const answer = scripted === undefined ? {} : typeof scripted === 'function' ? await scripted(call) : scripted;
    const status = answer.status ?? 200;
    if (answer.body !== undefined) return answer;
    if (status === 200) return { ...answer, body: defaultAnswer(call) };
    if (status === 429) return { ...answer, body: { ok: false, error: 'ratelimited' } };
    return answer;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const api = /^\/api\/([\w.]+)$/.exec(url.pathname);
    const response = /^\/response\/([^/]+)$/.exec(url.pathname);
    const upload = /^\/upload\/([^/]+)$/.exec(url.pathname);
    if (!api && !response && !upload) return send(res, { status: 404, body: 'Not Found' });
    const contentType = req.headers['content-type'];
    const params = await readParams(req, url);
    if (!params) return send(res, { body: { ok: false, error: 'invalid_json' } });
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const call: FakeSlackCall = api
      ? { method: api[1]!, params, token: bearer ?? (typeof params.token === 'string' ? params.token : undefined), contentType, at: Date.now() }
      : upload
        ? { method: 'file_upload', params: { ...params, _id: upload[1]! }, contentType, at: Date.now() }
        : { method: 'response_url', params: { ...params, _id: decodeURIComponent(response![1]!) }, contentType, at: Date.now() };
    calls.push(call);
    notify();
    const answer = await answerFor(call);
    if (answer.delayMs) await delay(answer.delayMs);
    send(res, answer);
  }

  function waitUntil<T>(found: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return waitForMatch(found, onEvent, timeoutMs, () =>
      `fake Slack: no ${what} within ${timeoutMs} ms; calls seen:\n${describeCalls(calls)}\nacks seen:\n${describeAcks(acks)}\n`
      + `connections: ${accepted} accepted, ${openSockets().length} open`);
  }


  // Socket Mode

  const openSockets = (): { ws: WebSocket; index: number }[] => sockets.filter((s) => s.ws.readyState === WebSocket.OPEN);

  function connect(ws: WebSocket): void {
    const socket = { ws, index: ++accepted };
    sockets.push(socket);
    ws.on('message', (raw, isBinary) => receive(socket.index, raw, isBinary));
    ws.on('close', notify);
    ws.send(JSON.stringify({
      type: 'hello', num_connections: openSockets().length,
      debug_info: { host: 'fake', build_number: 1, approximate_connection_time: 18060 },
      connection_info: { app_id: appId },
    }));
    notify();
  }

  function receive(connection: number, raw: RawData, isBinary: boolean): void {
    let message: { envelope_id?: unknown; payload?: unknown };
    try {
      message = JSON.parse(isBinary ? Buffer.from(raw as Buffer).toString('utf8') : String(raw));
    } catch {
      return; // Slack ignores what it cannot read; the envelope then times out
    }
    if (typeof message.envelope_id !== 'string') return;
    acks.push({ envelope_id: message.envelope_id, ...('payload' in message && { payload: message.payload }), at: Date.now(), connection });
    notify();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, { status: 500, body: { ok: false, error: `fake_failed: ${String(error)}` } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const wss = new WebSocketServer({
    host: '127.0.0.1', port: 0, path: '/link',
    verifyClient: ({ req }: { req: IncomingMessage }, done: (ok: boolean, code?: number, message?: string) => void) => {
      const ticket = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('ticket') ?? '';
      if (!tickets.delete(ticket)) return done(false, 401, 'Unauthorized');
      done(true);
    },
  });
  await new Promise<void>((resolve, reject) => { wss.once('listening', resolve); wss.once('error', reject); });
  wss.on('connection', connect);
  const apiPort = (server.address() as AddressInfo).port;
  const socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;

  return {
    apiUrl: `http://127.0.0.1:${apiPort}/api/`,
    socketUrl,
    botToken, appToken, signingSecret, botUserId, botId, teamId, appId,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    waitForCall: (method, predicate = () => true, timeoutMs = 3000) =>
      waitUntil(() => calls.find((call) => call.method === method && predicate(call)), timeoutMs, `${method} call matching`),
    waitForCalls(method, n, timeoutMs = 3000) {
      const enough = (): FakeSlackCall[] | undefined => {
        const found = calls.filter((call) => call.method === method);
        return found.length >= n ? found : undefined;
      };
      return waitUntil(enough, timeoutMs, `${n} ${method} calls`);
    },
    script(method, answer, times = 1) {
      const queue = scripts.get(method) ?? [];
      queue.push({ answer, left: times });
      scripts.set(method, queue);
    },
    answerDefault: defaultAnswer,
    channelMessages: (channel) => (posted.get(channel) ?? []).map((entry) => entry.message),
    responseUrl: (id) => `http://127.0.0.1:${apiPort}/response/${encodeURIComponent(id)}`,
    sendEnvelope(type, payload, envelopeOptions = {}) {
      const socket = openSockets().at(-1);
      if (!socket) return Promise.reject(new Error(`fake Slack: no open Socket Mode connection to send a ${type} envelope on`));
      const envelopeId = envelopeOptions.envelopeId ?? randomUUID();
      const retry = type === 'events_api' || envelopeOptions.retryAttempt !== undefined;
      const envelope = {
        envelope_id: envelopeId, payload, type,
        accepts_response_payload: envelopeOptions.acceptsResponsePayload ?? type !== 'events_api',
        ...(retry && { retry_attempt: envelopeOptions.retryAttempt ?? 0, retry_reason: envelopeOptions.retryReason ?? '' }),
      };
      const from = acks.length; // a redelivered envelope wants a new ack
      socket.ws.send(JSON.stringify(envelope));
      return waitUntil(() => acks.slice(from).find((ack) => ack.envelope_id === envelopeId),
        envelopeOptions.timeoutMs ?? 3000, `ack of ${type} envelope ${envelopeId}`);
    },
    acks,
    disconnect(reason = 'refresh_requested', how = 'message') {
      const open = openSockets();
      if (open.length === 0) throw new Error('fake Slack: no open Socket Mode connection to disconnect');
      for (const { ws } of open) {
        if (how === 'terminate') ws.terminate();
        else if (how === 'close') ws.close(1001, reason);
        else ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake' } }));
      }
    },
    connections: () => accepted,
    openConnections: () => openSockets().length,
    waitForConnections: (n, timeoutMs = 3000) =>
      waitUntil(() => (accepted >= n && sockets.at(-1)?.ws.readyState === WebSocket.OPEN ? true : undefined), timeoutMs, `${n} connections`)
        .then(() => undefined),
    async close() {
      for (const done of [...pendingDelays]) done();
      await Promise.all([...wss.clients].map(closeSocket));
      const wsClosed = new Promise<void>((resolve) => wss.close(() => resolve()));
      const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([wsClosed, httpClosed]);
    },
  };
}

/**
 * A SocketModeReceiver pointed at the fake that reconnects quickly: socket-mode waits
 * `clientPingTimeout` × consecutive failures before reconnecting (default 5000 ms) and pings
 * every `clientPingTimeout / 3`. The App itself does not pass ping options to the receiver it
 * builds for `socketMode: true`, so tests that reconnect need this. `clientOptions` reaches
 * the receiver's own WebClient (apps.connections.open) only through `installerOptions`.
 * It gets its own options object on purpose: SocketModeClient writes
 * `retryConfig = { retries: 100, factor: 1.3 }` into the object it is given when it has none,
 * so sharing one object with `new App({ clientOptions })` changes the App's retry policy too.
 */
export function socketModeReceiverFor(fake: FakeSlack, overrides: Partial<SocketModeReceiverOptions> = {}): SocketModeReceiver {
  return new SocketModeReceiver({
    appToken: fake.appToken,
    clientPingTimeout: 400,
    logLevel: LogLevel.ERROR,
    installerOptions: { clientOptions: { slackApiUrl: fake.apiUrl } },
    ...overrides,
  });
}

/**
 * Headers Slack sends with an HTTP-mode request: `x-slack-signature` is
 * `v0=` + hex HMAC-SHA256(secret, `v0:<timestamp>:<body>`). Content type: JSON when the body
 * starts with `{` (Events API), else `application/x-www-form-urlencoded` without a charset
 * (slash commands, interactivity); Bolt's HTTPReceiver compares the header exactly and reads
 * anything else as JSON.
 */
export function signSlackRequest(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return {
    'content-type': body.trimStart().startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': `v0=${signature}`,
  };
}

/** POSTs `body` as Slack would (use signSlackRequest for the headers); resolves with what Bolt answered. */
export async function postToBolt(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: string; headers: Record<string, string> }> {
  const response = await fetch(url, { method: 'POST', body, headers });
  return { status: response.status, body: await response.text(), headers: Object.fromEntries(response.headers) };
}

function closeSocket(ws: WebSocket): Promise<void> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => ws.terminate(), 100);
    ws.once('close', () => { clearTimeout(timer); resolve(); });
    if (ws.readyState === WebSocket.OPEN) ws.close(1001, 'fake Slack closing');
  });
}

async function readParams(req: IncomingMessage, url: URL): Promise<Record<string, any> | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  const query = Object.fromEntries(url.searchParams);
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
    const fields: Record<string, unknown> = {};
    for (const [key, value] of form) fields[key] = typeof value === 'string' ? value : { name: value.name, size: value.size, text: await value.text() };
    return { ...query, ...parseJsonFields(fields) };
  }
  const body = raw.toString('utf8');
  if (type.includes('application/x-www-form-urlencoded')) return { ...query, ...parseJsonFields(Object.fromEntries(new URLSearchParams(body))) };
  if (body.trim() === '') return query;
  if (!type.includes('application/json')) return { ...query, _body: body };
  try {
    return { ...query, ...JSON.parse(body) };
  } catch {
    return undefined;
  }
}

function parseJsonFields(fields: Record<string, unknown>): Record<string, unknown> {
  for (const key of JSON_FIELDS) {
    const value = fields[key];
    if (typeof value !== 'string') continue;
    try {
      fields[key] = JSON.parse(value);
    } catch {
      // left as sent: Slack would answer invalid_blocks / invalid_arguments
    }
  }
  return fields;
}

function send(res: ServerResponse, answer: FakeSlackAnswer): void {
  if (res.writableEnded || res.destroyed) return; // the client gave up (abort, timeout)
  const status = answer.status ?? 200;
  if (answer.body === undefined) {
    res.writeHead(status, answer.headers).end();
    return;
  }
  const text = typeof answer.body === 'string';
  res.writeHead(status, { 'content-type': text ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8', ...answer.headers });
  res.end(text ? answer.body : JSON.stringify(answer.body));
}

function describeCalls(calls: FakeSlackCall[]): string {
  if (calls.length === 0) return '  (none)';
  return calls.map((call) => `  ${call.method} ${JSON.stringify(call.params).slice(0, 160)}`).join('\n');
}

function describeAcks(acks: FakeSlackAck[]): string {
  if (acks.length === 0) return '  (none)';
  return acks.map((ack) => `  ${ack.envelope_id} ${JSON.stringify(ack.payload ?? null).slice(0, 120)}`).join('\n');
}
