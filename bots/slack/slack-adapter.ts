/**
 * The Slack adapter: one Bolt `App` (its WebClient owns the API base), in
 * Socket Mode by default (no public URL) or HTTP mode (Bolt checks Slack's
 * signature). Commands and buttons are acknowledged at once — Slack allows
 * 3 seconds — and answered afterwards through `respond` (the response_url)
 * or `chat.postMessage`; the work waits in a small queue so a burst cannot
 * delay the acknowledgements. Each event is handled once, even when Slack
 * delivers it again (an HTTP retry, a Socket Mode envelope after a reconnect).
 */
import type { Server } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, type Logger as BoltLogger, type Receiver, type RespondFn } from '@slack/bolt';
import type { SlackConfig } from '../../config.ts';
import { encodeButton } from '../../core/delivery/button-codec.ts';
import { WorkQueue } from '../../core/delivery/work-queue.ts';
import type { Incoming } from '../../core/model/incoming.ts';
import type { Reply } from '../../core/model/reply.ts';
import type { ButtonPayloads, ChatDirectory, InboundLedger, Logger, Messenger, Translator } from '../../core/ports.ts';
import type { Router } from '../../core/router/router.ts';
import { fromButton, fromFormSubmission, fromMessageEvent, fromSlashCommand, fromThreadReply, SLACK_COMMAND, type SlackButtonBody, type SlackMessageEvent } from './inbound.ts';

export { SLACK_COMMAND };
import { BUTTON_VALUE_MAX } from './limits.ts';
import { renderSlackMessages, type SlackMessage } from './render.ts';
import { boltLogger } from './bolt-logger.ts';
import { homeView } from './home-view.ts';
import { FORM_CALLBACK_ID, fromSlackModal, toSlackModal } from './slack-form.ts';
import { toPlatformError } from './slack-errors.ts';
import { SlackMessenger } from './slack-messenger.ts';
import { SlackPublisher } from './slack-publisher.ts';
import type { Publisher } from '../../core/questions/question-ports.ts';
import { SlackLocales } from './slack-locales.ts';

const WORK_CONCURRENCY = 4;
/** A failed Web API call (5xx, network) is tried this many more times; a 429 waits Retry-After. */
const API_RETRIES = 3;

export interface SlackAdapterDeps {
  config: SlackConfig;
  router: Pick<Router, 'handle' | 'commandList'>;
  translator: Translator;
  settings: { getLanguage(platform: 'slack', userId: string): Promise<string | undefined> };
  chats: ChatDirectory;
  ledger: InboundLedger;
  buttons: ButtonPayloads;
  logger: Logger;
  /** Socket Mode ping timeout (tests shorten the reconnect wait it sets). */
  socketPingTimeoutMs?: number;
}

export interface SlackAdapter {
  readonly messenger: Messenger;
  /** Questions and answers: posts it can edit and delete later. */
  readonly publisher: Publisher;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** HTTP mode: the port the receiver listens on (the config may ask for 0). */
  httpPort(): number | undefined;
}

export function createSlackAdapter(deps: SlackAdapterDeps): SlackAdapter {
  return new SlackBot(deps);
}

class SlackBot implements SlackAdapter {
  readonly messenger: Messenger;
  readonly publisher: Publisher;
  private readonly app: App;
  private readonly work = new WorkQueue(WORK_CONCURRENCY);
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Event ids queued or being handled now. */
  private readonly claimed = new Set<string>();
  private readonly locales: SlackLocales;
  private readonly known: Set<string>;
  private server: Server | undefined;

  constructor(private readonly deps: SlackAdapterDeps) {
    // Two objects: the Socket Mode client writes its own retry policy (100 retries) into the
    // options it is given, and the App's Web API client must not inherit it.
    this.app = new App({
      token: deps.config.botToken,
      receiver: receiverFor(deps.config, { slackApiUrl: deps.config.apiUrl }, boltLogger(deps.logger), deps.socketPingTimeoutMs),
      clientOptions: { slackApiUrl: deps.config.apiUrl, retryConfig: { retries: API_RETRIES } },
      logger: boltLogger(deps.logger),
      // init() below checks the token (auth.test), so a bad one fails start() instead of the first event.
      deferInitialization: true,
    });
    this.locales = new SlackLocales(this.app.client, deps.logger);
    this.known = new Set(deps.router.commandList().map((command) => command.name));
    const publisher = new SlackPublisher(this.app.client, deps.chats, (reply) => this.render(reply));
    this.publisher = publisher;
    this.messenger = new SlackMessenger(publisher);
    this.listen();
  }

