/**
 * A Telegram update → the neutral `Incoming` core takes, plus where the
 * answer goes (chat, forum topic, the message to reply to, the button press
 * to answer). Updates cphub does not handle give `undefined` and are ignored
 * quietly. https://core.telegram.org/bots/api#update
 */
import type { Chat, ChatMemberUpdated, Message, Update, User } from 'grammy/types';
import type { Conversation, Incoming, IncomingContent, Sender } from '../../core/model/incoming.ts';
import { decodeCallbackData, type ButtonLookup } from './callback-data.ts';
import { GROUP_ANONYMOUS_BOT_ID } from './limits.ts';

export interface TelegramTurn {
  incoming: Incoming;
  chatId: number;
  /** The forum topic the member wrote in: replies go there too. */
  threadId?: number;
  /** The member's message, quoted by the answer in a group. */
  replyToMessageId?: number;
  /** A button press to answer (so the spinner stops), and the message that carried the button. */
  callback?: { queryId: string; messageId?: number };
}

/** No action has this id, so the router answers "this button no longer works". */
const UNREADABLE_BUTTON = 'telegram.unreadable';

export interface TelegramBotIdentity {
  id: number;
  username: string;
}

/** Callback queries that cannot be turned into a turn still need answering. */
export type TelegramInbound = TelegramTurn | { unanswerableCallbackId: string } | undefined;

export async function fromTelegramUpdate(update: Update, bot: TelegramBotIdentity, buttons: ButtonLookup): Promise<TelegramInbound> {
  const eventId = String(update.update_id);
  if (update.callback_query) return fromCallbackQuery(eventId, update.callback_query, buttons);
  if (update.my_chat_member) return fromMembershipChange(eventId, update.my_chat_member, bot);
  // An edited command is run again when that is harmless: a member who fixes a typo in /search expects the corrected search (core decides, `Incoming.edited`).
  const edited = update.edited_message ?? update.edited_channel_post;
  const message = update.message ?? update.channel_post ?? edited;
  return message ? fromMessage(eventId, message, bot, message === edited) : undefined;
}

function fromMessage(eventId: string, message: Message, bot: TelegramBotIdentity, edited: boolean): TelegramTurn | undefined {
  const migration = migrationOf(eventId, message);
  if (migration) return migration;
  const content = messageContent(message, bot);
  const sender = senderOf(message, bot);
  if (!content || !sender) return undefined;
  const conversation = conversationOf(message.chat, topicOf(message));
  const replyTo = content.kind === 'command' ? repliedAuthor(message, bot) : undefined;
  // A reply to the bot's own message reaches it even in privacy mode: a reply to a posted question is an answer.
  const replied = message.reply_to_message;
  // The reply's own id too: it stays in the group, and hiding the answer it became must take it down.
  const repliesToBot = content.kind === 'text' && replied?.from?.id === bot.id ? { messageId: String(replied.message_id), ownMessageId: String(message.message_id) } : undefined;
  return {
    incoming: {
      eventId, platform: 'telegram', sender, conversation, content,
      ...(replyTo ? { replyTo } : {}), ...(repliesToBot ? { repliesToBot } : {}), ...(edited ? { edited } : {}),
      // A group reads every message, and a bot's reply cannot be shown to one member there.
      ...(conversation.kind === 'group' ? { groupSeesEverything: true } : {}),
    },
    chatId: message.chat.id,
    ...(conversation.threadId ? { threadId: Number(conversation.threadId) } : {}),
    ...(conversation.kind === 'group' ? { replyToMessageId: message.message_id } : {}),
  };
}

/**
 * A group that became a supergroup: both service messages arrive, one in the
 * old group (`migrate_to_chat_id`) and one in the new supergroup
 * (`migrate_from_chat_id`), in either order; both say "old id → new id".
 */
function migrationOf(eventId: string, message: Message): TelegramTurn | undefined {
  const [from, to] = message.migrate_to_chat_id
    ? [message.chat.id, message.migrate_to_chat_id]
    : message.migrate_from_chat_id
      ? [message.migrate_from_chat_id, message.chat.id]
      : [];
  if (from === undefined || to === undefined) return undefined;
  return {
    incoming: {
      eventId,
      platform: 'telegram',
      sender: message.from ? personOf(message.from) : { id: String(message.chat.id) },
      conversation: { ...conversationOf(message.chat, undefined), id: String(from) },
      content: { kind: 'moved', toConversationId: String(to) },
    },
    chatId: to,
  };
}

function messageContent(message: Message, bot: TelegramBotIdentity): IncomingContent | undefined {
  if (message.text === undefined) return undefined;
  const command = commandOf(message, bot);
  if (command === null) return undefined;
  return command ?? { kind: 'text', text: message.text };
}

