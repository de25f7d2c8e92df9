/**
 * The real core over a fresh in-memory database with the real migrations,
 * the real translator and a fixed clock: what the adapters talk to.
 */
import { createCoreRouter } from '../../core/commands/index.ts';
import type { LibraryDocument } from '../../core/library/document.ts';
import type { Incoming, PlatformName } from '../../core/model/incoming.ts';
import { blocksToPlain } from '../../core/model/reply-builders.ts';
import type { Reply } from '../../core/model/reply.ts';
import type { DocumentSearch, Logger } from '../../core/ports.ts';
import type { Router } from '../../core/router/router.ts';
import { openDatabase, type OpenDatabase } from '../../db/open-database.ts';
import type { SearchLimits } from '../../db/sqlite-document-search.ts';
import type { SqliteDocumentStore } from '../../db/sqlite-document-store.ts';
import { createSqliteServices, type SqliteServices } from '../../db/sqlite-services.ts';
import { createTranslator } from '../../locales/translator.ts';

export const FIXED_NOW = new Date('2026-03-14T09:00:00Z');
/** The default schedule: Monday 09:00 in Belgrade. */
export const DIGEST_SCHEDULE = { weekday: 1, hour: 9, minute: 0, timeZone: 'Europe/Belgrade' } as const;

export interface CoreHarness {
  db: OpenDatabase;
  store: SqliteDocumentStore;
  services: SqliteServices;
  router: Router;
  errors: unknown[];
  /** Core's warnings, each with its message. */
  warnings: Array<{ message: string; details: object }>;
  /** Sends one line as the console member would type it. */
  send(line: string, options?: { userId?: string; locale?: string; group?: boolean }): Promise<Reply[]>;
  press(button: { actionId: string; value: string }, options?: { userId?: string }): Promise<Reply[]>;
}

export interface HarnessOptions {
  clock?: { now(): Date };
  /** Another search backend for the router (given the SQLite one and its store): Typesense tests. */
  search?: (sqlite: DocumentSearch, store: SqliteDocumentStore) => DocumentSearch;
  /** Where every question is also posted (CPHUB_QA_CHANNELS). */
  qaChannels?: ReadonlyArray<{ platform: PlatformName; conversationId: string }>;
  /** CPHUB_MEMBERSHIP: `approved` makes newcomers wait for a moderator. */
  membership?: 'open' | 'approved';
}

export function createCoreHarness(
  documents: LibraryDocument[] = [],
  searchLimits: SearchLimits = {},
  options: HarnessOptions = {},
): CoreHarness {
  const db = openDatabase(':memory:');
  const clock = options.clock ?? { now: () => FIXED_NOW };
  const services = createSqliteServices(db, clock, { searchLimits, admins: [{ platform: 'console', userId: 'admin' }], ...(options.membership ? { membership: options.membership } : {}) });
  const store = services.store;
  store.upsertAll(documents, FIXED_NOW);
  const errors: unknown[] = [];
  const warnings: CoreHarness['warnings'] = [];
  const logger: Logger = { info: () => {}, warn: (details, message) => void warnings.push({ message, details }), error: (details) => void errors.push(details) };
  // The clock stands still here, so a member pace would soon stop a test that sends many commands.
  const search = options.search ? options.search(services.search, store) : services.search;
  const router = createCoreRouter(
    { ...services, search, documents: store, translator: createTranslator(), clock, logger, digestSchedule: DIGEST_SCHEDULE, ...(options.qaChannels ? { qaChannels: options.qaChannels } : {}) },
    { memberRateLimit: false },
  );
  let eventCounter = 0;
  const incoming = (content: Incoming['content'], userId = 'u1', locale?: string, group = false): Incoming => ({
    eventId: `e${++eventCounter}`,
    platform: 'console',
    sender: { id: userId, ...(locale ? { locale } : {}) },
    conversation: { id: group ? 'g1' : 'c1', kind: group ? 'group' : 'private' },
    content,
  });
  return {
    db,
    store,
    services,
    router,
    errors,
    warnings,
    send(line, options = {}) {
      const match = /^\/(\S+)\s*([\s\S]*)$/.exec(line);
      const content: Incoming['content'] = match
        ? { kind: 'command', name: match[1]!, args: match[2]! }
        : { kind: 'text', text: line };
      return router.handle(incoming(content, options.userId, options.locale, options.group));
    },
    press(button, options = {}) {
      return router.handle(incoming({ kind: 'action', ...button }, options.userId));
    },
  };
}

export function plain(replies: Reply[]): string {
  return replies.map((reply) => blocksToPlain(reply.blocks)).join('\n---\n');
}

/** A document with defaults, for tests that care about a few fields. */
export function sampleDocument(overrides: Partial<LibraryDocument> & { id: string; title: string }): LibraryDocument {
  return {
    summary: '',
    body: '',
    language: 'en',
    languageGroup: 'en',
    country: '',
    type: 'report',
    topics: [],
    publisher: '',
    year: 2020,
    url: '',
    urlIsMirror: false,
    ...overrides,
  };
}
