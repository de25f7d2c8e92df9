/**
 * The Telegram adapter: one grammY `Bot` (which owns the API root), started
 * in long polling through @grammyjs/runner, or as a webhook server when a
 * webhook URL is configured. Start-up checks the token (getMe), registers the
 * command menus, handles updates a previous run left unfinished, then takes
 * new ones. Stop finishes the updates in hand before it returns.
 */
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { run, sequentialize, type RunnerHandle } from '@grammyjs/runner';
import { Bot, webhookCallback, type Context } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import type { TelegramConfig } from '../../config.ts';
import { SlidingWindowLimiter } from '../../core/delivery/rate-limiter.ts';
import type { ButtonPayloads, ChatDirectory, InboundLedger, Logger, Messenger, Translator } from '../../core/ports.ts';
import type { Router } from '../../core/router/router.ts';
import { registerCommandMenus } from './commands-menu.ts';
import { DurableUpdates } from './durable-updates.ts';
import { createTelegramFetch } from './telegram-fetch.ts';
import { toPlatformError } from './telegram-errors.ts';
import { broadcastHooks, TelegramMessenger } from './telegram-messenger.ts';
import { TelegramPublisher } from './telegram-publisher.ts';
import type { Publisher } from '../../core/questions/question-ports.ts';
import { TelegramSender } from './telegram-sender.ts';
import { handleTelegramUpdate, type TurnDeps } from './telegram-turns.ts';

/** The updates cphub handles; Telegram does not send the others. */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'channel_post', 'edited_channel_post', 'callback_query', 'my_chat_member'] as const;