/** A command at the start of the text; `null` when it is addressed to another bot. */
function commandOf(message: Message, bot: TelegramBotIdentity): IncomingContent | null | undefined {
  const entity = message.entities?.find((item) => item.type === 'bot_command' && item.offset === 0);
  const text = message.text ?? '';
  if (!entity) return undefined;
  const [name = '', addressee] = text.slice(1, entity.length).split('@');
  if (addressee && addressee.toLowerCase() !== bot.username.toLowerCase()) return null;
  return { kind: 'command', name: name.toLowerCase(), args: text.slice(entity.length).trim() };
}

/**
 * The person whose message a command answers (`/suspend` as a reply). Not a
 * bot, not a channel, and not the hidden "reply" to a forum topic's first
 * message that Telegram adds to every message in a topic.
 * https://core.telegram.org/bots/api#message (reply_to_message, is_topic_message)
 */
function repliedAuthor(message: Message, bot: TelegramBotIdentity): { senderId: string } | undefined {
  const replied = message.reply_to_message;
  if (!replied?.from || replied.from.is_bot || replied.from.id === bot.id || replied.sender_chat) return undefined;
  if (replied.forum_topic_created || (message.is_topic_message && replied.message_id === message.message_thread_id)) return undefined;
  return { senderId: String(replied.from.id) };
}

/**
 * Who wrote it. Anonymous group admins and channels write as a chat
 * (`sender_chat`; `from` is a Telegram service bot): the chat is the sender.
 * Other bots, and this bot's own messages, are not members.
 */
function senderOf(message: Message, bot: TelegramBotIdentity): Sender | undefined {
  if (message.sender_chat) {
    return { id: String(message.sender_chat.id), displayName: chatTitle(message.sender_chat) ?? '' };
  }
  const from = message.from;
  if (!from || from.id === bot.id || (from.is_bot && from.id !== GROUP_ANONYMOUS_BOT_ID)) return undefined;
  return personOf(from);
}

function personOf(user: User): Sender {
  return {
    id: String(user.id),
    displayName: [user.first_name, user.last_name].filter(Boolean).join(' '),
    ...(user.language_code ? { locale: user.language_code } : {}),
  };
}

async function fromCallbackQuery(
  eventId: string,
  query: NonNullable<Update['callback_query']>,
  buttons: ButtonLookup,
): Promise<TelegramInbound> {
  const message = query.message;
  // A press on an inline-mode message has no chat to answer in; one without data is a game.
  if (!message || query.data === undefined) return { unanswerableCallbackId: query.id };
  // Data cphub cannot read (an expired token) still reaches the router, which says the button no longer works.
  const action = (await decodeCallbackData(query.data, buttons)) ?? { actionId: UNREADABLE_BUTTON, value: '' };
  const conversation = conversationOf(message.chat, 'is_topic_message' in message ? topicOf(message) : undefined);
  return {
    incoming: {
      eventId,
      platform: 'telegram',
      sender: personOf(query.from),
      conversation,
      content: { kind: 'action', ...action },
      ...(conversation.kind === 'group' ? { groupSeesEverything: true } : {}),
    },
    chatId: message.chat.id,
    ...(conversation.threadId ? { threadId: Number(conversation.threadId) } : {}),
    callback: { queryId: query.id, messageId: message.message_id },
  };
}

function fromMembershipChange(eventId: string, change: ChatMemberUpdated, bot: TelegramBotIdentity): TelegramTurn | undefined {
  if (change.new_chat_member.user.id !== bot.id && change.new_chat_member.user.username !== bot.username) return undefined;
  const member = change.new_chat_member;
  const isIn = member.status === 'member' || member.status === 'administrator' || member.status === 'creator'
    || (member.status === 'restricted' && member.is_member);
  return {
    incoming: {
      eventId,
      platform: 'telegram',
      sender: personOf(change.from),
      conversation: conversationOf(change.chat, undefined),
      content: { kind: isIn ? 'joined' : 'left' },
    },
    chatId: change.chat.id,
  };
}

function conversationOf(chat: Chat, threadId: number | undefined): Conversation {
  const title = chatTitle(chat);
  return {
    id: String(chat.id),
    kind: chat.type === 'private' ? 'private' : 'group',
    ...(title && chat.type !== 'private' ? { title } : {}),
    ...(threadId ? { threadId: String(threadId) } : {}),
  };
}

/** Only forum topics are threads to answer in; a reply chain in an ordinary group is not. */
function topicOf(message: Pick<Message, 'is_topic_message' | 'message_thread_id'>): number | undefined {
  return message.is_topic_message ? message.message_thread_id : undefined;
}

function chatTitle(chat: Chat): string | undefined {
  if ('title' in chat && chat.title) return chat.title;
  if ('first_name' in chat) return [chat.first_name, chat.last_name].filter(Boolean).join(' ');
  return undefined;
}
