/**
 * Slack payloads → the neutral `Incoming`: `/hub <subcommand> …`, an
 * `@cphub …` mention, a message in the app's DM, a button press. A mention
 * or `/hub` text that does not start with a command is a search, as a
 * member who writes "@cphub nasilje" means.
 * https://api.slack.com/interactivity/slash-commands, https://api.slack.com/events/app_mention
 */
import { decodeButton, type ButtonLookup } from '../../core/delivery/button-codec.ts';
import type { Conversation, Incoming, IncomingContent } from '../../core/model/incoming.ts';

/** cphub's one slash command in Slack; every command is a subcommand of it. */
export const SLACK_COMMAND = '/hub';
/** How members type a command in Slack, for the replies that name one. */
export const COMMAND_PREFIX = `${SLACK_COMMAND} `;

/** No action has this id, so the router answers "this button no longer works". */
const UNREADABLE_BUTTON = 'slack.unreadable';

export interface SlackCommandBody {
  text?: string;
  user_id: string;
  user_name?: string;
  channel_id: string;
  trigger_id?: string;
}

export interface SlackMessageEvent {
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
  bot_id?: string;
  subtype?: string;
}

export interface SlackButtonBody {
  user: { id: string; username?: string; name?: string };
  channel?: { id: string };
  actions: Array<{ action_id: string; value?: string; type: string }>;
}

/** Commands core knows, so the adapter can tell a subcommand from search words. */
export type KnownCommands = ReadonlySet<string>;

export function fromSlashCommand(body: SlackCommandBody, known: KnownCommands, eventId: string, locale?: string): Incoming {
  return {
    eventId,
    platform: 'slack',
    commandPrefix: COMMAND_PREFIX,
    sender: { id: body.user_id, ...(body.user_name ? { displayName: body.user_name } : {}), ...(locale ? { locale } : {}) },
    conversation: conversationOf(body.channel_id),
    content: subcommand(fromSlackText(body.text ?? ''), known),
  };
}

/** An app mention or a DM message; `undefined` for bots (this one included) and edits. */
export function fromMessageEvent(event: SlackMessageEvent, eventId: string, known: KnownCommands, locale?: string): Incoming | undefined {
  if (!event.user || event.bot_id || event.subtype) return undefined;
  // An app mention starts with the app's own mention; other mentions are members a command may name.
  const text = fromSlackText((event.text ?? '').replace(/^\s*<@[A-Z0-9]+(\|[^>]*)?>/, ' ')).trim();
  const direct = event.channel_type === 'im';
  return {
    eventId,
    platform: 'slack',
    commandPrefix: COMMAND_PREFIX,
    sender: { id: event.user, ...(locale ? { locale } : {}) },
    // A mention is answered in its thread, so a channel is not flooded with results.
    conversation: { ...conversationOf(event.channel), ...(direct ? {} : { threadId: event.thread_ts ?? event.ts }) },
    content: direct ? { kind: 'text', text } : subcommand(text, known),
  };
}

/** A thread reply by a member may be written as the channel's message too ("Also send to #channel"). */
const THREAD_REPLY_SUBTYPES: ReadonlySet<string | undefined> = new Set([undefined, 'thread_broadcast']);

/**
 * A member's plain reply in a thread of a channel (`message.channels`,
 * `message.groups`): possibly an answer to the question the thread starts
 * under; core looks the thread's first message up among the questions it
 * posted and ignores any other thread. `undefined` for a message that is not
 * a thread reply, for bots (this one included), edits, and a reply that
 * mentions the app (the `app_mention` event brings that one).
 * https://api.slack.com/events/message/message_replied
 */
export function fromThreadReply(event: SlackMessageEvent, eventId: string, botUserId: string | undefined, locale?: string): Incoming | undefined {
  if (!event.user || event.bot_id || !THREAD_REPLY_SUBTYPES.has(event.subtype) || event.channel_type === 'im') return undefined;
  if (!event.thread_ts || event.thread_ts === event.ts) return undefined;
  if (botUserId && (event.text ?? '').includes(`<@${botUserId}`)) return undefined;
  const text = fromSlackText(event.text ?? '').trim();
  if (!text) return undefined;
  return {
    eventId,
    platform: 'slack',
    commandPrefix: COMMAND_PREFIX,
    sender: { id: event.user, ...(locale ? { locale } : {}) },
    conversation: { ...conversationOf(event.channel), threadId: event.thread_ts },
    content: { kind: 'text', text },
    repliesToBot: { messageId: event.thread_ts },
  };
}

/** A submitted cphub modal (see slack-form.ts): the form's command, with the typed text after its arguments. */
export function fromFormSubmission(user: string, submitted: { command: string; args: string; channel: string; typed: string }, eventId: string, locale?: string): Incoming {
  return {
    eventId,
    platform: 'slack',
    commandPrefix: COMMAND_PREFIX,
    sender: { id: user, ...(locale ? { locale } : {}) },
    conversation: conversationOf(submitted.channel),
    content: { kind: 'command', name: submitted.command, args: `${submitted.args} ${submitted.typed.trim()}`.trim() },
  };
}

export async function fromButton(body: SlackButtonBody, eventId: string, buttons: ButtonLookup, locale?: string): Promise<Incoming | undefined> {
  const action = body.actions[0];
  if (!action || action.type !== 'button') return undefined;
  const decoded = (action.value ? await decodeButton(action.value, buttons) : undefined) ?? { actionId: UNREADABLE_BUTTON, value: '' };
  return {
    eventId,
    platform: 'slack',
    commandPrefix: COMMAND_PREFIX,
    sender: { id: body.user.id, ...(locale ? { locale } : {}) },
    conversation: conversationOf(body.channel?.id ?? body.user.id),
    content: { kind: 'action', ...decoded },
  };
}

/**
 * Slack's escaped text as a member meant it: a user mention `<@U123|ana>`
 * becomes `slack:U123`, the way core names a member (`/hub role @ana
 * expert`: the manifest's `should_escape` makes Slack send mentions so); a
 * channel `<#C123|general>` is `#general`; a link `<https://x|label>` its
 * address; `&lt;` `&gt;` `&amp;` the characters.
 * https://api.slack.com/reference/surfaces/formatting#retrieving-messages
 */
export function fromSlackText(text: string): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, 'slack:$1')
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|[^>]*)?>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function subcommand(text: string, known: KnownCommands): IncomingContent {
  const [first = '', ...rest] = text.trim().split(/\s+/);
  if (!first) return { kind: 'command', name: 'help', args: '' };
  const name = first.replace(/^\//, '').toLowerCase();
  if (known.has(name)) return { kind: 'command', name, args: rest.join(' ') };
  return { kind: 'command', name: 'search', args: text.trim() };
}

/** Slack channel ids: `D…` is a DM with the app, `C…`/`G…` channels and groups. */
function conversationOf(channelId: string): Conversation {
  return { id: channelId, kind: channelId.startsWith('D') ? 'private' : 'group' };
}