  async start(): Promise<void> {
    try {
      await this.app.init();
      const { mode } = this.deps.config;
      if (mode.kind === 'http') this.server = (await this.app.start({ port: mode.port, host: mode.host })) as Server;
      else await this.app.start();
    } catch (error) {
      throw toPlatformError(error);
    }
    const port = this.httpPort();
    this.deps.logger.info({ platform: 'slack', mode: this.deps.config.mode.kind, ...(port !== undefined ? { port, path: '/slack/events' } : {}) }, 'slack: started');
  }

  async stop(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    await this.app.stop();
    this.deps.logger.info({ platform: 'slack' }, 'slack: stopped');
  }

  httpPort(): number | undefined {
    const address = this.server?.address();
    return address && typeof address === 'object' ? address.port : undefined;
  }

  private listen(): void {
    this.app.command(SLACK_COMMAND, async ({ ack, body, respond }) => {
      await ack();
      this.later(`command:${body.trigger_id}`, async () => {
        const locale = await this.locales.of(body.user_id);
        const incoming = fromSlashCommand(body, this.known, `command:${body.trigger_id}`, locale);
        await this.respondAll(respond, await this.deps.router.handle(incoming), false, incoming.conversation.id);
      });
    });
    this.app.action(/^cphub:/, async ({ ack, body, respond }) => {
      await ack();
      const press = body as unknown as SlackButtonBody & { trigger_id?: string; container?: { message_ts?: string } };
      const id = `action:${press.trigger_id ?? press.container?.message_ts}`;
      this.later(id, async () => {
        const incoming = await fromButton(press, id, this.deps.buttons, await this.locales.of(press.user.id));
        if (!incoming) return;
        const replies = await this.deps.router.handle(incoming);
        if (!(await this.openForm(press.trigger_id, incoming, replies))) await this.respondAll(respond, replies, true, incoming.conversation.id);
      });
    });
    this.app.view(FORM_CALLBACK_ID, async ({ ack, body, view }) => {
      await ack();
      const submitted = fromSlackModal(view);
      if (!submitted) return;
      const id = `view:${view.id}`;
      this.later(id, async () => {
        const incoming = fromFormSubmission(body.user.id, submitted, id, await this.locales.of(body.user.id));
        await this.post(incoming, await this.deps.router.handle(incoming));
      });
    });
    this.app.event('app_mention', async ({ event, body }) => this.onMessage(event as SlackMessageEvent, body.event_id));
    this.app.event('message', async ({ event, body, context }) => {
      const message = event as SlackMessageEvent;
      if (message.channel_type === 'im') await this.onMessage(message, body.event_id);
      else this.onThreadReply(message, body.event_id, context.botUserId);
    });
    this.app.event('app_home_opened', async ({ event }) => {
      if (event.tab !== 'home') return;
      this.later(undefined, async () => {
        const language = await this.languageOf(event.user);
        await this.app.client.views.publish({ user_id: event.user, view: homeView(this.deps.translator, language) });
      });
    });
    this.app.error(async (error) => this.deps.logger.error({ err: error, platform: 'slack' }, 'slack: listener failed'));
  }

  /** Events are acknowledged by Bolt when this returns; the answer is worked on after. */
  private async onMessage(event: SlackMessageEvent, eventId: string): Promise<void> {
    this.later(`event:${eventId}`, async () => {
      const incoming = fromMessageEvent(event, `event:${eventId}`, this.known, await this.locales.of(event.user));
      if (!incoming) return;
      await this.post(incoming, await this.deps.router.handle(incoming));
    });
  }

  /** A reply in a channel's thread: an answer when the thread is under a question cphub posted; other messages are not read. */
  private onThreadReply(event: SlackMessageEvent, eventId: string, botUserId: string | undefined): void {
    if (!fromThreadReply(event, `event:${eventId}`, botUserId)) return;
    this.later(`event:${eventId}`, async () => {
      const incoming = fromThreadReply(event, `event:${eventId}`, botUserId, await this.locales.of(event.user!));
      if (incoming) await this.post(incoming, await this.deps.router.handle(incoming));
    });
  }

