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
import type { ChatDirectory, Messenger, OutboundTarget, SendProgress } from '../../core/ports.ts';
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
    this.hooks = broadcastHooks(limiter, rate);
  }

  async send(target: OutboundTarget, reply: Reply, progress?: SendProgress): Promise<void> {
    const chat = await this.chats.find('telegram', target.conversationId);
    if (chat && chat.status !== 'active') {
      throw new PlatformError('telegram', 'FORBIDDEN', `chat ${target.conversationId} is ${chat.status}`);
    }
    const chatId = Number(target.conversationId);
    const hooks = progress ? { ...this.hooks, progress } : this.hooks;
    await this.sender.send({ chatId, ...(target.threadId ? { threadId: Number(target.threadId) } : {}) }, reply, hooks);
  }
}

/** Every unprompted message waits for the broadcast limits; a 429 pauses its chat. */
export function broadcastHooks(limiter: SlidingWindowLimiter, rate: TelegramSendRate = { perSecond: SEND_RATE.overall.limit }): SendHooks {
  return {
    beforeMessage: (chatId) => limiter.acquire(windowsFor(chatId, rate)),
    onRateLimited: (chatId, ms) => limiter.pause(`chat:${chatId}`, ms),
  };
}

/**
 * Telegram counts a message when it arrives, and arrivals drift from the
 * moment we send by network jitter. So every window is held open 30 ms
 * longer than Telegram's, and sends are spread evenly (about one every 1/30
 * s, plus 2%) rather than let out in bursts of a whole second's worth. Above
 * 30 a second, small groups share each slot, as timers are not fine enough
 * to space single sends a few milliseconds apart. Together they keep the
 * sustained rate at about 97% of the limit and never over it.
 */
const JITTER_ALLOWANCE_MS = 30;
const SPACING_MARGIN = 1.02;
const SLOTS_PER_SECOND = 30;

function windowsFor(chatId: number, rate: TelegramSendRate): RateWindow[] {
  const windows: RateWindow[] = [
    padded({ key: 'overall', limit: rate.perSecond, windowMs: SEND_RATE.overall.windowMs }),
    spacing(rate.perSecond),
    padded({ key: `chat:${chatId}`, ...SEND_RATE.perChat }),
  ];
  // Group and supergroup ids are negative.
  if (chatId < 0) windows.push(padded({ key: `group:${chatId}`, ...SEND_RATE.perGroup }));
  return windows;
}

function padded(window: RateWindow): RateWindow {
  return { ...window, windowMs: window.windowMs + JITTER_ALLOWANCE_MS };
}

function spacing(perSecond: number): RateWindow {
  const perSlot = Math.max(1, Math.round(perSecond / SLOTS_PER_SECOND));
  return { key: 'overall:spacing', limit: perSlot, windowMs: ((SEND_RATE.overall.windowMs * perSlot) / perSecond) * SPACING_MARGIN };
}
