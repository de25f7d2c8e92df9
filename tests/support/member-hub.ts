/**
 * Core over a fresh in-memory database for the members tests: people on
 * any platform who join, send commands (also as a reply to someone's
 * message) and press buttons; replies as the text a member reads.
 */
import { createCoreRouter } from '../../core/commands/index.ts';
import { PRIVACY_VERSION } from '../../core/commands/privacy.ts';
import type { Incoming, PlatformName } from '../../core/model/incoming.ts';
import { blocksToPlain } from '../../core/model/reply-builders.ts';
import type { Reply } from '../../core/model/reply.ts';
import type { Member } from '../../core/ports.ts';
import { openDatabase } from '../../db/open-database.ts';
import { createSqliteServices } from '../../db/sqlite-services.ts';
import { createTranslator } from '../../locales/translator.ts';
import { FIXED_NOW } from './core-harness.ts';
import { RecordingPublisher } from './recording-publisher.ts';

export interface PersonOptions {
  platform?: PlatformName;
  locale?: string;
  displayName?: string;
}

export interface SendOptions {
  group?: boolean;
  /** The message this command answers was written by this account (a Telegram reply). */
  replyTo?: string;
}

export function memberHub(options: { membership?: 'open' | 'approved'; admins?: Array<{ platform: PlatformName; userId: string }> } = {}) {
  const clock = { now: () => FIXED_NOW };
  const db = openDatabase(':memory:');
  const services = createSqliteServices(db, clock, { membership: options.membership ?? 'open', admins: options.admins ?? [{ platform: 'telegram', userId: 'admin' }] });
  const router = createCoreRouter(
    { ...services, documents: services.store, translator: createTranslator(), clock, logger: { info() {}, warn() {}, error() {} } },
    { memberRateLimit: false },
  );
  let sequence = 0;
  const person = (userId: string, who: PersonOptions = {}) => {
    const platform = who.platform ?? 'telegram';
    const sender = { id: userId, ...(who.locale ? { locale: who.locale } : {}), ...(who.displayName ? { displayName: who.displayName } : {}) };
    const handle = (content: Incoming['content'], extra: SendOptions = {}): Promise<Reply[]> =>
      router.handle({
        eventId: `e${++sequence}`,
        platform,
        sender,
        conversation: extra.group ? { id: 'group-1', kind: 'group' } : { id: userId, kind: 'private' },
        content,
        ...(extra.replyTo ? { replyTo: { senderId: extra.replyTo } } : {}),
      });
    return {
      handle,
      /** The replies to `/name args`. */
      command: (name: string, args = '', extra: SendOptions = {}) => handle({ kind: 'command', name, args }, extra),
      /** The text of the replies to `/name args`. */
      send: async (name: string, args = '', extra: SendOptions = {}) => text(await handle({ kind: 'command', name, args }, extra)),
      press: (actionId: string, value: string) => handle({ kind: 'action', actionId, value }),
      agree: () => handle({ kind: 'action', actionId: 'consent', value: `agree:${PRIVACY_VERSION}` }),
      member: async (): Promise<Member> => {
        const found = await services.members.findByAccount(platform, userId);
        if (!found) throw new Error(`${platform}:${userId} has not joined`);
        return found;
      },
    };
  };
  /** Joins `userId` and gives them `role` (decided by the CLI, as `cphub admin add` would). */
  const withRole = async (userId: string, role: Member['role'], who: PersonOptions = {}) => {
    const someone = person(userId, who);
    await someone.agree();
    if (role !== 'member') await services.members.setRole((await someone.member()).id, role, 'cli');
    return someone;
  };
  const auditRows = (prefix: string) =>
    db.sqlite.prepare('SELECT action, subject, details FROM audit_log WHERE action LIKE ? ORDER BY id').all(`${prefix}%`);
  return { db, services, router, person, withRole, auditRows };
}

export function text(replies: Reply[]): string {
  return replies.map((reply) => blocksToPlain(reply.blocks)).join('\n');
}

/** The button labelled `label` among the replies' buttons (in core tests, what a member would press). */
export function buttonLabelled(replies: Reply[], label: string) {
  const found = replies.flatMap((reply) => reply.buttons.flat()).find((candidate) => candidate.label === label);
  if (!found) throw new Error(`no button ${label} in ${JSON.stringify(replies.map((reply) => reply.buttons))}`);
  return found;
}

/** A core hub with a recording Telegram publisher registered: what the questions tests post, edit and remove. */
export function questionsHub(): { hub: ReturnType<typeof memberHub>; telegram: RecordingPublisher } {
  const hub = memberHub();
  const telegram = new RecordingPublisher('telegram');
  hub.services.publishers.register(telegram);
  return { hub, telegram };
}
