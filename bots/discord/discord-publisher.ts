/**
 * Questions and answers on Discord: messages cphub posts and later edits
 * (an accepted answer) or deletes (hidden by a moderator). A reply to an
 * earlier message is a message reference to it.
 * https://discord.com/developers/docs/resources/message#create-message
 */
import { Routes, type REST } from 'discord.js';
import { sendParts } from '../../core/delivery/send-parts.ts';
import { sendToTarget } from '../../core/delivery/send-to-target.ts';
import type { Reply } from '../../core/model/reply.ts';
import type { ChatDirectory, OutboundTarget, SendProgress } from '../../core/ports.ts';
import type { PostedMessage, Publisher } from '../../core/questions/question-ports.ts';
import { digestNonce, nonceExpired } from './digest-nonce.ts';
import { toPlatformError } from './discord-errors.ts';
import type { DiscordMessagePayload } from './render.ts';

export class DiscordPublisher implements Publisher {
  readonly platform = 'discord' as const;

  constructor(
    private readonly rest: REST,
    private readonly chats: ChatDirectory,
    private readonly render: (reply: Reply) => Promise<DiscordMessagePayload[]>,
  ) {}

  /** Also what the Messenger sends through (digests), with the ledger's `progress`. */
  async post(target: OutboundTarget, reply: Reply, replyTo?: string, progress?: SendProgress): Promise<PostedMessage> {
    const posted: PostedMessage = { conversationId: target.conversationId, messageIds: [] };
    await sendToTarget({
      platform: 'discord',
      chats: this.chats,
      target,
      toPlatformError,
      openDm: async (userId) => ((await this.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id: string }).id,
      post: async (channelId) => {
        posted.conversationId = target.threadId ?? channelId;
        const bodies = (await this.render(reply)).map((payload, index) => ({
          ...payload,
          ...(index === 0 && replyTo ? { message_reference: { message_id: replyTo, fail_if_not_exists: false } } : {}),
          // A digest's parts carry a nonce Discord holds unique for a few minutes: a resumed send can repeat one safely.
          ...(progress?.deliveryId ? { nonce: digestNonce(progress.deliveryId, index), enforce_nonce: true } : {}),
        }));
        await sendParts(bodies, async (body) => {
          const message = (await this.rest.post(Routes.channelMessages(posted.conversationId), { body })) as { id: string };
          posted.messageIds.push(message.id);
        }, progress, async (_body, _index, since) => nonceExpired(since));
      },
    });
    return posted;
  }

  async edit(message: PostedMessage, reply: Reply): Promise<void> {
    const [first, ...rest] = message.messageIds;
    if (!first) return;
    const [payload] = await this.render(reply);
    try {
      await this.rest.patch(Routes.channelMessage(message.conversationId, first), { body: { components: [], ...payload } });
      for (const id of rest) await this.rest.delete(Routes.channelMessage(message.conversationId, id));
    } catch (error) {
      throw toPlatformError(error);
    }
  }

  async remove(message: PostedMessage): Promise<void> {
    try {
      for (const id of message.messageIds) await this.rest.delete(Routes.channelMessage(message.conversationId, id));
    } catch (error) {
      throw toPlatformError(error);
    }
  }
}
