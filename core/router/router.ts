/**
 * Turns an `Incoming` into replies: finds the member's language, the command
 * or button handler, runs its parser and guards, and turns errors into
 * translated replies. A `UserError` is the member's to fix; anything else is
 * logged with platform, event and command, and the member gets an apology.
 */
import { handleChatEvent } from '../commands/chat-events.ts';
import { DEFAULT_LANGUAGE, memberLanguageFromLocale } from '../library/language.ts';
import type { Incoming } from '../model/incoming.ts';
import { paragraph, reply, text } from '../model/reply-builders.ts';
import type { Reply } from '../model/reply.ts';
import type { ActionSpec, CommandContext, CommandSpec, CoreServices } from './command.ts';
import type { MemberRateLimit } from './member-rate-limit.ts';
import { UserError } from './user-error.ts';

/** What happens to a conversation rather than what a member says. */
const CHAT_EVENTS: ReadonlySet<string> = new Set(['joined', 'left', 'moved']);

/**
 * A question that waits for the member's next plain message (onboarding's
 * name): `answer` takes a private plain message when one is pending
 * (undefined: none is, the text is handled as usual); `beforeCommand` lets
 * a command drop it, so a name is never taken from a later search.
 */
export interface AwaitingText {
  answer(context: CommandContext, text: string): Promise<Reply | undefined>;
  beforeCommand(context: CommandContext, name: string, args: string): Promise<void>;
}

export interface RouterOptions {
  commands: CommandSpec<any>[];
  actions: ActionSpec[];
  /** In a private chat, plain text is treated as this command (a search). */
  privateTextCommand?: string;
  /** How fast one member may send commands; without it, as fast as they like. */
  memberRateLimit?: MemberRateLimit;
  awaitingText?: AwaitingText;
  /**
   * What a suspended member may still do: see and erase their data (a right
   * a suspension does not take away). Everything else from them is ignored.
   */
  whileSuspended?: { commands: readonly string[]; actions: readonly string[] };
  /** A plain message in a group that replies to one of the bot's messages (an answer to a posted question); undefined: not one it handles. */
  replyToBot?(context: CommandContext, text: string, messageId: string): Promise<Reply | undefined>;
}

export class Router {
  private readonly commands = new Map<string, CommandSpec<any>>();
  private readonly actions = new Map<string, ActionSpec>();

  constructor(
    private readonly services: CoreServices,
    private readonly options: RouterOptions,
  ) {
    for (const command of options.commands) this.commands.set(command.name, command);
    for (const action of options.actions) this.actions.set(action.actionId, action);
  }

  /** Every command with its description key, in /help's order (for platform command menus). */
  commandList(): Array<Pick<CommandSpec<unknown>, 'name' | 'descriptionKey'>> {
    return this.options.commands.map(({ name, descriptionKey }) => ({ name, descriptionKey }));
  }

  async handle(incoming: Incoming): Promise<Reply[]> {
    const context = await this.contextFor(incoming);
    const inLanguage = (reply: Reply): Reply => ({ ...reply, language: reply.language ?? context.language });
    // A suspended member's messages are ignored, without an answer that would invite more.
    if (context.member?.status === 'suspended' && !this.allowedWhileSuspended(incoming)) return [];
    const pace = this.options.memberRateLimit?.check(incoming) ?? { ok: true };
    if (!pace.ok) {
      const seconds = Math.max(1, Math.ceil(pace.retryAfterMs / 1000));
      return pace.warn ? [inLanguage(userErrorReply(context, new UserError('errors.slowDown', { count: seconds })))] : [];
    }
    try {
      const result = await this.dispatch(context);
      return result ? [inLanguage(result)] : [];
    } catch (error) {
      if (error instanceof UserError) return [inLanguage(userErrorReply(context, error))];
      this.services.logger.error(
        { err: error, platform: incoming.platform, eventId: incoming.eventId, command: describe(incoming) },
        'handler failed',
      );
      return [inLanguage(reply([paragraph(text(context.t('errors.internal')))], { private: true }))];
    }
  }