const START_ATTEMPTS = 3;
const SINK_CONCURRENCY = 64;
const START_RETRY_MS = 2000;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface TelegramAdapterDeps {
  config: TelegramConfig;
  router: Pick<Router, 'handle' | 'commandList'>;
  translator: Translator;
  chats: ChatDirectory;
  ledger: InboundLedger;
  buttons: ButtonPayloads;
  logger: Logger;
  /** Long-poll timeout in seconds (Telegram's default use: 30; tests use less). */
  pollTimeoutSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface TelegramAdapter {
  readonly messenger: Messenger;
  /** Questions and answers: posts it can edit and delete later. */
  readonly publisher: Publisher;
  /** Rejects with a `PlatformError` when Telegram refuses the token or cannot be reached. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The webhook server's port (webhook mode), e.g. when the config asked for port 0. */
  webhookPort(): number | undefined;
}

export function createTelegramAdapter(deps: TelegramAdapterDeps): TelegramAdapter {
  return new TelegramBotRunner(deps);
}

class TelegramBotRunner implements TelegramAdapter {
  readonly messenger: Messenger;
  readonly publisher: Publisher;
  private readonly bot: Bot;
  private readonly sender: TelegramSender;
  private readonly durable: DurableUpdates;
  private runner: RunnerHandle | undefined;
  private server: Server | undefined;
  private lastUpdateId: number | undefined;

  constructor(private readonly deps: TelegramAdapterDeps) {
    this.bot = new Bot(deps.config.token, { client: { apiRoot: deps.config.apiRoot, fetch: createTelegramFetch() } });
    this.sender = new TelegramSender({
      api: this.bot.api,
      chats: deps.chats,
      buttons: deps.buttons,
      logger: deps.logger,
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
    });
    // One limiter for every unprompted message, digests and questions alike.
    const limiter = new SlidingWindowLimiter();
    this.messenger = new TelegramMessenger(this.sender, deps.chats, limiter, {
      perSecond: deps.config.sendsPerSecond,
    });
    this.publisher = new TelegramPublisher(this.sender, deps.chats, broadcastHooks(limiter, { perSecond: deps.config.sendsPerSecond }));
    this.durable = new DurableUpdates(deps.ledger, deps.logger);
  }

  async start(): Promise<void> {
    this.bot.botInfo = await this.identify();
    this.installMiddleware();
    await this.registerMenus();
    await this.replayUnfinished();
    if (this.deps.config.webhook) await this.startWebhook(this.deps.config.webhook);
    else await this.startPolling();
    this.deps.logger.info(
      { platform: 'telegram', bot: this.bot.botInfo.username, mode: this.deps.config.webhook ? 'webhook' : 'polling' },
      'telegram: started',
    );
  }

  async stop(): Promise<void> {
    if (this.runner?.isRunning()) await this.runner.stop();
    if (this.server) {
      this.server.close();
      this.server.closeAllConnections?.();
    }
    await this.durable.drain();
    await this.confirmHandled();
    this.deps.logger.info({ platform: 'telegram' }, 'telegram: stopped');
  }

  webhookPort(): number | undefined {
    const address = this.server?.address();
    return address && typeof address === 'object' ? address.port : undefined;
  }

  /**
   * getMe: checks the token and learns the bot's username (for /cmd@bot).
   * grammY's own init retries an unreachable server forever; a start-up that
   * hangs silently helps no one, so a few tries, then a clear NETWORK error.
   */
  private async identify(): Promise<UserFromGetMe> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.bot.api.getMe();
      } catch (error) {
        const failure = toPlatformError(error);
        if (failure.code !== 'NETWORK' || attempt >= START_ATTEMPTS) throw failure;
        await (this.deps.sleep ?? delay)(START_RETRY_MS * attempt);
      }
    }
  }

  private installMiddleware(): void {
    const turn: TurnDeps = {
      api: this.bot.api,
      router: this.deps.router,
      sender: this.sender,
      buttons: this.deps.buttons,
      logger: this.deps.logger,
      identity: { id: this.bot.botInfo.id, username: this.bot.botInfo.username },
    };
    // One chat's updates in order (page 2 before page 3); different chats in parallel.
    this.bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
    this.bot.use(this.durable.middleware());
    this.bot.use((ctx) => handleTelegramUpdate(turn, ctx.update));
    this.bot.catch((error) => {
      this.deps.logger.error({ err: error.error, platform: 'telegram', eventId: String(error.ctx.update.update_id) }, 'telegram: update failed');
    });
  }

  private async registerMenus(): Promise<void> {
    try {
      await registerCommandMenus(this.bot.api, this.deps.router.commandList(), this.deps.translator);
    } catch (error) {
      // The menu is a convenience; typed commands work without it.
      this.deps.logger.warn({ err: toPlatformError(error), platform: 'telegram' }, 'telegram: could not register the command menu');
    }
  }

  private async replayUnfinished(): Promise<void> {
    const updates = await this.durable.unfinished();
    if (updates.length > 0) this.deps.logger.info({ count: updates.length }, 'telegram: handling updates left unfinished by the last run');
    for (const update of updates) await this.bot.handleUpdate(update);
  }

  private async startPolling(): Promise<void> {
    // getUpdates answers 409 while a webhook is set; a bot moved from webhook to polling must drop it.
    await this.bot.api.deleteWebhook();
    const bot = this.bot;
    this.runner = run(
      {
        init: () => bot.init(),
        handleUpdate: (update: Update) => bot.handleUpdate(update),
        errorHandler: (error: unknown) => bot.errorHandler(error as never),
        api: {
          getUpdates: async (args, signal) => {
            const updates = await bot.api.getUpdates({ ...args, allowed_updates: [...ALLOWED_UPDATES] }, signal);
            await this.durable.record(updates);
            const last = updates.at(-1)?.update_id;
            if (last !== undefined) this.lastUpdateId = last;
            return updates;
          },
        },
      },
      {
        runner: { fetch: { timeout: this.deps.pollTimeoutSeconds ?? 30 }, silent: true },
        // Handling is mostly synchronous SQLite work: a few dozen updates in
        // flight overlap the HTTP waits; hundreds only add sockets and memory.
        sink: { concurrency: SINK_CONCURRENCY },
      },
    );
  }

  private async startWebhook(webhook: NonNullable<TelegramConfig['webhook']>): Promise<void> {
    const path = new URL(webhook.url).pathname;
    const handle = webhookCallback(this.bot, 'http', { secretToken: webhook.secret, onTimeout: 'return' });
    this.server = createServer((request, response) => {
      if (request.method !== 'POST' || new URL(request.url ?? '/', 'http://localhost').pathname !== path) {
        response.writeHead(404).end();
        return;
      }
      handle(request, response).catch((error: unknown) => {
        this.deps.logger.error({ err: error, platform: 'telegram' }, 'telegram: webhook request failed');
        if (!response.headersSent) response.writeHead(500).end();
      });
    });
    this.server.listen(webhook.port, webhook.host);
    await once(this.server, 'listening');
    await this.bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
  }

  /**
   * The runner confirms a batch only with the next getUpdates; after a stop,
   * confirm what was handled so Telegram does not send it again (the ledger
   * would skip it anyway).
   */
  private async confirmHandled(): Promise<void> {
    if (this.lastUpdateId === undefined || this.deps.config.webhook) return;
    try {
      await this.bot.api.getUpdates({ offset: this.lastUpdateId + 1, limit: 1, timeout: 0 });
    } catch (error) {
      this.deps.logger.warn({ err: toPlatformError(error), platform: 'telegram' }, 'telegram: could not confirm the last updates');
    }
  }
}

