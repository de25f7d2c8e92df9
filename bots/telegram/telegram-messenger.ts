/**
 * Unprompted messages to Telegram (digests, answers, pings to experts),
 * inside Telegram's broadcast limits: about 30 messages a second overall,
 * one a second per chat, 20 a minute per group
 * (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this).
 * A chat marked unreachable (blocked, kicked) gets nothing more.
 */
import type { RatePace, RateRule, RateWindow, SlidingWindowLimiter } from '../../core/delivery/rate-limiter.ts';
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

  partsOf(reply: Reply): number {
    return this.sender.partsOf(reply);
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
 * moment we send by network jitter and by our own event loop (on a busy
 * machine a request can leave 100 ms after its grant, the next one at once).
 * So every window is held open longer than Telegram's — the overall one
 * 30 ms, which costs 3% of the rate; one chat's and one group's a quarter
 * of a second, which costs nothing, as other chats fill the overall rate
 * meanwhile — and sends are spread evenly on a grid (one every 1/30 s, plus
 * 2%) rather than let out in bursts of a whole second's worth. The grid
 * keeps its beat when a timer fires late (see RatePace): spacing each send
 * from the previous one instead lost a millisecond or two per send, 3–5% of
 * the rate. Above 30 a second the grid's slots are a few milliseconds apart
 * and sends that wake together take the slots they are late for. Together
 * they keep the sustained rate at about 97% of the limit and never over it.
 */
const OVERALL_ALLOWANCE_MS = 30;
const CHAT_ALLOWANCE_MS = 250;
const SPACING_MARGIN = 1.02;

function windowsFor(chatId: number, rate: TelegramSendRate): RateRule[] {
  const windows: RateRule[] = [
    padded({ key: 'overall', limit: rate.perSecond, windowMs: SEND_RATE.overall.windowMs }, OVERALL_ALLOWANCE_MS),
    pace(rate.perSecond),
    padded({ key: `chat:${chatId}`, ...SEND_RATE.perChat }, CHAT_ALLOWANCE_MS),
  ];
  // Group and supergroup ids are negative.
  if (chatId < 0) windows.push(padded({ key: `group:${chatId}`, ...SEND_RATE.perGroup }, CHAT_ALLOWANCE_MS));
  return windows;
}

function padded(window: RateWindow, allowanceMs: number): RateWindow {
  return { ...window, windowMs: window.windowMs + allowanceMs };
}

/** Up to one slot of lateness is made up (two sends may then go together); more is lost, as after an idle spell. */
function pace(perSecond: number): RatePace {
  const intervalMs = (SEND_RATE.overall.windowMs / perSecond) * SPACING_MARGIN;
  return { key: 'overall:pace', intervalMs, toleranceMs: intervalMs };
}
