/**
 * A local stand-in for the Telegram Bot API (https://core.telegram.org/bots/api)
 * so tests drive the real grammY client and polling loop over HTTP on
 * 127.0.0.1. It records every call, can be scripted per method, and holds
 * getUpdates open like long polling does.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { finished } from 'node:stream/promises';
import type { UserFromGetMe } from 'grammy/types';
import { waitForMatch } from './wait-for-match.ts';

export interface FakeTelegramCall { method: string; token: string; params: Record<string, any>; at: number }
export type FakeAnswer =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: { retry_after?: number; migrate_to_chat_id?: number } };
export type FakeScript = FakeAnswer | ((call: FakeTelegramCall) => FakeAnswer | Promise<FakeAnswer>);
export interface FakeTelegramOptions {
  token?: string;
  botInfo?: Partial<UserFromGetMe>;
  longPollCapMs?: number;
  /**
   * Enforce Telegram's broadcast limits: a sendMessage beyond `perSecond` in
   * any sliding second gets 429 retry_after 1 — and, when given, beyond
   * `perChatPerSecond` to one chat in a second, or `perGroupPerMinute` to one
   * group (a negative chat id) in a minute.
   */
  enforceRate?: { perSecond: number; perChatPerSecond?: number; perGroupPerMinute?: number };
}
export interface FakeTelegram {
  url: string;
  token: string;
  botInfo: UserFromGetMe;
  /** Every call except getUpdates, in arrival order (wrong-token calls included). */
  calls: FakeTelegramCall[];
  callsTo(method: string): FakeTelegramCall[];
  /** Queued for getUpdates; tests give update_id. */
  pushUpdates(...updates: object[]): void;
  /** Answer the next `times` calls of `method` (default 1); later scripts queue after earlier ones. */
  script(method: string, answer: FakeScript, times?: number): void;
  /** First call (existing or future) matching; rejects after timeoutMs (default 3000) listing the calls seen. */
  waitForCall(method: string, predicate?: (call: FakeTelegramCall) => boolean, timeoutMs?: number): Promise<FakeTelegramCall>;
  waitForCalls(method: string, n: number, timeoutMs?: number): Promise<FakeTelegramCall[]>;
  /** The highest `offset` any getUpdates has confirmed (Telegram forgets updates below it). */
  confirmedOffset(): number;
  /** sendMessage calls refused with 429 by `enforceRate`. */
  rateLimited(): number;
  /** The same, by the limit each went over (the first full window, in the order overall, chat, group). */
  rateLimitedBy(): { overall: number; chat: number; group: number };
  /** Updates still held (not yet confirmed by an offset). */
  pendingUpdates(): object[];
  /** getUpdates requests currently held open waiting for updates. */
  heldPolls(): number;
  close(): Promise<void>;
}

const DEFAULT_BOT: UserFromGetMe = {
  id: 200000001, is_bot: true, first_name: 'Example Bot', username: 'ExampleBot',
  can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false,
  can_connect_to_business: false, has_main_web_app: false, has_topics_enabled: false,
  allows_users_to_create_topics: false, can_manage_bots: false, supports_join_request_queries: false,
};
const UNAUTHORIZED: FakeAnswer = { ok: false, error_code: 401, description: 'Unauthorized' };
const NOT_FOUND: FakeAnswer = { ok: false, error_code: 404, description: 'Not Found' };
const ok = (result: unknown): FakeAnswer => ({ ok: true, result });

type Update = { update_id: number };

