/**
 * What a member did, as every adapter reports it: who, where, and what
 * (a command with its argument text, plain text, or a button press).
 * Adapters build it; core never sees a platform object.
 */
export type PlatformName = 'console' | 'telegram' | 'discord' | 'slack';

export interface Sender {
  /** The platform's own user id, as a string. */
  id: string;
  displayName?: string;
  /** The locale the platform reports (e.g. Telegram `language_code`), if any. */
  locale?: string;
}

export interface Conversation {
  id: string;
  kind: 'private' | 'group';
  /** The group's name, when the platform gives one. */
  title?: string;
  /** A topic or thread inside the conversation: replies go back into it. */
  threadId?: string;
}

export type IncomingContent =
  | { kind: 'command'; name: string; args: string }
  | { kind: 'text'; text: string }
  | { kind: 'action'; actionId: string; value: string }
  /** The bot was added to this conversation (or a member who had blocked it came back). */
  | { kind: 'joined' }
  /** The bot was removed from this conversation, or the member blocked it. */
  | { kind: 'left' }
  /** The conversation now lives under another id (a Telegram group that became a supergroup). */
  | { kind: 'moved'; toConversationId: string };

export interface Incoming {
  /** A unique id of the platform event, for logs and de-duplication. */
  eventId: string;
  platform: PlatformName;
  sender: Sender;
  conversation: Conversation;
  content: IncomingContent;
  /**
   * The author of the message this one answers (a Telegram reply), so a
   * moderator can name a member by answering their message: `/suspend`.
   */
  replyTo?: { senderId: string };
  /**
   * The message this one answers when it may be one of the bot's own (a
   * Telegram reply to the bot, a Slack reply in a thread): a plain reply to
   * a posted question is an answer to it (core looks the message up among
   * the questions it posted; any other is ignored). `ownMessageId` is the
   * member's message itself, given where a bot may delete others' messages
   * (a Telegram group where it is an administrator; never Slack): an answer
   * taken from it goes with the answer when a moderator hides that.
   */
  repliesToBot?: { messageId: string; ownMessageId?: string };
  /**
   * How a member types a command here, when it is not `/name`: Slack apps
   * have one slash command, so there it is `/hub name`. Replies that name a
   * command use it.
   */
  commandPrefix?: string;
  /**
   * The member edited a message sent earlier (Telegram delivers the new
   * text as an update): a command runs again only when running it twice
   * does no harm (`CommandSpec.repeatsOnEdit`), so a fixed typo re-runs a
   * search but does not post a second answer or question.
   */
  edited?: boolean;
  /**
   * In a group, what the member typed is a message everyone there reads,
   * and a reply cannot be shown to the member alone (Telegram). Slash
   * commands (Discord, Slack) are seen by no one else, and their private
   * replies are ephemeral. Core sends what must stay between it and the
   * member (an anonymous question's draft) to a private chat instead.
   */
  groupSeesEverything?: boolean;
}