  private allowedWhileSuspended(incoming: Incoming): boolean {
    const content = incoming.content;
    const allowed = this.options.whileSuspended;
    if (content.kind === 'command') return allowed?.commands.includes(content.name.toLowerCase()) ?? false;
    if (content.kind === 'action') return allowed?.actions.includes(content.actionId) ?? false;
    return CHAT_EVENTS.has(content.kind);
  }

  private async dispatch(context: CommandContext): Promise<Reply | undefined> {
    const content = context.incoming.content;
    switch (content.kind) {
      case 'command':
        await this.options.awaitingText?.beforeCommand(context, content.name.toLowerCase(), content.args);
        return this.runCommand(context, content.name, content.args);
      case 'action': {
        const action = this.actions.get(content.actionId);
        if (!action) throw new UserError('errors.unknownButton');
        return action.run(context, content.value);
      }
      case 'joined':
      case 'left':
      case 'moved':
        return handleChatEvent(context, content);
      case 'text': {
        const fallback = this.options.privateTextCommand;
        const repliesTo = context.incoming.repliesToBot;
        if (context.incoming.conversation.kind === 'group' && repliesTo && content.text.trim()) {
          // An answer given by a reply was posted when it was sent; an edit does not post it twice.
          if (context.incoming.edited) throw new UserError('errors.editNotRepeated', { command: context.command('answer') });
          return this.options.replyToBot?.(context, content.text.trim(), repliesTo.messageId);
        }
        if (context.incoming.conversation.kind !== 'private' || !content.text.trim()) return undefined;
        // An edit is not the answer to whatever question is pending now: at most a search again.
        const answered = context.incoming.edited ? undefined : await this.options.awaitingText?.answer(context, content.text);
        if (answered) return answered;
        if (fallback) return this.runCommand(context, fallback, content.text);
        throw new UserError('errors.notACommand', { example: context.command('search'), help: context.command('help') });
      }
    }
  }

  private async runCommand(context: CommandContext, name: string, args: string): Promise<Reply> {
    const command = this.commands.get(name.toLowerCase());
    if (!command) throw new UserError('errors.unknownCommand', { command: context.command(name), help: context.command('help') });
    if (context.incoming.edited && !command.repeatsOnEdit) throw new UserError('errors.editNotRepeated', { command: context.command(command.name) });
    const parsed = command.parse(args.trim());
    if (!parsed.ok) throw parsed.error;
    for (const guard of command.guards ?? []) {
      const verdict = await guard(context);
      if (!verdict.ok) throw verdict.error;
    }
    return command.run(context, parsed.value);
  }

  private async contextFor(incoming: Incoming): Promise<CommandContext> {
    const { settings, members, translator } = this.services;
    const stored = await settings.getLanguage(incoming.platform, incoming.sender.id);
    const member = await members.findByAccount(incoming.platform, incoming.sender.id);
    // This account's own choice, else the member's (a linked account follows it), else the platform's locale.
    const language = stored ?? member?.language ?? memberLanguageFromLocale(incoming.sender.locale) ?? DEFAULT_LANGUAGE;
    return {
      incoming,
      ...(member ? { member } : {}),
      language,
      t: (key, params) => translator.t(language, key, params),
      command: (name, args) => `${incoming.commandPrefix ?? '/'}${name}${args ? ` ${args}` : ''}`,
      services: this.services,
    };
  }
}

function userErrorReply(context: CommandContext, error: UserError): Reply {
  return reply([paragraph(text(context.t(error.key, asTyped(context, error.params))))], { private: true });
}

/**
 * Parsers are pure and write examples as `/doc pub-001`; here they become
 * what the member types on this platform (`/hub doc pub-001` on Slack).
 */
function asTyped(context: CommandContext, params: UserError['params']): UserError['params'] {
  if (!params) return params;
  const typed = Object.entries(params).map(([key, value]) => {
    const command = typeof value === 'string' ? /^\/([a-z]+)(?: (.*))?$/s.exec(value) : null;
    return [key, command ? context.command(command[1]!, command[2]) : value];
  });
  return Object.fromEntries(typed);
}

function describe(incoming: Incoming): string {
  const content = incoming.content;
  if (content.kind === 'command') return `/${content.name}`;
  if (content.kind === 'action') return `action:${content.actionId}`;
  return content.kind;
}
