import { describe, expect, it } from 'vitest';
import { shortId } from '../../../core/members/member-reference.ts';
import { memberHub } from '../../support/member-hub.ts';

describe('/suspend and /unsuspend', () => {
  it('a moderator suspends a member: audited, every message of theirs ignored, their data still theirs to see; /unsuspend lifts it', async () => {
    const hub = memberHub();
    await hub.withRole('admin', 'admin');
    const mod = await hub.withRole('mod', 'moderator');
    const ana = await hub.withRole('ana', 'member', { displayName: 'Ana' });
    const { id } = await ana.member();
    expect(await mod.send('suspend', shortId(id))).toContain(`Suspended: cphub ignores Ana (${shortId(id)}) on every linked account until a moderator sends /unsuspend.`);
    expect((await ana.member()).status).toBe('suspended');
    expect(await ana.command('search', 'violence')).toEqual([]);
    expect(await ana.command('profile')).toEqual([]);
    expect(await ana.handle({ kind: 'text', text: 'hello' })).toEqual([]);
    // A suspension does not take away the right to one's data.
    const [data] = await ana.command('mydata');
    expect(data!.attachments?.[0]?.filename).toMatch(/^cphub-mydata-/);
    expect(await ana.send('forget')).toContain('It cannot be undone.');

    expect(await mod.send('unsuspend', shortId(id))).toContain('is no longer suspended');
    expect((await ana.member()).status).toBe('active');
    expect(await ana.send('search', 'violence')).toMatch(/No documents|found/);
    const modId = (await mod.member()).id;
    expect(hub.auditRows('member.')).toEqual([
      { action: 'member.suspended', subject: id, details: JSON.stringify({ by: modId }) },
      { action: 'member.unsuspended', subject: id, details: JSON.stringify({ by: modId }) },
    ]);
  });

  it('works as a reply to the member\'s message in a group', async () => {
    const hub = memberHub();
    const admin = await hub.withRole('admin', 'admin');
    const ana = await hub.withRole('ana', 'member');
    expect(await admin.send('suspend', '', { group: true, replyTo: 'ana' })).toContain('Suspended:');
    expect((await ana.member()).status).toBe('suspended');
    expect(await admin.send('unsuspend', '', { group: true, replyTo: 'ana' })).toContain('no longer suspended');
  });

  it('refuses, changing nothing: oneself, an administrator, a pending newcomer, a moderator (unless an administrator asks), twice, and members', async () => {
    const hub = memberHub({ membership: 'approved' });
    const admin = await hub.withRole('admin', 'admin');
    const mod = await hub.withRole('mod', 'moderator');
    const other = await hub.withRole('other', 'moderator');
    const waiting = await hub.withRole('waiting', 'member');
    const ana = await hub.withRole('ana', 'member');
    await admin.press('membership.decide', `approve:${(await ana.member()).id}`);
    await admin.press('membership.decide', `approve:${(await hub.person('mod').member()).id}`);
    await admin.press('membership.decide', `approve:${(await hub.person('other').member()).id}`);

    expect(await mod.send('suspend', 'telegram:mod')).toBe('You cannot suspend yourself.');
    expect(await mod.send('suspend', 'telegram:admin')).toMatch(/is an administrator, and administrators are not suspended: take the role away first with \/role\.$/);
    expect(await mod.send('suspend', 'telegram:waiting')).toMatch(/is waiting for approval: decline them in \/pending instead\.$/);
    expect(await mod.send('suspend', 'telegram:other')).toMatch(/^Only an administrator suspends a moderator/);
    expect(await mod.send('unsuspend', 'telegram:ana')).toMatch(/is not suspended\.$/);
    expect(await mod.send('unsuspend', 'telegram:waiting')).toMatch(/is not suspended\.$/);
    expect(await ana.send('suspend', 'telegram:mod')).toBe('You do not have the role that /suspend needs.');
    expect(await mod.send('suspend', 'telegram:ana telegram:mod')).toMatch(/^Write \/suspend Xy3kQ9aB/);
    expect(hub.auditRows('member.s').length + hub.auditRows('member.u').length).toBe(0);
    expect((await waiting.member()).status).toBe('pending');

    expect(await admin.send('suspend', 'telegram:other')).toContain('Suspended:');
    expect(await admin.send('suspend', 'telegram:other')).toMatch(/is suspended already\.$/);
    expect(await mod.send('unsuspend', 'telegram:other')).toMatch(/^Only an administrator/);
    expect((await other.member()).status).toBe('suspended');
  });

  it('a suspended moderator loses the moderator\'s commands with the rest', async () => {
    const hub = memberHub();
    const admin = await hub.withRole('admin', 'admin');
    const mod = await hub.withRole('mod', 'moderator');
    await hub.withRole('ana', 'member');
    await admin.send('suspend', 'telegram:mod');
    expect(await mod.command('suspend', 'telegram:ana')).toEqual([]);
    expect((await hub.person('ana').member()).status).toBe('active');
  });
});
