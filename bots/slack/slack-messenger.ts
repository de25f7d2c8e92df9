/**
 * Unprompted messages to Slack: `chat.postMessage` to a channel, or to a
 * member (`user:<id>`) through the DM `conversations.open` gives. The Web API
 * client waits out a 429's `Retry-After` and tries again by itself.
 * `not_in_channel`, `channel_not_found`, `account_inactive` mark the target
 * unreachable (see core/delivery/send-to-target.ts). The posting itself is
 * the publisher's: one way to reach a channel or a DM.
 */
import type { Reply } from '../../core/model/reply.ts';
import type { Messenger, OutboundTarget, SendProgress } from '../../core/ports.ts';
import type { SlackPublisher } from './slack-publisher.ts';

export class SlackMessenger implements Messenger {
  readonly platform = 'slack' as const;

  constructor(private readonly publisher: SlackPublisher) {}

  async send(target: OutboundTarget, reply: Reply, progress?: SendProgress): Promise<void> {
    await this.publisher.post(target, reply, undefined, progress);
  }
}
