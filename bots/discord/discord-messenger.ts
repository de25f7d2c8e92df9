/**
 * Unprompted messages to Discord: channel posts, and DMs (a target
 * `user:<id>` opens the DM channel first). discord.js's REST client keeps to
 * Discord's rate limits itself (per-route buckets, the global limit, waiting
 * out a 429), so there is no limiter here. A 403 or an unknown channel marks
 * the target unreachable (see core/delivery/send-to-target.ts). The posting
 * itself is the publisher's: one way to reach a channel or a DM.
 */
import type { Reply } from '../../core/model/reply.ts';
import type { Messenger, OutboundTarget, SendProgress } from '../../core/ports.ts';
import type { DiscordPublisher } from './discord-publisher.ts';

export class DiscordMessenger implements Messenger {
  readonly platform = 'discord' as const;

  constructor(private readonly publisher: DiscordPublisher) {}

  async send(target: OutboundTarget, reply: Reply, progress?: SendProgress): Promise<void> {
    await this.publisher.post(target, reply, undefined, progress);
  }
}
