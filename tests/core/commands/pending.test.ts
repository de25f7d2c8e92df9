import { describe, expect, it } from 'vitest';
import { createCoreRouter } from '../../../core/commands/index.ts';
import { PRIVACY_VERSION } from '../../../core/commands/privacy.ts';
import type { Incoming } from '../../../core/model/incoming.ts';
import { blocksToPlain } from '../../../core/model/reply-builders.ts';
import type { Reply } from '../../../core/model/reply.ts';
import { openDatabase } from '../../../db/open-database.ts';
import { createSqliteServices } from '../../../db/sqlite-services.ts';
import { createTranslator } from '../../../locales/translator.ts';
import { shortId } from '../../../core/members/member-reference.ts';
import { RecordingPublisher } from '../../support/recording-publisher.ts';

/** Approved membership; telegram:1 is the configured administrator. */
function hub() {
  const clock = { now: () => new Date('2026-03-14T09:00:00Z') };
  const db = openDatabase(':memory:');
  const services = createSqliteServices(db, clock, { membership: 'approved', admins: [{ platform: 'telegram', userId: '1' }] });
  const router = createCoreRouter(
    { ...services, documents: services.store, translator: createTranslator(), clock, logger: { info() {}, warn() {}, error() {} } },
    { memberRateLimit: false },
  );
  let sequence = 0;
  const handle = (userId: string, content: Incoming['content'], displayName?: string): Promise<Reply[]> =>
    router.handle({ eventId: `e${++sequence}`, platform: 'telegram', sender: { id: userId, ...(displayName ? { displayName } : {}) }, conversation: { id: userId, kind: 'private' }, content });
  const text = (replies: Reply[]) => replies.map((reply) => blocksToPlain(reply.blocks)).join('\n');
  return {
    db,
    services,
    text,
    agree: (userId: string, name?: string) => handle(userId, { kind: 'action', actionId: 'consent', value: `agree:${PRIVACY_VERSION}` }, name),
    send: (userId: string, name: string, args = '') => handle(userId, { kind: 'command', name, args }),
    press: (userId: string, value: string) => handle(userId, { kind: 'action', actionId: 'membership.decide', value }),
  };
}

describe('approved membership', () => {
  it('a newcomer who agrees waits for a moderator and can search meanwhile; the configured admin does not wait', async () => {
    const { agree, send, services, text } = hub();
    expect(text(await agree('1'))).toContain('you are now a member');
    expect(text(await agree('2', 'Ana'))).toContain('A moderator confirms new members');
    expect((await services.members.findByAccount('telegram', '2'))?.status).toBe('pending');
    expect(text(await send('2', 'search', 'violence'))).toMatch(/No documents|found/);
  });

  it('/pending lists newcomers with Approve / Decline; the decisions are audited with the moderator', async () => {
    const { agree, send, press, services, db, text } = hub();
    await agree('1');
    await agree('2', 'Ana');
    await agree('3', 'Bo');
    const [list] = await send('1', 'pending');
    expect(text([list!])).toContain('2 newcomers wait for a moderator');
    const ana = (await services.members.findByAccount('telegram', '2'))!;
    const bo = (await services.members.findByAccount('telegram', '3'))!;
    expect(list!.buttons[0]!.map((button) => button.value)).toEqual([`approve:${ana.id}`, `decline:${ana.id}`]);
    const admin = (await services.members.findByAccount('telegram', '1'))!;
    expect(text(await press('1', `approve:${ana.id}`))).toContain('is now a member');
    expect(text(await press('1', `decline:${bo.id}`))).toContain('was erased');
    expect(text(await press('1', `approve:${ana.id}`))).toContain('decided already');
    expect((await services.members.findByAccount('telegram', '2'))?.status).toBe('active');
    expect(await services.members.findByAccount('telegram', '3')).toBeUndefined();
    const audit = db.sqlite.prepare("SELECT action, subject, details FROM audit_log WHERE action LIKE 'member.%' ORDER BY id").all();
    expect(audit).toEqual([
      { action: 'member.approved', subject: ana.id, details: JSON.stringify({ by: admin.id }) },
      { action: 'member.declined', subject: null, details: JSON.stringify({ by: admin.id }) },
    ]);
  });

  it('the approved newcomer is told in a private message in their language; one who cannot be reached is approved all the same', async () => {
    const { agree, send, press, services, text } = hub();
    const telegram = new RecordingPublisher('telegram');
    services.publishers.register(telegram);
    await agree('1');
    await send('2', 'lang', 'ro');
    await agree('2', 'Ana');
    await agree('3', 'Bo');
    const ana = (await services.members.findByAccount('telegram', '2'))!;
    const bo = (await services.members.findByAccount('telegram', '3'))!;
    expect(text(await press('1', `approve:${ana.id}`))).toContain(`${shortId(ana.id)} was told in a private message.`);
    expect(telegram.to('2').map((post) => post.text)).toEqual([
      'Bine ați venit: un moderator v-a aprobat calitatea de membru al rețelei. Acum puteți pune întrebări (/ask), găsi experți (/experts) și vedea profilul (/profile).',
    ]);
    expect(telegram.to('2')[0]!.reply.language).toBe('ro');

    telegram.refusing.add('3');
    expect(text(await press('1', `approve:${bo.id}`))).toContain(`${shortId(bo.id)} could not be told: cphub cannot send them a private message`);
    expect((await services.members.findById(bo.id))?.status).toBe('active');
    expect(telegram.to('3')).toEqual([]);
    // Nothing goes to the moderator who decided.
    expect(telegram.posts.filter((post) => post.target.conversationId === '1')).toEqual([]);
  });

  it('a member who is not a moderator can neither list nor press a decision', async () => {
    const { agree, send, press, services, text } = hub();
    await agree('2');
    await agree('3');
    const waiting = (await services.members.findByAccount('telegram', '3'))!;
    expect(text(await send('2', 'pending'))).toBe('You do not have the role that /pending needs.');
    expect(text(await press('2', `approve:${waiting.id}`))).toBe('You do not have the role that /pending needs.');
    expect((await services.members.findByAccount('telegram', '3'))?.status).toBe('pending');
  });
});
