/**
 * Unprompted messages to Discord: channel posts, and DMs (a target
 * `user:<id>` opens the DM channel first). discord.js's REST client keeps to
 * Discord's rate limits itself (per-route buckets, the global limit, waiting
 * out a 429), so there is no limiter here. A 403 or an unknown channel marks
 * the target unreachable, and nothing more is sent there.
 */
import { Routes, type REST } from 'discord.js';
import { PlatformError } from '../../core/delivery/platform-error.ts';
import type { Reply } from '../../core/model/reply.ts';
import type { ChatDirectory, Messenger, OutboundTarget } from '../../core/ports.ts';
import { isUnreachable, toPlatformError } from './discord-errors.ts';
import type { DiscordMessagePayload } from './render.ts';

/** A target that is a member rather than a channel: `user:<snowflake>`. */
export const DM_TARGET_PREFIX = 'user:';

export class DiscordMessenger implements Messenger {
  readonly platform = 'discord' as const;

  constructor(
    private readonly rest: REST,
    private readonly chats: ChatDirectory,
    private readonly render: (reply: Reply) => Promise<DiscordMessagePayload[]>,
  ) {}

  async send(target: OutboundTarget, reply: Reply): Promise<void> {
    const id = target.conversationId;
    const known = await this.chats.find('discord', id);
    if (known && known.status !== 'active') throw new PlatformError('discord', 'FORBIDDEN', `${id} is ${known.status}`);
    const kind = id.startsWith(DM_TARGET_PREFIX) ? 'private' : 'group';
    try {
      const channelId = kind === 'private' ? await this.openDm(id.slice(DM_TARGET_PREFIX.length)) : (target.threadId ?? id);
      for (const body of await this.render(reply)) await this.rest.post(Routes.channelMessages(channelId), { body });
    } catch (error) {
      const failure = toPlatformError(error);
      if (isUnreachable(failure)) await this.chats.markUnreachable({ platform: 'discord', id, kind }, failure.message);
      throw failure;
    }
  }

  private async openDm(userId: string): Promise<string> {
    const channel = (await this.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id: string };
    return channel.id;
  }
}
