/**
 * One update, end to end: Telegram update → `Incoming` → core → replies →
 * Telegram. A button press is answered so the member's spinner stops; a new
 * page of results replaces the page the button was on.
 */
import type { Api } from 'grammy';
import type { Update } from 'grammy/types';
import type { Reply } from '../../core/model/reply.ts';
import type { ButtonPayloads, Logger } from '../../core/ports.ts';
import type { Router } from '../../core/router/router.ts';
import { fromTelegramUpdate, type TelegramBotIdentity, type TelegramTurn } from './inbound.ts';
import { CALLBACK_ANSWER_TEXT_MAX } from './limits.ts';
import type { TelegramSender } from './telegram-sender.ts';

export interface TurnDeps {
  api: Api;
  router: Pick<Router, 'handle'>;
  sender: TelegramSender;
  buttons: ButtonPayloads;
  logger: Logger;
  identity: TelegramBotIdentity;
}

export async function handleTelegramUpdate(deps: TurnDeps, update: Update): Promise<void> {
  const inbound = await fromTelegramUpdate(update, deps.identity, deps.buttons);
  if (!inbound) return;
  if ('unanswerableCallbackId' in inbound) {
    await answerCallback(deps, inbound.unanswerableCallbackId);
    return;
  }
  const replies = await deps.router.handle(inbound.incoming);
  try {
    await deliver(deps, inbound, replies);
  } catch (error) {
    // The sender already retried and marked the chat; the turn is over.
    deps.logger.warn({ err: error, platform: 'telegram', eventId: inbound.incoming.eventId }, 'telegram: could not deliver a reply');
  }
}

async function deliver(deps: TurnDeps, turn: TelegramTurn, replies: Reply[]): Promise<void> {
  const place = {
    chatId: turn.chatId,
    ...(turn.threadId ? { threadId: turn.threadId } : {}),
    ...(turn.replyToMessageId ? { replyToMessageId: turn.replyToMessageId } : {}),
  };
  if (!turn.callback) {
    for (const reply of replies) await deps.sender.send(place, reply);
    if (turn.replyToMessageId && replies.some((reply) => reply.withdrawTrigger)) await withdraw(deps, turn.chatId, turn.replyToMessageId);
    return;
  }
  // A short note for the presser alone ("this button no longer works") is the answer's toast;
  // one with buttons (the next onboarding question) is a message, or its buttons would be lost.
  const [only] = replies;
  const toast = only?.private && only.buttons.flat().length === 0 && !only.attachments?.length && only.fallbackText.length <= CALLBACK_ANSWER_TEXT_MAX;
  if (replies.length === 1 && toast) {
    await answerCallback(deps, turn.callback.queryId, only.fallbackText);
    return;
  }
  await answerCallback(deps, turn.callback.queryId);
  const messageId = turn.callback.messageId;
  for (const [index, reply] of replies.entries()) {
    const edited = index === 0 && messageId !== undefined && (await deps.sender.edit(turn.chatId, messageId, reply));
    if (!edited) await deps.sender.send(place, reply);
  }
}

/**
 * The member's message in the group carries identifying data (core said so):
 * taken down if the bot may delete others' messages there (an administrator
 * with "Delete messages"); otherwise it stays, and the log says why.
 * https://core.telegram.org/bots/api#deletemessage
 */
async function withdraw(deps: TurnDeps, chatId: number, messageId: number): Promise<void> {
  try {
    await deps.api.deleteMessage(chatId, messageId);
  } catch (error) {
    deps.logger.warn({ err: error, platform: 'telegram', chatId }, 'telegram: could not delete a message with identifying data (the bot needs the right to delete messages)');
  }
}

/** Telegram shows a spinner on the button until the press is answered; an old press cannot be answered. */
async function answerCallback(deps: TurnDeps, queryId: string, text?: string): Promise<void> {
  try {
    await deps.api.answerCallbackQuery(queryId, text ? { text } : {});
  } catch (error) {
    deps.logger.warn({ err: error, platform: 'telegram' }, 'telegram: could not answer the button press');
  }
}
