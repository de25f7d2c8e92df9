import { describe, expect, it } from 'vitest';
import { PRIVACY_VERSION } from '../../../core/commands/privacy.ts';
import { createCoreHarness, plain, sampleDocument } from '../../support/core-harness.ts';

/** Every row that names `userId`, in every table that holds personal data. */
function rowsOf(hub: ReturnType<typeof createCoreHarness>, userId: string) {
  const all = (sql: string) => hub.db.sqlite.prepare(sql).all(userId) as unknown[];
  return {
    settings: all('SELECT * FROM account_settings WHERE user_id = ?'),
    sessions: all('SELECT * FROM search_sessions WHERE user_id = ?'),
    accounts: all('SELECT * FROM member_accounts WHERE user_id = ?'),
    chats: all("SELECT * FROM chats WHERE chat_id = ? AND kind = 'private'"),
    pendingInputs: all('SELECT * FROM pending_inputs WHERE user_id = ?'),
  };
}

describe('/forget', () => {
  const library = Array.from({ length: 8 }, (_, i) => sampleDocument({ id: `d${i}`, title: `Foster care guide ${i}` }));

  async function memberWithData(hub: ReturnType<typeof createCoreHarness>, userId: string) {
    await hub.press({ actionId: 'consent', value: `agree:${PRIVACY_VERSION}` }, { userId });
    // The onboarding profile, and a question left waiting for a typed answer.
    await hub.send(`Name of ${userId}`, { userId });
    await hub.press({ actionId: 'profile', value: 'o:country:RS' }, { userId });
    await hub.press({ actionId: 'profile', value: 'o:profession:health' }, { userId });
    await hub.send(`Organisation of ${userId}`, { userId });
    await hub.press({ actionId: 'profile', value: 'o:topics:4' }, { userId });
    await hub.press({ actionId: 'profile', value: 'e:name:ask' }, { userId });
    await hub.send('/lang ro', { userId });
    await hub.send('/search foster care', { userId });
    await hub.press({ actionId: 'profile', value: 'e:organisation:ask' }, { userId });
    await hub.services.chats.remember({ platform: 'console', id: userId, kind: 'private' });
  }

  it('asks first, privately, with two buttons; Cancel erases nothing', async () => {
    const hub = createCoreHarness(library);
    await memberWithData(hub, 'u1');
    expect(rowsOf(hub, 'u1').pendingInputs).toHaveLength(1);
    const [question] = await hub.send('/forget', { userId: 'u1' });
    expect(question!.private).toBe(true);
    expect(question!.buttons[0]!.map((button) => button.value)).toEqual(['erase', 'cancel']);
    expect(plain(await hub.press({ actionId: 'forget', value: 'cancel' }, { userId: 'u1' }))).toContain('Nu s-a șters nimic');
    const rows = rowsOf(hub, 'u1');
    // (The /forget command itself dropped the waiting question, as every command does.)
    expect([rows.settings, rows.sessions, rows.accounts, rows.chats].map((list) => list.length)).toEqual([1, 1, 1, 1]);
    expect(hub.db.sqlite.prepare('SELECT display_name, country, profession, organisation, topics FROM members').get()).toEqual({
      display_name: 'Name of u1', country: 'RS', profession: 'health', organisation: 'Organisation of u1', topics: '["juvenile justice"]',
    });
  });

  it('erases the member and every personal row of theirs, leaves other members alone, and audits that (not who)', async () => {
    const hub = createCoreHarness(library);
    await memberWithData(hub, 'u1');
    await memberWithData(hub, 'u2');
    const [done] = await hub.press({ actionId: 'forget', value: 'erase' }, { userId: 'u1' });
    // Said in the member's language before it was erased.
    expect(plain([done!])).toContain('nu se mai păstrează nimic');
    expect(rowsOf(hub, 'u1')).toEqual({ settings: [], sessions: [], accounts: [], chats: [], pendingInputs: [] });
    // No profile field of theirs is left in any row of any table.
    const dump = JSON.stringify(hub.db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()
      .map(({ name }: any) => hub.db.sqlite.prepare(`SELECT * FROM "${name}"`).all()));
    expect(dump).not.toContain('of u1');
    expect(hub.db.sqlite.prepare('SELECT display_name, organisation FROM members').all()).toEqual([{ display_name: 'Name of u2', organisation: 'Organisation of u2' }]);
    const other = rowsOf(hub, 'u2');
    expect([other.settings, other.sessions, other.accounts, other.chats, other.pendingInputs].map((list) => list.length)).toEqual([1, 1, 1, 1, 1]);
    const audit = hub.db.sqlite.prepare('SELECT action, subject, details FROM audit_log').all();
    expect(audit).toEqual([{ action: 'member.erased', subject: null, details: '{"accounts":1}' }]);
    expect(JSON.stringify(audit)).not.toContain('u1');
    // Erased means a newcomer again: /start asks for consent.
    expect((await hub.send('/start', { userId: 'u1' }))[0]!.buttons[0]![0]!.label).toBe('I agree');
  });

  it('erases every account linked to the member (the link made here by hand: /link is a later slice)', async () => {
    const hub = createCoreHarness(library);
    await memberWithData(hub, 'u1');
    const { member_id: memberId } = hub.db.sqlite.prepare("SELECT member_id FROM member_accounts WHERE user_id = 'u1'").get() as { member_id: string };
    hub.db.sqlite.prepare("INSERT INTO member_accounts (platform, user_id, member_id, linked_at) VALUES ('telegram', '777', ?, 'x')").run(memberId);
    await hub.services.settings.setLanguage('telegram', '777', 'bg');
    await hub.press({ actionId: 'forget', value: 'erase' }, { userId: 'u1' });
    expect(rowsOf(hub, '777')).toEqual({ settings: [], sessions: [], accounts: [], chats: [], pendingInputs: [] });
    expect(hub.db.sqlite.prepare('SELECT details FROM audit_log').get()).toEqual({ details: '{"accounts":2}' });
  });

  it('someone who never joined can erase their settings and searches too', async () => {
    const hub = createCoreHarness(library);
    await hub.send('/lang hu', { userId: 'u3' });
    await hub.press({ actionId: 'forget', value: 'erase' }, { userId: 'u3' });
    expect(rowsOf(hub, 'u3').settings).toEqual([]);
  });
});