export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const botInfo: UserFromGetMe = { ...DEFAULT_BOT, ...options.botInfo };
  const token = options.token ?? `${botInfo.id}:fake-telegram-token`;
  const longPollCapMs = options.longPollCapMs ?? 200;
  const calls: FakeTelegramCall[] = [];
  const scripts = new Map<string, { answer: FakeScript; left: number }[]>();
  const onCall = new Set<() => void>();
  const wakePolls = new Set<() => void>();
  const heldResponses = new Set<ServerResponse>();
  let pending: Update[] = [];
  let confirmed = 0;
  let lastMessageId = 0;
  let closed = false;
  const accepted = new Map<string, number[]>();
  let refused = 0;
  const refusedBy = { overall: 0, chat: 0, group: 0 };

  /** Telegram counts a message when it arrives: more than a limit in its sliding window is refused, and counts in none. */
  function overLimit(at: number, chatId: string): boolean {
    const rate = options.enforceRate;
    if (rate === undefined) return false;
    const windows: Array<[string, number | undefined, number]> = [
      ['overall', rate.perSecond, 1000],
      [`chat:${chatId}`, rate.perChatPerSecond, 1000],
      [`group:${chatId}`, chatId.startsWith('-') ? rate.perGroupPerMinute : undefined, 60_000],
    ];
    const full = windows.findIndex(([key, limit, windowMs]) => {
      if (limit === undefined) return false;
      const times = accepted.get(key) ?? [];
      while (times.length > 0 && times[0]! <= at - windowMs) times.shift();
      return times.length >= limit;
    });
    if (full >= 0) {
      refusedBy[(['overall', 'chat', 'group'] as const)[full]!] += 1;
      return true;
    }
    for (const [key, limit] of windows) {
      if (limit === undefined) continue;
      const times = accepted.get(key) ?? [];
      times.push(at);
      accepted.set(key, times);
    }
    return false;
  }

  function record(call: FakeTelegramCall): void {
    calls.push(call);
    for (const check of [...onCall]) check();
  }

  function takeScript(method: string): FakeScript | undefined {
    const queue = scripts.get(method);
    const next = queue?.[0];
    if (!queue || !next) return undefined;
    if (--next.left <= 0) queue.shift();
    return next.answer;
  }

  function message(params: Record<string, any>, messageId: number): Record<string, unknown> {
    const chatId = Number(params.chat_id);
    const chat = chatId < 0
      ? { id: chatId, type: 'supergroup', title: 'Example group' }
      : { id: chatId, type: 'private', first_name: 'Example' };
    return {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: { id: botInfo.id, is_bot: true, first_name: botInfo.first_name, username: botInfo.username },
      text: String(params.text ?? ''),
      ...(params.message_thread_id !== undefined && { message_thread_id: Number(params.message_thread_id) }),
      ...(params.reply_markup?.inline_keyboard && { reply_markup: params.reply_markup }),
    };
  }

  function defaultAnswer({ method, params }: FakeTelegramCall): FakeAnswer {
    switch (method) {
      case 'getMe': return ok(botInfo);
      case 'sendMessage': return ok(message(params, ++lastMessageId));
      case 'editMessageText':
        // Edits of inline messages answer `true`, not a Message.
        if (params.inline_message_id !== undefined) return ok(true);
        return ok({ ...message(params, Number(params.message_id)), edit_date: Math.floor(Date.now() / 1000) });
      case 'getWebhookInfo': return ok({ url: '', has_custom_certificate: false, pending_update_count: 0 });
      default: return ok(true);
    }
  }

  function confirm(offset: number): void {
    // A negative offset keeps only the last |offset| updates (Telegram forgets the rest).
    if (offset < 0) pending = pending.slice(offset);
    if (offset <= 0) return;
    pending = pending.filter((update) => update.update_id >= offset);
    confirmed = Math.max(confirmed, offset);
  }

  function holdPoll(ms: number, res: ServerResponse): Promise<void> {
    return new Promise((resolve) => {
      const release = (): void => {
        clearTimeout(timer);
        res.off('close', release);
        wakePolls.delete(release);
        heldResponses.delete(res);
        resolve();
      };
      const timer = setTimeout(release, ms);
      wakePolls.add(release);
      heldResponses.add(res);
      res.once('close', release); // grammY aborts the held request on stop()
    });
  }

  async function getUpdates(params: Record<string, any>, res: ServerResponse): Promise<FakeAnswer> {
    confirm(Number(params.offset ?? 0));
    const limit = Math.min(Math.max(Number(params.limit ?? 100), 1), 100);
    const waitMs = Math.min(Number(params.timeout ?? 0) * 1000, longPollCapMs);
    if (pending.length === 0 && waitMs > 0 && !closed) await holdPoll(waitMs, res);
    return ok(pending.slice(0, limit));
  }

  async function answerFor(call: FakeTelegramCall, res: ServerResponse): Promise<FakeAnswer> {
    if (call.token !== token) return UNAUTHORIZED;
    if (call.method === 'sendMessage' && overLimit(performance.now(), String(call.params.chat_id ?? ''))) {
      refused += 1;
      return { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } };
    }
    const scripted = takeScript(call.method);
    if (scripted) return typeof scripted === 'function' ? scripted(call) : scripted;
    return call.method === 'getUpdates' ? getUpdates(call.params, res) : defaultAnswer(call);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (!match) return send(res, NOT_FOUND);
    const params = await readParams(req, url);
    if (!params) return send(res, { ok: false, error_code: 400, description: 'Bad Request: invalid JSON body' });
    const call: FakeTelegramCall = { method: match[2]!, token: decodeURIComponent(match[1]!), params, at: Date.now() };
    if (call.method !== 'getUpdates') record(call);
    send(res, await answerFor(call, res));
  }

  function waitUntil<T>(found: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return waitForMatch(found, onCall, timeoutMs, () => `fake Telegram: no ${what} within ${timeoutMs} ms; calls seen:\n${describeCalls(calls)}`);
  }


  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) =>
      send(res, { ok: false, error_code: 500, description: `Internal Server Error: fake failed: ${String(error)}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    botInfo,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    pushUpdates(...updates) {
      pending.push(...(updates as Update[]));
      for (const release of [...wakePolls]) release();
    },
    script(method, answer, times = 1) {
      const queue = scripts.get(method) ?? [];
      queue.push({ answer, left: times });
      scripts.set(method, queue);
    },
    waitForCall: (method, predicate = () => true, timeoutMs = 3000) =>
      waitUntil(() => calls.find((call) => call.method === method && predicate(call)), timeoutMs, `${method} call matching`),
    waitForCalls(method, n, timeoutMs = 3000) {
      const enough = (): FakeTelegramCall[] | undefined => {
        const found = calls.filter((call) => call.method === method);
        return found.length >= n ? found : undefined;
      };
      return waitUntil(enough, timeoutMs, `${n} ${method} calls`);
    },
    confirmedOffset: () => confirmed,
    rateLimited: () => refused,
    rateLimitedBy: () => ({ ...refusedBy }),
    pendingUpdates: () => [...pending],
    heldPolls: () => wakePolls.size,
    async close() {
      closed = true;
      const held = [...heldResponses].map((res) => finished(res).catch(() => undefined));
      for (const release of [...wakePolls]) release();
      await Promise.all(held); // let held polls flush their `[]` before sockets go
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await stopped;
    },
  };
}

async function readParams(req: IncomingMessage, url: URL): Promise<Record<string, any> | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const type = req.headers['content-type'] ?? '';
  const query = Object.fromEntries(url.searchParams);
  if (type.includes('multipart/form-data')) return { ...query, ...readMultipart(body, type) };
  if (type.includes('application/x-www-form-urlencoded')) return { ...query, ...Object.fromEntries(new URLSearchParams(body)) };
  if (!type.includes('application/json') || body.trim() === '') return query;
  try {
    return { ...query, ...JSON.parse(body) };
  } catch {
    return undefined;
  }
}

/** An uploaded file as the fake records it, in place of the field's `attach://<id>`. */
export interface FakeTelegramFile { filename: string; content: string }

/**
 * grammY sends files (sendDocument) as multipart/form-data: each field a part,
 * a field holding a file says `attach://<id>` and the file is the part named
 * `<id>` (https://core.telegram.org/bots/api#sending-files). Its headers are
 * written without spaces or quotes (`content-disposition:form-data;name="x";filename=a.json`),
 * so they are read by hand here rather than by a strict parser. JSON-valued
 * fields (reply_markup) are parsed back, as Telegram does.
 */
function readMultipart(body: string, type: string): Record<string, any> {
  const boundary = /boundary=([^;]+)/.exec(type)?.[1];
  if (!boundary) return {};
  const fields: Record<string, any> = {};
  const files = new Map<string, FakeTelegramFile>();
  for (const part of body.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const headers = part.slice(0, split);
    const value = part.slice(split + 4).replace(/\r\n$/, '');
    const name = /name="([^"]+)"/i.exec(headers)?.[1];
    const filename = /filename="?([^";\r\n]+)"?/i.exec(headers)?.[1];
    if (!name) continue;
    if (filename) files.set(name, { filename, content: value });
    else fields[name] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  for (const [key, value] of Object.entries(fields)) {
    const id = typeof value === 'string' ? /^attach:\/\/(.+)$/.exec(value)?.[1] : undefined;
    if (id && files.has(id)) fields[key] = files.get(id);
  }
  return fields;
}

function send(res: ServerResponse, answer: FakeAnswer): void {
  if (res.writableEnded || res.destroyed) return; // the client gave up (abort, timeout)
  const status = answer.ok ? 200 : answer.error_code;
  res.writeHead(status >= 400 && status < 600 ? status : 400, { 'content-type': 'application/json' });
  res.end(JSON.stringify(answer));
}

function describeCalls(calls: FakeTelegramCall[]): string {
  if (calls.length === 0) return '  (none)';
  return calls.map((call) => `  ${call.method} ${JSON.stringify(call.params).slice(0, 160)}`).join('\n');
}
