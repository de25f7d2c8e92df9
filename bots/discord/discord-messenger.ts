/**
 * Unprompted messages to Discord: channel posts, and DMs (a target
 * `user:<id>` opens the DM channel first). discord.js's REST client keeps to
 * Discord's rate limits itself (per-route buckets, the global limit, waiting
 * out a 429), so there is no limiter here. A 403 or an unknown channel marks
 * the target unreachable (see core/delivery/send-to-target.ts).
 */
import { Routes, type REST } from 'discord.js';
import { sendToTarget } from '../../core/delivery/send-to-target.ts';
import type { Reply } from '../../core/model/reply.ts';
import { sendParts } from '../../core/delivery/send-parts.ts';
import type { ChatDirectory, Messenger, OutboundTarget, SendProgress } from '../../core/ports.ts';
import { toPlatformError } from './discord-errors.ts';
import type { DiscordMessagePayload } from './render.ts';

export class DiscordMessenger implements Messenger {
  readonly platform = 'discord' as const;

  constructor(
    private readonly rest: REST,
    private readonly chats: ChatDirectory,
    private readonly render: (reply: Reply) => Promise<DiscordMessagePayload[]>,
  ) {}

  async send(target: OutboundTarget, reply: Reply, progress?: SendProgress): Promise<void> {
    await sendToTarget({
      platform: 'discord',
      chats: this.chats,
      target,
      toPlatformError,
      openDm: async (userId) => ((await this.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id: string }).id,
      post: async (channelId) => {
        const channel = target.threadId ?? channelId;
        await sendParts(await this.render(reply), (body) => this.rest.post(Routes.channelMessages(channel), { body }), progress);
      },
    });
  }
}
