/**
 * Questions and answers on Slack: messages cphub posts and later edits
 * (chat.update: an accepted answer) or deletes (chat.delete: hidden by a
 * moderator). A reply to an earlier message goes into its thread.
 * https://api.slack.com/methods/chat.update, https://api.slack.com/methods/chat.delete
 */
import type { webApi } from '@slack/bolt';
import { sendParts } from '../../core/delivery/send-parts.ts';
import { sendToTarget } from '../../core/delivery/send-to-target.ts';
import type { Reply } from '../../core/model/reply.ts';
import type { ChatDirectory, OutboundTarget, SendProgress } from '../../core/ports.ts';
import type { PostedMessage, Publisher } from '../../core/questions/question-ports.ts';
import { COMMAND_PREFIX } from './inbound.ts';
import type { SlackMessage } from './render.ts';
import { digestMetadata, isPartPosted } from './digest-metadata.ts';
import { toPlatformError } from './slack-errors.ts';

export class SlackPublisher implements Publisher {
  readonly platform = 'slack' as const;
  readonly commandPrefix = COMMAND_PREFIX;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly chats: ChatDirectory,
    private readonly render: (reply: Reply) => Promise<SlackMessage[]>,
  ) {}

  /** Also what the Messenger sends through (digests), with the ledger's `progress`. */
  async post(target: OutboundTarget, reply: Reply, replyTo?: string, progress?: SendProgress): Promise<PostedMessage> {
    const posted: PostedMessage = { conversationId: target.conversationId, messageIds: [] };
    const thread = replyTo ?? target.threadId;
    await sendToTarget({
      platform: 'slack',
      chats: this.chats,
      target,
      toPlatformError,
      openDm: async (userId) => (await this.client.conversations.open({ users: userId })).channel!.id!,
      post: async (channel) => {
        // The DM's channel id (D…), not the user: chat.update and chat.delete need it.
        posted.conversationId = channel;
        const deliveryId = progress?.deliveryId;
        await sendParts(await this.render(reply), async (message, index) => {
          const result = await this.client.chat.postMessage({
            channel, ...message, ...(thread ? { thread_ts: thread } : {}),
            ...(deliveryId ? { metadata: digestMetadata(deliveryId, index) } : {}),
          });
          posted.messageIds.push(result.ts!);
        }, progress, async (_message, index, since) => !deliveryId || thread !== undefined || isPartPosted(this.client, channel, deliveryId, index, since));
      },
    });
    return posted;
  }

  async edit(message: PostedMessage, reply: Reply): Promise<void> {
    const [first, ...rest] = message.messageIds;
    if (!first) return;
    const [rendered] = await this.render(reply);
    try {
      await this.client.chat.update({ channel: message.conversationId, ts: first, blocks: [], ...rendered });
      for (const ts of rest) await this.client.chat.delete({ channel: message.conversationId, ts });
    } catch (error) {
      throw toPlatformError(error);
    }
  }

  async remove(message: PostedMessage): Promise<void> {
    try {
      for (const ts of message.messageIds) await this.client.chat.delete({ channel: message.conversationId, ts });
    } catch (error) {
      throw toPlatformError(error);
    }
  }
}
