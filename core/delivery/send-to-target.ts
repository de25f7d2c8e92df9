/**
 * One unprompted message to a target, the way every messenger must do it: a
 * target marked unreachable gets nothing (no request at all); a member target
 * (`user:<id>`) goes through the DM the platform opens; a refusal that means
 * "never" (blocked, removed, DMs closed, gone) marks the target unreachable.
 */
import type { PlatformName } from '../model/incoming.ts';
import type { ChatDirectory, OutboundTarget } from '../ports.ts';
import { PlatformError } from './platform-error.ts';

/** A target that is a member rather than a channel: `user:<platform user id>`. */
export const DM_TARGET_PREFIX = 'user:';

/** Where a member's private messages go: Telegram's (and the console's) private chat id is the user id; elsewhere a DM is opened for `user:<id>`. */
export function memberTarget(platform: PlatformName, userId: string): OutboundTarget {
  return { conversationId: platform === 'telegram' || platform === 'console' ? userId : `${DM_TARGET_PREFIX}${userId}` };
}

export interface TargetDelivery {
  platform: PlatformName;
  chats: ChatDirectory;
  target: OutboundTarget;
  /** The DM channel with this member. */
  openDm(userId: string): Promise<string>;
  /** Sends the message(s) to this channel. */
  post(channelId: string): Promise<void>;
  toPlatformError(error: unknown): PlatformError;
}

export async function sendToTarget(delivery: TargetDelivery): Promise<void> {
  const { platform, chats } = delivery;
  const id = delivery.target.conversationId;
  const known = await chats.find(platform, id);
  if (known && known.status !== 'active') throw new PlatformError(platform, 'FORBIDDEN', `${id} is ${known.status}`);
  const kind = id.startsWith(DM_TARGET_PREFIX) ? 'private' : 'group';
  try {
    await delivery.post(kind === 'private' ? await delivery.openDm(id.slice(DM_TARGET_PREFIX.length)) : id);
  } catch (error) {
    const failure = delivery.toPlatformError(error);
    if (failure.code === 'FORBIDDEN' || failure.code === 'NOT_FOUND') await chats.markUnreachable({ platform, id, kind }, failure.message);
    throw failure;
  }
}
