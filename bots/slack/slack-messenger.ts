/**
 * Unprompted messages to Slack: `chat.postMessage` to a channel, or to a
 * member (`user:<id>`) through the DM `conversations.open` gives. The Web API
 * client waits out a 429's `Retry-After` and tries again by itself.
 * `not_in_channel`, `channel_not_found`, `account_inactive` mark the target
 * unreachable (see core/delivery/send-to-target.ts).
 */
import type { webApi } from '@slack/bolt';
import { sendToTarget } from '../../core/delivery/send-to-target.ts';
import type { Reply } from '../../core/model/reply.ts';
import { sendParts } from '../../core/delivery/send-parts.ts';
import type { ChatDirectory, Messenger, OutboundTarget, SendProgress } from '../../core/ports.ts';
import type { SlackMessage } from './render.ts';
import { toPlatformError } from './slack-errors.ts';

export class SlackMessenger implements Messenger {
  readonly platform = 'slack' as const;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly chats: ChatDirectory,
    private readonly render: (reply: Reply) => Promise<SlackMessage[]>,
  ) {}

  async send(target: OutboundTarget, reply: Reply, progress?: SendProgress): Promise<void> {
    await sendToTarget({
      platform: 'slack',
      chats: this.chats,
      target,
      toPlatformError,
      openDm: async (userId) => (await this.client.conversations.open({ users: userId })).channel!.id!,
      post: async (channel) => {
        const post = (message: SlackMessage) => this.client.chat.postMessage({ channel, ...message, ...(target.threadId ? { thread_ts: target.threadId } : {}) });
        await sendParts(await this.render(reply), post, progress);
      },
    });
  }
}
