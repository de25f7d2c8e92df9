/**
 * The console adapter: a local chat in the terminal, one member ("local")
 * in one private conversation. It reads lines, hands each to the router and
 * prints the replies; a number typed after a reply presses that button.
 *
 * Lines are handled strictly one after another: readline emits `line`
 * events as fast as it reads, long before an async handler finishes, so a
 * piped script (`printf '/search x\n2\n' | cphub console`) would otherwise
 * press a button that is not on screen yet.
 */
import { once } from 'node:events';
import { tmpdir, userInfo } from 'node:os';
import { createInterface, type Interface } from 'node:readline';
import { DEFAULT_LANGUAGE, memberLanguageFromLocale } from '../../core/library/language.ts';
import type { Incoming } from '../../core/model/incoming.ts';
import { paragraph, reply, text } from '../../core/model/reply-builders.ts';
import type { Button, Reply } from '../../core/model/reply.ts';
import { PlatformError } from '../../core/delivery/platform-error.ts';
import { sendParts } from '../../core/delivery/send-parts.ts';
import type { Logger, Messenger, TranslationParams, Translator } from '../../core/ports.ts';
import type { Router } from '../../core/router/router.ts';
import { saveConsoleAttachment } from './console-files.ts';
import { toIncoming, type ConsoleInboundState } from './inbound.ts';
import { renderConsoleReply, sanitizeConsoleText } from './render.ts';

export interface ConsoleConfig {
  router: Pick<Router, 'handle'>;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A person at a terminal: show a prompt, a greeting, a goodbye. */
  interactive: boolean;
  color: boolean;
  /** The terminal's locale (config.consoleLocale), e.g. `sr_RS.UTF-8`. */
  locale: string | undefined;
  translator?: Translator;
  logger?: Logger;
  /** Who is typing; defaults to the operating-system user. */
  displayName?: string;
  /** Where files a reply carries are written (the /mydata export); the system's temporary folder without it. */
  filesDir?: string;
}

export interface ConsoleAdapter {
  /** Resolves when the input ends (Ctrl+D, end of a pipe) or `stop` is called. */
  run(): Promise<void>;
  /** Ends the chat after the line being handled; queued lines are dropped. */
  stop(): void;
  /** Unprompted messages (the weekly digest) for the one member at the terminal, printed into the chat. */
  readonly messenger: Messenger;
}

// Used only without a translator (tests); the same words as locales/en.json.
const ENGLISH: Record<string, string> = {
  'console.prompt': 'you',
  'console.buttonsHint': "Type a button's number or its name (for example “next”) to press it.",
  'console.bye': 'Goodbye.',
  'start.try': 'Try {{example}} or see {{help}} for everything you can do.',
  'examples.query': 'violence',
  'errors.internal': 'Sorry, something went wrong on my side. Please try again in a moment.',
  'console.fileSaved': 'File saved: {{path}}',
};

export function createConsoleAdapter(config: ConsoleConfig): ConsoleAdapter {
  const session = new ConsoleSession(config);
  const messenger: Messenger = {
    platform: 'console',
    async send(_target, message, progress) {
      // Not "unreachable": the member comes back with the next session, and the digest is tried again then.
      if (session.isStopped()) throw new PlatformError('console', 'NETWORK', 'the console chat has ended');
      await sendParts([message], async (part) => session.deliver(part), progress);
    },
  };
  return { run: () => session.run(), stop: () => session.stop(), messenger };
}

class ConsoleSession {
  private state: ConsoleInboundState;
  private readline: Interface | undefined;
  private stopped = false;
  private buttonsHintShown = false;
  /** The prompt's and hints' language: the platform locale, then whatever the last answer was written in. */
  private language: string;

  constructor(private readonly config: ConsoleConfig) {
    this.language = memberLanguageFromLocale(config.locale) ?? DEFAULT_LANGUAGE;
    this.state = {
      shownButtons: [],
      buttonNumberStart: 1,
      sequence: 0,
      displayName: config.displayName ?? operatingSystemUser(),
      locale: config.locale,
    };
  }

