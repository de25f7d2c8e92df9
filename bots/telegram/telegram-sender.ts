/**
 * Sends one `Reply` to one Telegram chat: the HTML parts in order, the
 * keyboard under the last one, the member's message quoted by the first.
 * Telegram's refusals are handled here, once for replies and unprompted
 * messages alike: a 429 waits `retry_after` and tries again; a chat that
 * became a supergroup is followed to its new id (and moved in the
 * directory); HTML Telegram cannot parse goes once more as plain text; a 403
 * marks the chat unreachable. Whatever is left becomes a `PlatformError`.
 */
import { InputFile, type Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Attachment, Reply } from '../../core/model/reply.ts';
import type { ButtonPayloads, ChatDirectory, Logger, SendProgress } from '../../core/ports.ts';
import { encodeCallbackData } from './callback-data.ts';
import { telegramHtmlToPlain } from './html-to-plain.ts';
import { renderTelegramHtml } from './render.ts';
import { isEntityParseError, isNotModified, migratedChatId, toPlatformError } from './telegram-errors.ts';

export interface SendPlace {
  chatId: number;
  /** A forum topic. */
  threadId?: number;
  /** Quoted by the first part (in groups, so the member sees what is answered). */
  replyToMessageId?: number;
}

/** What an unprompted sender adds: wait for the rate limiter before each message, hear about a 429. */
export interface SendHooks {
  beforeMessage?(chatId: number): Promise<void>;
  onRateLimited?(chatId: number, retryAfterMs: number): void;
  /** A digest's parts, followed by the delivery ledger (and skipped when resumed). */
  progress?: SendProgress;
}

export interface TelegramSenderDeps {
  api: Api;
  chats: ChatDirectory;
  buttons: ButtonPayloads;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
  /** How often one message is tried again after a 429 or a server error. */
  retries?: number;
}

/**
 * A digest goes to thousands of chats as the very same Reply (recipients who
 * read alike share one): it is rendered and split once, not once per chat,
 * which would take the event loop from the rate limiter's timers.
 */
const RENDERED = new WeakMap<Reply, string[]>();

function rendered(reply: Reply): string[] {
  let parts = RENDERED.get(reply);
  if (!parts) {
    parts = renderTelegramHtml(reply);
    RENDERED.set(reply, parts);
  }
  return parts;
}

/** Without an explicit `retry_after`, wait this long before trying again. */
const DEFAULT_RETRY_MS = 1000;

export class TelegramSender {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly retries: number;

  constructor(private readonly deps: TelegramSenderDeps) {
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.retries = deps.retries ?? 3;
  }

  /** How many messages `reply` is sent as (rendered once, as `send` renders it). */
  partsOf(reply: Reply): number {
    return rendered(reply).length;
  }

  /** Returns where it went (a migrated group has a new id) and the ids of the text messages, first first. */
  async send(place: SendPlace, reply: Reply, hooks: SendHooks = {}): Promise<{ chatId: number; messageIds: number[] }> {
    const parts = rendered(reply);
    const messageIds: number[] = [];
    const keyboard = await this.keyboard(reply);
    let chatId = place.chatId;
    const progress = hooks.progress ?? {};
    // Telegram has no idempotency key: a part left unconfirmed by a dead sender counts as delivered (core/delivery/send-parts.ts).
    const skip = Math.max(progress.skipParts ?? 0, progress.unconfirmed ? progress.unconfirmed.index + 1 : 0);
    for (const [index, html] of parts.entries()) {
      if (index < skip) continue;
      const last = index === parts.length - 1;
      const options = {
        link_preview_options: { is_disabled: true },
        ...(place.threadId ? { message_thread_id: place.threadId } : {}),
        ...(index === 0 && place.replyToMessageId
          ? { reply_parameters: { message_id: place.replyToMessageId, allow_sending_without_reply: true } }
          : {}),
        ...(last && keyboard ? { reply_markup: keyboard } : {}),
      };
      // Marked after the rate limiter's wait, right before the request: the ledger's "in flight" is then really in flight.
      chatId = await this.withRetries(chatId, hooks, async (id) => {
        await progress.beforePart?.(index);
        messageIds.push(await this.sendPart(id, html, options));
      });
      await progress.afterPart?.(index);
    }
    for (const attachment of reply.attachments ?? []) {
      chatId = await this.withRetries(chatId, hooks, (id) => this.sendDocument(id, attachment, place.threadId));
    }
    return { chatId, messageIds };
  }

