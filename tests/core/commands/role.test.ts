import { describe, expect, it } from 'vitest';
import { shortId } from '../../../core/members/member-reference.ts';
import { memberHub } from '../../support/member-hub.ts';

describe('/role', () => {
  it('an administrator makes a member an expert by their short id; the audit log has who decided; the reply points to /expert', async () => {
    const hub = memberHub();
    const admin = await hub.withRole('admin', 'admin');
    const ana = await hub.withRole('ana', 'member', { displayName: 'Ana' });
    const anaId = (await ana.member()).id;
    const said = await admin.send('role', `${shortId(anaId)} expert`);
    expect(said).toContain(`Done: Ana (${shortId(anaId)}) now has the role expert.`);
    expect(said).toContain('with /expert');
    expect((await ana.member()).role).toBe('expert');
    const adminId = (await admin.member()).id;
    expect(hub.auditRows('role.')).toContainEqual({ action: 'role.changed', subject: anaId, details: JSON.stringify({ from: 'member', to: 'expert', by: adminId }) });
  });

  it('names the member by account (platform:id), by a reply to their message, or with the role first; role names in the member\'s language count', async () => {
    const hub = memberHub();
    const admin = await hub.withRole('admin', 'admin', { locale: 'sr' });
    const ana = await hub.withRole('ana', 'member');
    const bo = await hub.withRole('bo', 'member');
    const cy = await hub.withRole('cy', 'member', { platform: 'slack' });
    expect(await admin.send('role', 'telegram:ana stručnjak')).toContain('sada ima ulogu stručnjak');
    expect(await admin.send('role', 'moderator', { group: true, replyTo: 'bo' })).toContain('sada ima ulogu moderator');
    expect(await admin.send('role', 'expert slack:cy')).toContain('sada ima ulogu stručnjak');
    expect([(await ana.member()).role, (await bo.member()).role, (await cy.member()).role]).toEqual(['expert', 'moderator', 'expert']);
  });

  it('a moderator gives and takes the expert role, but not the staff roles, and cannot touch another moderator', async () => {
    const hub = memberHub();
    await hub.withRole('admin', 'admin');
    const mod = await hub.withRole('mod', 'moderator');
    const other = await hub.withRole('other', 'moderator');
    const ana = await hub.withRole('ana', 'member');
    expect(await mod.send('role', 'telegram:ana expert')).toContain('now has the role expert');
    expect(await mod.send('role', 'telegram:ana member')).toContain('now has the role member');
    expect(await mod.send('role', 'telegram:ana moderator')).toMatch(/^Moderators give and take the expert role; this change for .* \(moderator\) is for an administrator\.$/);
    expect(await mod.send('role', 'telegram:other member')).toContain('is for an administrator');
    expect((await ana.member()).role).toBe('member');
    expect((await other.member()).role).toBe('moderator');
  });

  it('members cannot use it; people who have not joined neither, in their language', async () => {
    const hub = memberHub();
    const ana = await hub.withRole('ana', 'member');
    expect(await ana.send('role', 'telegram:ana admin')).toBe('You do not have the role that /role needs.');
    expect(await hub.person('x', { locale: 'ro' }).send('role', 'telegram:ana admin')).toBe('Nu aveți rolul de care are nevoie /role.');
    expect((await ana.member()).role).toBe('member');
  });

  it('the last administrator keeps the role; with a second one, an administrator can step down', async () => {
    const hub = memberHub();
    const admin = await hub.withRole('admin', 'admin');
    expect(await admin.send('role', 'telegram:admin member')).toMatch(/is the only administrator: make someone else an administrator first\.$/);
    expect((await admin.member()).role).toBe('admin');
    await hub.withRole('second', 'member');
    expect(await admin.send('role', 'telegram:second admin')).toContain('now has the role administrator');
    expect(await admin.send('role', 'telegram:admin member')).toContain('now has the role member');
    expect((await admin.member()).role).toBe('member');
    expect(hub.db.sqlite.prepare("SELECT count(*) AS admins FROM members WHERE role = 'admin'").get()).toEqual({ admins: 1 });
  });

  it('explains what is wrong and changes nothing: an unknown role, an unknown member, an ambiguous id, a pending member, the same role again, no member at all', async () => {
    const hub = memberHub({ membership: 'approved' });
    const admin = await hub.withRole('admin', 'admin');
    const waiting = await hub.withRole('waiting', 'member');
    hub.db.sqlite.prepare("INSERT INTO members (id, role, status, consent_version, consented_at, created_at, updated_at) VALUES (?, 'member', 'active', 'v', 't', 't', 't')").run('abcdefXq0000000000000000');
    hub.db.sqlite.prepare("INSERT INTO members (id, role, status, consent_version, consented_at, created_at, updated_at) VALUES (?, 'member', 'active', 'v', 't', 't', 't')").run('abcdefYq0000000000000000');
    const before = hub.auditRows('role.').length;
    expect(await admin.send('role', 'telegram:waiting chief')).toBe('“chief” is not a role. The roles are: member, expert, moderator, administrator.');
    expect(await admin.send('role', 'telegram:nobody expert')).toMatch(/^I can't find the member “telegram:nobody”\./);
    expect(await admin.send('role', '@ana expert')).toMatch(/^I can't find the member “@ana”\./);
    expect(await admin.send('role', 'abc expert')).toMatch(/^I can't find the member “abc”\./);
    expect(await admin.send('role', 'abcdef expert')).toBe('More than one member has an id starting with “abcdef”: write more of it.');
    expect(await admin.send('role', 'abcdefX expert')).toContain('now has the role expert');
    expect(await admin.send('role', 'abcdefX expert')).toBe('abcdefXq already has the role expert.');
    expect(await admin.send('role', 'telegram:waiting expert')).toMatch(/is waiting for approval: decide in \/pending first\.$/);
    expect(await admin.send('role', 'expert')).toMatch(/^Write \/role Xy3kQ9aB expert: first the member/);
    expect(await admin.send('role', 'a b c')).toMatch(/^Write \/role Xy3kQ9aB expert/);
    expect(await admin.send('role', 'expert', { replyTo: 'stranger' })).toBe('The person you answered has not joined the network.');
    expect((await waiting.member()).role).toBe('member');
    expect(hub.auditRows('role.').length).toBe(before + 1);
  });
});