  async run(): Promise<void> {
    const { input, output, interactive } = this.config;
    const readline = createInterface({
      input,
      ...(interactive ? { output, terminal: true } : { terminal: false }),
      crlfDelay: Infinity,
    });
    this.readline = readline;
    // A stdout closed early (`cphub console | head`) ends the chat, not the process.
    output.once('error', () => this.stop());
    if (interactive) this.greet(readline);
    let queue = Promise.resolve();
    readline.on('line', (line) => {
      queue = queue.then(() => this.handleLine(line));
    });
    const closed = once(readline, 'close');
    // stop() may come before run() has a readline to close.
    if (this.stopped) readline.close();
    await closed;
    await queue;
    // The cursor still sits after the prompt the member left with Ctrl+C / Ctrl+D.
    if (interactive) output.write(`\n${this.dim(this.t('console.bye'))}\n`);
  }

  stop(): void {
    this.stopped = true;
    this.readline?.close();
  }

  isStopped(): boolean {
    return this.stopped;
  }

  /** A message nobody typed for just now: printed, then the prompt again. */
  deliver(message: Reply): void {
    this.config.output.write(`${this.render(message, 1)}\n\n`);
    if (this.config.interactive) this.readline?.prompt();
  }

  private greet(readline: Interface): void {
    const example = `/search ${this.t('examples.query')}`;
    this.config.output.write(`${this.dim(this.t('start.try', { example, help: '/help' }))}\n\n`);
    readline.setPrompt(`${this.t('console.prompt')}> `);
    // Without a listener readline only pauses on Ctrl+C; a chat should end.
    readline.on('SIGINT', () => this.stop());
    readline.prompt();
  }

  private async handleLine(line: string): Promise<void> {
    if (this.stopped) return;
    const incoming = toIncoming(line, this.state);
    if (incoming) {
      this.state = { ...this.state, sequence: this.state.sequence + 1 };
      this.show(await this.answer(incoming));
    }
    if (this.config.interactive && !this.stopped) {
      this.readline?.setPrompt(`${this.t('console.prompt')}> `);
      this.readline?.prompt();
    }
  }

  /** The router turns handler errors into replies; this guards the loop itself. */
  private async answer(incoming: Incoming): Promise<Reply[]> {
    try {
      return await this.config.router.handle(incoming);
    } catch (error) {
      this.config.logger?.error({ err: error, platform: 'console', eventId: incoming.eventId }, 'console turn failed');
      return [reply([paragraph(text(this.t('errors.internal')))], { private: true })];
    }
  }

  /** Prints the replies, numbering buttons across them, and remembers the buttons. */
  private show(replies: Reply[]): void {
    const shown: Button[] = [];
    const language = replies.at(-1)?.language;
    if (language) this.language = language;
    for (const item of replies) {
      const rendered = this.render(item, shown.length + 1);
      this.config.output.write(`${rendered}\n\n`);
      for (const attachment of item.attachments ?? []) {
        const path = saveConsoleAttachment(this.config.filesDir ?? tmpdir(), attachment);
        this.config.output.write(`${this.t('console.fileSaved', { path })}\n\n`);
      }
      shown.push(...item.buttons.flat());
    }
    this.state = { ...this.state, shownButtons: shown, buttonNumberStart: 1 };
    if (shown.length > 0 && this.config.interactive && !this.buttonsHintShown) {
      this.buttonsHintShown = true;
      this.config.output.write(`${this.dim(this.t('console.buttonsHint'))}\n\n`);
    }
  }

  private render(item: Reply, buttonNumberStart: number): string {
    try {
      return renderConsoleReply(item, { color: this.config.color, buttonNumberStart });
    } catch (error) {
      // A malformed reply should cost one answer, not the session.
      this.config.logger?.error({ err: error, platform: 'console' }, 'console render failed');
      return sanitizeConsoleText(item.fallbackText);
    }
  }

  private t(key: string, params: TranslationParams = {}): string {
    const translator = this.config.translator;
    if (translator) return translator.t(this.language, key, params);
    const template = ENGLISH[key] ?? key;
    return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
  }

  private dim(value: string): string {
    return this.config.color ? `\x1b[2m${value}\x1b[22m` : value;
  }
}

function operatingSystemUser(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    // No passwd entry (some containers): the chat works without a name.
    return undefined;
  }
}
