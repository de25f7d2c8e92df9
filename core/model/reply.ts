/**
 * A platform-neutral reply: blocks of spans plus rows of buttons.
 * Member and document text is data inside spans, never markup: each renderer
 * escapes it for its own format.
 */
export type Span =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; text: string }
  | { kind: 'italic'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; url: string };

export interface Field {
  label: string;
  value: Span[];
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; spans: Span[] }
  | { kind: 'list'; items: Span[][]; ordered?: boolean; start?: number }
  | { kind: 'fields'; fields: Field[] }
  | { kind: 'divider' };

export interface Button {
  /** Which handler the press goes to (a short constant). */
  actionId: string;
  label: string;
  /** Opaque, short: long state lives in the database behind a token. */
  value: string;
  /**
   * The press may be answered with a form (`Reply.form`): a platform that
   * shows forms must hand the press to core before acknowledging it, since
   * a form can only be the first answer to a press (a Discord modal).
   */
  opensForm?: boolean;
}

/**
 * A request for one piece of text, where a platform can ask in a form (a
 * Discord modal): submitting it runs `command` with `args` followed by the
 * typed text, as if the member had typed the command. The reply's blocks
 * say how to do the same by command, for platforms that show no forms.
 */
export interface TextForm {
  title: string;
  label: string;
  maxLength: number;
  command: string;
  args: string;
}

/** A file sent with a reply (a member's `/mydata` export). Small: it travels in memory. */
export interface Attachment {
  /** The file's name as the member will see it: `cphub-mydata-2026-12-03.json`. */
  filename: string;
  /** `application/json`, `text/plain`, … */
  mimeType: string;
  /** The file's content, UTF-8. */
  content: string;
}

export interface Reply {
  blocks: Block[];
  buttons: Button[][];
  /** Only the member who asked should see it (ephemeral / DM). */
  private: boolean;
  /** Files sent with the message; a reply with files is always private. */
  attachments?: Attachment[];
  /** Plain text for notifications and platforms that need one. */
  fallbackText: string;
  /**
   * The member's own message this answers carries a person's identifying
   * data: where others can read it (a Telegram group), the adapter deletes
   * it if the platform lets the bot. Slash commands are seen by no one else.
   */
  withdrawTrigger?: boolean;
  /** Ask for the text in a form where the platform has forms (see `TextForm`). */
  form?: TextForm;
  /** The member language it is written in (set by the router), so an adapter's own words can follow. */
  language?: string;
}
