/**
 * A member's plain reply to a question cphub posted in a group is taken as
 * an answer (core/commands/answer.ts, `answerByReply`), and the reply itself
 * stays in the group: hiding the answer must take it down too, which a bot
 * may do where it is an administrator with "Delete messages"
 * (https://core.telegram.org/bots/api#deletemessage). This gives core the
 * reply's own message id beside the id of the bot's message it answers.
 */
import type { Update } from 'grammy/types';
import type { Incoming } from '../../core/model/incoming.ts';
import type { Router } from '../../core/router/router.ts';

/** `router`, with the member's message id added to a reply to the bot in `update` (the message inbound.ts reads). */
export function withOwnMessageId(router: Pick<Router, 'handle'>, update: Update): Pick<Router, 'handle'> {
  const message = update.message ?? update.edited_message;
  if (!message?.reply_to_message) return router;
  const ownMessageId = String(message.message_id);
  return {
    handle: (incoming: Incoming) => router.handle(incoming.repliesToBot ? { ...incoming, repliesToBot: { ...incoming.repliesToBot, ownMessageId } } : incoming),
  };
}
