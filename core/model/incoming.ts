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
}

export type IncomingContent =
  | { kind: 'command'; name: string; args: string }
  | { kind: 'text'; text: string }
  | { kind: 'action'; actionId: string; value: string };

export interface Incoming {
  /** A unique id of the platform event, for logs and de-duplication. */
  eventId: string;
  platform: PlatformName;
  sender: Sender;
  conversation: Conversation;
  content: IncomingContent;
}
