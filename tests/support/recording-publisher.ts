/**
 * A Publisher that keeps what core asked it to post, edit and remove, for
 * the core tests of questions and answers (the platforms' own publishers are
 * tested through their fakes in tests/bots/questions-*.test.ts).
 */
import { blocksToPlain } from '../../core/model/reply-builders.ts';
import type { Reply } from '../../core/model/reply.ts';
import type { PlatformName } from '../../core/model/incoming.ts';
import type { OutboundTarget } from '../../core/ports.ts';
import type { PostedMessage, Publisher } from '../../core/questions/question-ports.ts';

export interface RecordedPost {
  target: OutboundTarget;
  reply: Reply;
  text: string;
  replyTo?: string;
  messageId: string;
}

export class RecordingPublisher implements Publisher {
  readonly posts: RecordedPost[] = [];
  readonly edits: Array<{ messageId: string; text: string }> = [];
  readonly removed: string[] = [];
  /** Conversations that refuse messages (a member who never opened a chat with the bot). */
  readonly refusing = new Set<string>();
  /** Messages the platform will not delete (Telegram: a bot's message older than 48 hours). */
  readonly undeletable = new Set<string>();
  private next = 100;

  constructor(readonly platform: PlatformName) {}

  async post(target: OutboundTarget, reply: Reply, replyTo?: string): Promise<PostedMessage> {
    if (this.refusing.has(target.conversationId)) throw new Error(`${target.conversationId} refuses messages`);
    const messageId = String(++this.next);
    this.posts.push({ target, reply, text: blocksToPlain(reply.blocks), ...(replyTo ? { replyTo } : {}), messageId });
    return { conversationId: target.conversationId, messageIds: [messageId] };
  }

  async edit(message: PostedMessage, reply: Reply): Promise<void> {
    this.edits.push({ messageId: message.messageIds[0]!, text: blocksToPlain(reply.blocks) });
  }

  async remove(message: PostedMessage): Promise<void> {
    const kept = message.messageIds.find((id) => this.undeletable.has(id));
    if (kept) throw new Error(`message ${kept} can't be deleted`);
    this.removed.push(...message.messageIds);
  }

  to(conversationId: string): RecordedPost[] {
    return this.posts.filter((post) => post.target.conversationId === conversationId);
  }
}
