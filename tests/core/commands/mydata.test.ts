import { describe, expect, it } from 'vitest';
import { PRIVACY_VERSION } from '../../../core/commands/privacy.ts';
import { createCoreHarness, plain, sampleDocument } from '../../support/core-harness.ts';

type Hub = ReturnType<typeof createCoreHarness>;

async function memberWithData(hub: Hub, userId: string) {
  await hub.press({ actionId: 'consent', value: `agree:${PRIVACY_VERSION}` }, { userId });
  await hub.send(`Name of ${userId}`, { userId });
  await hub.send(`/profile edit organisation Organisation of ${userId}`, { userId });
  await hub.send('/search foster care', { userId });
  await hub.services.chats.remember({ platform: 'console', id: userId, kind: 'private' });
  return (await hub.services.members.findByAccount('console', userId))!;
}

function exported(replies: Awaited<ReturnType<Hub['send']>>) {
  const [file] = replies[0]!.attachments ?? [];
  expect(file).toMatchObject({ filename: 'cphub-mydata-2026-03-14.json', mimeType: 'application/json' });
  return { text: file!.content, data: JSON.parse(file!.content) };
}

describe('/mydata', () => {
  // More than a page, so a search is kept behind its Next button.
  const library = Array.from({ length: 8 }, (_, i) => sampleDocument({ id: `d${i}`, title: `Foster care guide ${i}` }));

  it('sends, privately, a JSON file of everything kept about the member on every linked account, and nothing about anyone else', async () => {
    const hub = createCoreHarness(library);
    const admin = await memberWithData(hub, 'admin');
    const member = await memberWithData(hub, 'u1');
    await memberWithData(hub, 'other.member');
    // A second account (Telegram) joined to u1 with a link code, and a role an administrator gave.
    const code = await hub.services.links.issue(member.id, { platform: 'console', userId: 'u1' }, 600_000);
    expect(await hub.services.links.redeem(code, { platform: 'telegram', userId: '777' })).toBe('linked');
    await hub.services.settings.setLanguage('telegram', '777', 'bg');
    await hub.services.members.setRole(member.id, 'expert', admin.id);
    await hub.services.members.setRole((await hub.services.members.findByAccount('console', 'other.member'))!.id, 'moderator', admin.id);

    const replies = await hub.send('/mydata', { userId: 'u1' });
    expect(replies[0]!.private).toBe(true);
    expect(plain(replies)).toContain('Here is everything cphub keeps about you');
    const { text, data } = exported(replies);
    expect(data.member).toMatchObject({
      id: member.id, displayName: 'Name of u1', organisation: 'Organisation of u1', role: 'expert', consentVersion: PRIVACY_VERSION, topics: [],
    });
    expect(data.accounts.map((account: { platform: string; userId: string }) => `${account.platform}:${account.userId}`)).toEqual(['console:u1', 'telegram:777']);
    expect(data.settings).toEqual([expect.objectContaining({ platform: 'telegram', userId: '777', language: 'bg' })]);
    expect(data.savedSearches).toEqual([expect.objectContaining({ platform: 'console', userId: 'u1', query: 'foster care' })]);
    expect(data.privateChats).toEqual([expect.objectContaining({ chatId: 'u1', kind: 'private' })]);
    expect(data.linkCodes).toEqual([expect.objectContaining({ issuedTo: 'console:u1' })]);
    expect(data.auditLog.map((entry: { action: string }) => entry.action)).toEqual(['account.linked', 'role.changed']);
    expect(data.auditLog[1].details).toEqual({ from: 'member', to: 'expert', by: 'another member' });
    // Nobody else: not the other member, not the administrator who decided, not the code itself.
    // A distinctive id, so a random member id or code can never contain it by chance.
    for (const foreign of ['other.member', 'Name of admin', admin.id, code.replace('-', '')]) expect(text).not.toContain(foreign);
  });

  it('is refused in a group, without a file', async () => {
    const hub = createCoreHarness(library);
    await memberWithData(hub, 'u1');
    const replies = await hub.send('/mydata', { userId: 'u1', group: true });
    expect(plain(replies)).toBe('I send this file only in a private chat with me: send /mydata there.');
    expect(replies[0]!.attachments).toBeUndefined();
  });

  it('someone who never joined gets what is kept about their account', async () => {
    const hub = createCoreHarness(library);
    await hub.send('/lang hu', { userId: 'u3' });
    const { data } = exported(await hub.send('/mydata', { userId: 'u3' }));
    expect(data.member).toBeNull();
    expect(data.settings).toEqual([expect.objectContaining({ userId: 'u3', language: 'hu' })]);
  });
});
