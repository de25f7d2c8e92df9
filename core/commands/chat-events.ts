/**
 * What happens to a conversation itself: the bot added to a group (remember
 * it, greet it in the language of whoever added the bot), removed or blocked
 * (remember that, send nothing more), or the conversation moving to a new id.
 */
import type { IncomingContent } from '../model/incoming.ts';
import { paragraph, reply, text } from '../model/reply-builders.ts';
import type { Reply } from '../model/reply.ts';
import type { CommandContext } from '../router/command.ts';
import { searchExample } from './examples.ts';

export type ChatEvent = Extract<IncomingContent, { kind: 'joined' | 'left' | 'moved' }>;

export async function handleChatEvent(context: CommandContext, event: ChatEvent): Promise<Reply | undefined> {
  const { incoming, services } = context;
  const { platform, conversation } = incoming;
  switch (event.kind) {
    case 'joined':
      await services.chats.remember({
        platform,
        id: conversation.id,
        kind: conversation.kind,
        ...(conversation.title ? { title: conversation.title } : {}),
        language: context.language,
      });
      return conversation.kind === 'group' ? greeting(context) : undefined;
    case 'left':
      await services.chats.markLeft(platform, conversation.id);
      return undefined;
    case 'moved':
      await services.chats.move(platform, conversation.id, event.toConversationId);
      return undefined;
  }
}

function greeting(context: CommandContext): Reply {
  const { t } = context;
  return reply([
    paragraph(text(t('start.welcome'))),
    paragraph(text(t('group.hello', { example: context.command('search', searchExample(context)), help: context.command('help') }))),
  ]);
}