  /** A file goes as multipart (https://core.telegram.org/bots/api#senddocument), after the text it belongs to. */
  private async sendDocument(chatId: number, attachment: Attachment, threadId?: number): Promise<void> {
    const file = new InputFile(Buffer.from(attachment.content, 'utf8'), attachment.filename);
    await this.deps.api.sendDocument(chatId, file, threadId ? { message_thread_id: threadId } : {});
  }

  /** Replaces a message the bot sent (a page of results); false when the reply does not fit one message. */
  async edit(chatId: number, messageId: number, reply: Reply): Promise<boolean> {
    const parts = renderTelegramHtml(reply);
    // An edit cannot carry a file: a reply with one is sent anew.
    if (parts.length !== 1 || reply.attachments?.length) return false;
    const keyboard = await this.keyboard(reply);
    const options = { link_preview_options: { is_disabled: true }, ...(keyboard ? { reply_markup: keyboard } : {}) };
    try {
      await this.withRetries(chatId, {}, async (id) => {
        await this.deps.api.editMessageText(id, messageId, parts[0]!, { parse_mode: 'HTML', ...options });
      });
      return true;
    } catch (error) {
      if (isNotModified(error) || isNotModified(error instanceof Error ? error.cause : undefined)) return true;
      this.deps.logger.warn({ err: error, chatId, messageId }, 'telegram: could not edit the message, sending a new one');
      return false;
    }
  }

  private async sendPart(chatId: number, html: string, options: object): Promise<number> {
    try {
      return (await this.deps.api.sendMessage(chatId, html, { parse_mode: 'HTML', ...options })).message_id;
    } catch (error) {
      if (!isEntityParseError(error)) throw error;
      // Should not happen (every text is escaped), but a member must still get the answer.
      this.deps.logger.warn({ err: error, chatId }, 'telegram: HTML refused, sending as plain text');
      return (await this.deps.api.sendMessage(chatId, telegramHtmlToPlain(html), options)).message_id;
    }
  }

  /** Deletes a message the bot sent (https://core.telegram.org/bots/api#deletemessage). */
  async delete(chatId: number, messageId: number): Promise<void> {
    await this.withRetries(chatId, {}, async (id) => {
      await this.deps.api.deleteMessage(id, messageId);
    });
  }

  /** Runs one request; returns the chat id it finally went to (a migrated group has a new one). */
  private async withRetries(chatId: number, hooks: SendHooks, request: (chatId: number) => Promise<void>): Promise<number> {
    for (let attempt = 0; ; attempt += 1) {
      await hooks.beforeMessage?.(chatId);
      try {
        await request(chatId);
        return chatId;
      } catch (error) {
        const movedTo = migratedChatId(error);
        if (movedTo !== undefined && movedTo !== chatId) {
          await this.deps.chats.move('telegram', String(chatId), String(movedTo));
          chatId = movedTo;
          continue;
        }
        const failure = toPlatformError(error);
        const retryable = failure.code === 'RATE_LIMITED' || failure.code === 'NETWORK';
        if (retryable && attempt < this.retries) {
          const wait = failure.retryAfterMs ?? DEFAULT_RETRY_MS * 2 ** attempt;
          if (failure.code === 'RATE_LIMITED') hooks.onRateLimited?.(chatId, wait);
          this.deps.logger.warn({ chatId, code: failure.code, waitMs: wait }, 'telegram: waiting before trying again');
          await this.sleep(wait);
          continue;
        }
        if (failure.code === 'FORBIDDEN' || failure.code === 'NOT_FOUND') await this.markUnreachable(chatId, failure.message);
        throw failure;
      }
    }
  }

  private async markUnreachable(chatId: number, reason: string): Promise<void> {
    const kind = chatId < 0 ? 'group' : 'private';
    await this.deps.chats.markUnreachable({ platform: 'telegram', id: String(chatId), kind }, reason);
  }

  private async keyboard(reply: Reply): Promise<InlineKeyboardMarkup | undefined> {
    const rows = reply.buttons.filter((row) => row.length > 0);
    if (rows.length === 0) return undefined;
    const inline_keyboard = await Promise.all(
      rows.map((row) =>
        Promise.all(row.map(async (button) => ({ text: button.label, callback_data: await encodeCallbackData(button, this.deps.buttons) }))),
      ),
    );
    return { inline_keyboard };
  }
}