  /**
   * A press answered with a form opens it as a modal (the trigger_id is
   * good for 3 seconds after the press); false when there is no form, or
   * Slack refused the modal (too late): then the reply's words go instead.
   */
  private async openForm(triggerId: string | undefined, incoming: Incoming, replies: Reply[]): Promise<boolean> {
    const form = replies[0]?.form;
    if (!form || !triggerId) return false;
    const language = replies[0]!.language ?? (await this.languageOf(incoming.sender.id));
    const buttons = { submit: this.deps.translator.t(language, 'forms.submit'), close: this.deps.translator.t(language, 'forms.cancel') };
    try {
      await this.app.client.views.open({ trigger_id: triggerId, view: toSlackModal(form, incoming.conversation.id, buttons) });
      return true;
    } catch (error) {
      this.deps.logger.warn({ err: toPlatformError(error), platform: 'slack', eventId: incoming.eventId }, 'slack: could not open the form; its words go instead');
      return false;
    }
  }

  /** Queues the work; with an id, once: a redelivered event or envelope is skipped. */
  private later(id: string | undefined, work: () => Promise<void>): void {
    // A redelivery while the first is still queued or running: the ledger cannot tell them apart yet.
    if (id && this.claimed.has(id)) return;
    if (id) this.claimed.add(id);
    const run = this.work.run(async () => {
      if (id) {
        const [fresh] = await this.deps.ledger.receive('slack', [{ id, payload: '' }]);
        if (fresh === undefined) return;
      }
      try {
        await work();
      } catch (error) {
        this.deps.logger.error({ err: toPlatformError(error), platform: 'slack', eventId: id }, 'slack: could not answer');
      } finally {
        if (id) await this.deps.ledger.finish('slack', id);
      }
    });
    this.inFlight.add(run);
    void run.finally(() => {
      this.inFlight.delete(run);
      if (id) this.claimed.delete(id);
    });
  }

  private async respondAll(respond: RespondFn, replies: Reply[], replacesOriginal: boolean, channel: string): Promise<void> {
    let first = true;
    for (const reply of replies) {
      for (const message of await this.render(reply)) {
        const visibility = reply.private ? { response_type: 'ephemeral' as const, replace_original: false } : { response_type: 'in_channel' as const };
        // A page button replaces the page it is on; anything else is a new message.
        const replace = replacesOriginal && first && !reply.private ? { replace_original: true } : {};
        await respond({ ...message, ...visibility, ...replace });
        first = false;
      }
      await this.upload(channel, reply);
    }
  }

  /**
   * A reply's files, after its words: files.uploadV2 (getUploadURLExternal,
   * the bytes to the upload URL, completeUploadExternal into the channel).
   * Core sends files only in private conversations, so the channel is the
   * member's DM with the app. Needs the `files:write` scope.
   * https://api.slack.com/messaging/files#uploading_files
   */
  private async upload(channel: string, reply: Reply): Promise<void> {
    for (const file of reply.attachments ?? []) {
      await this.app.client.filesUploadV2({ channel_id: channel, file: Buffer.from(file.content, 'utf8'), filename: file.filename, title: file.filename });
    }
  }

  private async post(incoming: Incoming, replies: Reply[]): Promise<void> {
    const { id: channel, threadId, kind } = incoming.conversation;
    const thread = threadId ? { thread_ts: threadId } : {};
    for (const reply of replies) {
      for (const message of await this.render(reply)) {
        // In a channel, what is only for the member (a refused answer, a confirmation) is shown to them alone.
        if (reply.private && kind === 'group') await this.app.client.chat.postEphemeral({ channel, user: incoming.sender.id, ...message, ...thread });
        else await this.app.client.chat.postMessage({ channel, ...message, ...thread });
      }
      await this.upload(channel, reply);
    }
  }

  private async languageOf(userId: string): Promise<string> {
    return (await this.deps.settings.getLanguage('slack', userId)) ?? this.locales.language(await this.locales.of(userId));
  }

  private async render(reply: Reply): Promise<SlackMessage[]> {
    const values = new Map<object, string>();
    for (const button of reply.buttons.flat()) values.set(button, await encodeButton(button, this.deps.buttons, BUTTON_VALUE_MAX));
    let counter = 0;
    return renderSlackMessages(reply, (button) => ({ action_id: `cphub:${counter++}`, value: values.get(button)! }));
  }
}

function receiverFor(config: SlackConfig, clientOptions: { slackApiUrl: string }, logger: BoltLogger, pingTimeoutMs?: number): Receiver {
  if (config.mode.kind === 'socket') {
    return new SocketModeReceiver({
      appToken: config.mode.appToken,
      installerOptions: { clientOptions },
      logger,
      ...(pingTimeoutMs ? { clientPingTimeout: pingTimeoutMs } : {}),
    });
  }
  return new HTTPReceiver({ signingSecret: config.mode.signingSecret, endpoints: '/slack/events', logger });
}
