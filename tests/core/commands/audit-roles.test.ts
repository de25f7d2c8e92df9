import { describe, expect, it } from 'vitest';
import { PRIVACY_VERSION } from '../../../core/commands/privacy.ts';
import { createCoreHarness, plain } from '../../support/core-harness.ts';

const agree = { actionId: 'consent', value: `agree:${PRIVACY_VERSION}` };

describe('roles and the audit log', () => {
  it('an account named in CPHUB_ADMINS is an administrator from the moment it joins, and the audit log says so', async () => {
    const hub = createCoreHarness();
    await hub.press(agree, { userId: 'admin' });
    const admin = await hub.services.members.findByAccount('console', 'admin');
    expect(admin?.role).toBe('admin');
    const [log] = await hub.send('/audit', { userId: 'admin' });
    expect(log!.private).toBe(true);
    expect(plain([log!])).toContain(`role.changed · ${admin!.id} · {"from":"member","to":"admin","by":"config"}`);
    expect(plain([log!]).split('\n')[0]).toBe('The latest 1 entry of the audit log');
  });

  it('counts the entries it shows with the plural of the administrator\'s language', async () => {
    const hub = createCoreHarness();
    await hub.press(agree, { userId: 'admin' });
    await hub.press(agree, { userId: 'u1' });
    const member = (await hub.services.members.findByAccount('console', 'u1'))!;
    await hub.services.members.setRole(member.id, 'expert', 'cli');
    await hub.services.members.setRole(member.id, 'moderator', 'cli');
    const heading = async () => plain(await hub.send('/audit', { userId: 'admin' })).split('\n')[0];
    expect(await heading()).toBe('The latest 3 entries of the audit log');
    await hub.send('/lang sh', { userId: 'admin' });
    expect(await heading()).toBe('Posljednja 3 zapisa revizijskog dnevnika');
    await hub.send('/lang ro', { userId: 'admin' });
    expect(await heading()).toBe('Ultimele 3 înregistrări din jurnalul de audit');
  });

  it('/audit is refused, in the member\'s language, to members and to people who have not joined', async () => {
    const hub = createCoreHarness();
    await hub.press(agree, { userId: 'u1' });
    expect(plain(await hub.send('/audit', { userId: 'u1' }))).toBe('You do not have the role that /audit needs.');
    expect(plain(await hub.send('/audit', { userId: 'u2', locale: 'sr' }))).toBe('Nemate ulogu koju zahtijeva /audit.');
  });

  it('a role change by an admin is recorded with who decided; the same role twice records nothing', async () => {
    const hub = createCoreHarness();
    await hub.press(agree, { userId: 'u1' });
    const member = (await hub.services.members.findByAccount('console', 'u1'))!;
    await hub.services.members.setRole(member.id, 'expert', 'cli');
    await hub.services.members.setRole(member.id, 'expert', 'cli');
    const rows = hub.db.sqlite.prepare("SELECT subject, details FROM audit_log WHERE action = 'role.changed'").all();
    expect(rows).toEqual([{ subject: member.id, details: '{"from":"member","to":"expert","by":"cli"}' }]);
  });
});
