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
import { tmpdir } from 'node:os';
import { clearLine, createInterface, cursorTo, type Interface } from 'node:readline';
import { DEFAULT_LANGUAGE, memberLanguageFromLocale } from '../../core/library/language.ts';
import type { Incoming } from '../../core/model/incoming.ts';
import { paragraph, reply, text } from '../../core/model/reply-builders.ts';
import type { Button, Reply } from '../../core/model/reply.ts';
import type { Logger, Messenger, TranslationParams, Translator } from '../../core/ports.ts';
import type { Publisher } from '../../core/questions/question-ports.ts';
import type { Router } from '../../core/router/router.ts';
import { saveConsoleAttachment } from './console-files.ts';
import { ConsoleMessenger, ConsolePublisher, type ConsoleMark, type ConsoleScreen } from './console-publisher.ts';
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
  /**
   * The name the platform shows for whoever is typing, as a Telegram first
   * name is. None by default: the operating-system login (`root`, `jdoe`)
   * is an account's handle, not a name the person chose to show the
   * network, so the onboarding's name step starts empty and skipping it
   * leaves no name — as anywhere a platform gives no name.
   */
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
  /** Questions and answers for the member at the terminal (an answer from another platform, a routed question), printed into the chat. */
  readonly publisher: Publisher;
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
  'console.arrived': 'A message for you',
  'console.updated': 'A message above, updated',
  'console.withdrawn': 'A message above was withdrawn.',
};

export function createConsoleAdapter(config: ConsoleConfig): ConsoleAdapter {
  const session = new ConsoleSession(config);
  const publisher = new ConsolePublisher(session);
  return { run: () => session.run(), stop: () => session.stop(), messenger: new ConsoleMessenger(publisher), publisher };
}

class ConsoleSession implements ConsoleScreen {
  private state: ConsoleInboundState;
  private readline: Interface | undefined;
  private stopped = false;
  private buttonsHintShown = false;
  /** A typed line is being answered: its answer brings the prompt back. */
  private answering = false;
  /** The prompt's and hints' language: the platform locale, then whatever the last answer was written in. */
  private language: string;

  constructor(private readonly config: ConsoleConfig) {
    this.language = memberLanguageFromLocale(config.locale) ?? DEFAULT_LANGUAGE;
    this.state = {
      shownButtons: [],
      buttonNumberStart: 1,
      sequence: 0,
      ...(config.displayName ? { displayName: config.displayName } : {}),
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

  /**
   * A message nobody typed for just now: marked, printed above the prompt
   * (what the member was typing stays), and its buttons are the ones a
   * number or a name presses now — the newest on screen.
   */
  deliver(message: Reply, mark: ConsoleMark): void {
    const head = this.dim(`── ${this.t(`console.${mark}`, {}, message.language)} ──`);
    this.printAbovePrompt(`${head}\n${this.render(message, 1)}\n\n`);
    const buttons = message.buttons.flat();
    if (buttons.length > 0) this.state = { ...this.state, shownButtons: buttons, buttonNumberStart: 1 };
  }

  withdrawn(): void {
    this.printAbovePrompt(`${this.dim(`── ${this.t('console.withdrawn')} ──`)}\n\n`);
  }

  private printAbovePrompt(printed: string): void {
    const { output, interactive } = this.config;
    const prompting = interactive && this.readline !== undefined && !this.answering && !this.stopped;
    if (prompting) {
      // The prompt and what is typed after it give way; prompt(true) writes them again below.
      clearLine(output, 0);
      cursorTo(output, 0);
    }
    output.write(printed);
    if (prompting) this.readline!.prompt(true);
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
      this.answering = true;
      try {
        this.show(await this.answer(incoming));
      } finally {
        this.answering = false;
      }
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

  private t(key: string, params: TranslationParams = {}, language = this.language): string {
    const translator = this.config.translator;
    if (translator) return translator.t(language, key, params);
    const template = ENGLISH[key] ?? key;
    return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
  }

  private dim(value: string): string {
    return this.config.color ? `\x1b[2m${value}\x1b[22m` : value;
  }
}
