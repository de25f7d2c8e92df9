/**
 * Questions and answers on Telegram: messages cphub posts (inside the same
 * broadcast limits as every unprompted message) and later edits
 * (editMessageText: an accepted answer) or deletes (deleteMessage: hidden by
 * a moderator; a bot may delete its own messages in groups and private
 * chats). A reply to an earlier message quotes it (reply_parameters).
 */
import { PlatformError } from '../../core/delivery/platform-error.ts';
import type { Reply } from '../../core/model/reply.ts';
import type { ChatDirectory, OutboundTarget } from '../../core/ports.ts';
import type { PostedMessage, Publisher } from '../../core/questions/question-ports.ts';
import type { SendHooks, TelegramSender } from './telegram-sender.ts';

export class TelegramPublisher implements Publisher {
  readonly platform = 'telegram' as const;

  constructor(
    private readonly sender: TelegramSender,
    private readonly chats: ChatDirectory,
    private readonly hooks: SendHooks,
  ) {}

  async post(target: OutboundTarget, reply: Reply, replyTo?: string): Promise<PostedMessage> {
    const chat = await this.chats.find('telegram', target.conversationId);
    if (chat && chat.status !== 'active') throw new PlatformError('telegram', 'FORBIDDEN', `chat ${target.conversationId} is ${chat.status}`);
    const place = {
      chatId: Number(target.conversationId),
      ...(target.threadId ? { threadId: Number(target.threadId) } : {}),
      ...(replyTo ? { replyToMessageId: Number(replyTo) } : {}),
    };
    const sent = await this.sender.send(place, reply, this.hooks);
    return { conversationId: String(sent.chatId), messageIds: sent.messageIds.map(String) };
  }

  async edit(message: PostedMessage, reply: Reply): Promise<void> {
    const [first, ...rest] = message.messageIds;
    if (!first) return;
    const chatId = Number(message.conversationId);
    if (!(await this.sender.edit(chatId, Number(first), reply))) throw new PlatformError('telegram', 'INVALID', 'the new text does not fit one message');
    for (const id of rest) await this.sender.delete(chatId, Number(id));
  }

  async remove(message: PostedMessage): Promise<void> {
    for (const id of message.messageIds) await this.sender.delete(Number(message.conversationId), Number(id));
  }
}
