/**
 * The real Telegram adapter (grammY, the runner, SQLite, core) against the
 * fake Bot API server: what a test needs to push updates and read the
 * requests Telegram would receive.
 */
import { readFileSync } from 'node:fs';
import type { UserFromGetMe } from 'grammy/types';
import { createTelegramAdapter, type TelegramAdapter } from '../../bots/telegram/telegram-adapter.ts';
import type { TelegramConfig } from '../../config.ts';
import type { LibraryDocument } from '../../core/library/document.ts';
import { createTranslator } from '../../locales/translator.ts';
import { createCoreHarness, type CoreHarness } from './core-harness.ts';
import { startFakeTelegram, type FakeTelegram } from './fake-telegram.ts';
import { recordingLogger, type LogLine } from './recording-logger.ts';

export interface TelegramHarness {
  fake: FakeTelegram;
  core: CoreHarness;
  adapter: TelegramAdapter;
  /** Every log line, for tests that check what was reported. */
  logs: LogLine[];
  /** Waits the adapter's sleeps recorded (429 / retry waits), in ms. */
  sleeps: number[];
  close(): Promise<void>;
}

export interface TelegramHarnessOptions {
  documents?: LibraryDocument[];
  botInfo?: Partial<UserFromGetMe>;
  webhook?: boolean;
  /** Skip start(): the test starts the adapter itself. */
  manualStart?: boolean;
  token?: string;
  sendsPerSecond?: number;
  /** The hub to talk to, shared with another platform's harness (which closes it). */
  core?: CoreHarness;
}

export async function startTelegramHarness(options: TelegramHarnessOptions = {}): Promise<TelegramHarness> {
  const fake = await startFakeTelegram({ ...(options.botInfo ? { botInfo: options.botInfo } : {}) });
  // A shared core: two platforms' fakes talking to one hub (one person, two accounts).
  const core = options.core ?? createCoreHarness(options.documents ?? []);
  const { logger, lines: logs } = recordingLogger();
  const sleeps: number[] = [];
  const config: TelegramConfig = {
    token: options.token ?? fake.token,
    apiRoot: fake.url,
    sendsPerSecond: options.sendsPerSecond ?? 30,
    ...(options.webhook ? { webhook: { url: 'https://bot.example.org/telegram/hook', secret: 'test-secret_1', port: 0, host: '127.0.0.1' } } : {}),
  };
  const adapter = createTelegramAdapter({
    config,
    router: core.router,
    translator: createTranslator(),
    chats: core.services.chats,
    ledger: core.services.ledger,
    buttons: core.services.buttons,
    logger,
    pollTimeoutSeconds: 1,
    // Retry waits are recorded and shortened: the fake already answered, no need to sit out retry_after.
    sleep: async (ms) => {
      sleeps.push(ms);
      await new Promise((resolve) => setTimeout(resolve, 5));
    },
  });
  if (!options.manualStart) await adapter.start();
  return {
    fake,
    core,
    adapter,
    logs,
    sleeps,
    async close() {
      await adapter.stop().catch(() => {});
      await fake.close();
      if (!options.core) core.db.close();
    },
  };
}

/** A recorded update from tests/fixtures/telegram, as an object the test may change. */
export function telegramFixture(name: string): any {
  return JSON.parse(readFileSync(new URL(`../fixtures/telegram/${name}.json`, import.meta.url), 'utf8'));
}

/** A private-chat text message (from the recorded private_text_message fixture) with new text and ids. */
export function privateMessage(updateId: number, text: string, from: { id?: number; language_code?: string } = {}): any {
  const update = telegramFixture('private_text_message');
  update.update_id = updateId;
  update.message.text = text;
  update.message.message_id = updateId;
  if (from.id) update.message.from.id = update.message.chat.id = from.id;
  if (from.language_code !== undefined) update.message.from.language_code = from.language_code;
  const command = /^\/\S+/.exec(text);
  if (command) update.message.entities = [{ type: 'bot_command', offset: 0, length: command[0].length }];
  return update;
}
