/**
 * Unprompted messages to Telegram (digests, answers, pings to experts),
 * inside Telegram's broadcast limits: about 30 messages a second overall,
 * one a second per chat, 20 a minute per group
 * (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this).
 * A chat marked unreachable (blocked, kicked) gets nothing more.
 */
import type { RateWindow, SlidingWindowLimiter } from '../../core/delivery/rate-limiter.ts';
import { PlatformError } from '../../core/delivery/platform-error.ts';
import type { Reply } from '../../core/model/reply.ts';
import type { ChatDirectory, Messenger, OutboundTarget } from '../../core/ports.ts';
import { SEND_RATE } from './limits.ts';
import type { SendHooks, TelegramSender } from './telegram-sender.ts';

export interface TelegramSendRate {
  /** Messages a second over all chats (Telegram: about 30; more with paid broadcasts). */
  perSecond: number;
}

export class TelegramMessenger implements Messenger {
  readonly platform = 'telegram' as const;
  private readonly hooks: SendHooks;

  constructor(
    private readonly sender: TelegramSender,
    private readonly chats: ChatDirectory,
    limiter: SlidingWindowLimiter,
    rate: TelegramSendRate = { perSecond: SEND_RATE.overall.limit },
  ) {
    this.hooks = {
      beforeMessage: (chatId) => limiter.acquire(windowsFor(chatId, rate)),
      onRateLimited: (chatId, ms) => limiter.pause(`chat:${chatId}`, ms),
    };
  }

  async send(target: OutboundTarget, reply: Reply): Promise<void> {
    const chat = await this.chats.find('telegram', target.conversationId);
    if (chat && chat.status !== 'active') {
      throw new PlatformError('telegram', 'FORBIDDEN', `chat ${target.conversationId} is ${chat.status}`);
    }
    const chatId = Number(target.conversationId);
    await this.sender.send({ chatId, ...(target.threadId ? { threadId: Number(target.threadId) } : {}) }, reply, this.hooks);
  }
}

function windowsFor(chatId: number, rate: TelegramSendRate): RateWindow[] {
  const windows: RateWindow[] = [
    { key: 'overall', limit: rate.perSecond, windowMs: SEND_RATE.overall.windowMs },
    { key: `chat:${chatId}`, ...SEND_RATE.perChat },
  ];
  // Group and supergroup ids are negative.
  if (chatId < 0) windows.push({ key: `group:${chatId}`, ...SEND_RATE.perGroup });
  return windows;
}
