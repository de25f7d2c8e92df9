import { describe, expect, it } from 'vitest';
import { shortId } from '../../../core/members/member-reference.ts';
import type { ExpertProfile, MemberProfile } from '../../../core/ports.ts';
import { memberHub, text } from '../../support/member-hub.ts';

/** A directory: listed experts, one who did not opt in, one whose role was taken back, one suspended. */
async function directoryHub(options: { membership?: 'open' | 'approved' } = {}) {
  const hub = memberHub(options);
  const admin = await hub.withRole('admin', 'admin');
  const expert = async (userId: string, profile: Partial<MemberProfile>, expertise: Partial<ExpertProfile>) => {
    const someone = await hub.withRole(userId, 'expert');
    const { id } = await someone.member();
    await hub.services.members.updateProfile(id, { ...profile, topics: ['disability'] });
    await hub.services.experts.update(id, { listed: true, ...expertise });
    return id;
  };
  const ana = await expert('ana', { displayName: 'Ana Petrović', profession: 'social_work', organisation: 'Save the Children', country: 'HU' }, {
    topics: ['trafficking and exploitation', 'online safety'], languages: ['sh', 'en'], countries: ['RS', 'BA'],
  });
  await expert('bo', { displayName: 'bojan K.', profession: 'justice' }, { topics: ['juvenile justice'], languages: ['sq'], countries: ['AL'] });
  await expert('cy', { displayName: 'Cyril Unlisted' }, { topics: ['trafficking and exploitation'], countries: ['RS'], listed: false });
  const di = await expert('di', { displayName: 'Dina Demoted' }, { topics: ['trafficking and exploitation'], countries: ['RS'] });
  await hub.services.members.setRole(di, 'member', 'cli');
  const ed = await expert('ed', { displayName: 'Edi Suspended' }, { topics: ['trafficking and exploitation'], countries: ['RS'] });
  await hub.services.members.setStatus(ed, 'suspended', 'cli');
  for (const name of ['Fatima', 'Goran', 'Hana', 'Ilir']) await expert(name.toLowerCase(), { displayName: name }, { topics: ['health'], countries: ['XK'] });
  const viewer = await hub.withRole('viewer', 'member');
  return { hub, admin, viewer, ana };
}

describe('/experts: the directory', () => {
  it('lists, by name and five a page, only the experts who opted in, with only what they chose to show', async () => {
    const { viewer } = await directoryHub();
    const [page] = await viewer.command('experts');
    const shown = text([page!]);
    expect(page!.private).toBe(true);
    expect(shown).toContain('6 experts in the directory:');
    expect(shown).toContain('Ana Petrović — Social work, Save the Children. Expertise: trafficking and exploitation, online safety; Languages: BCMS, English; Countries of work: Serbia, Bosnia & Herzegovina');
    expect(shown).toContain('bojan K. — Justice. Expertise: juvenile justice; Languages: Albanian; Countries of work: Albania');
    const names = page!.blocks.flatMap((block) => (block.kind === 'list' ? block.items.map((item) => item[0]!.text) : []));
    expect(names).toEqual(['Ana Petrović', 'bojan K.', 'Fatima', 'Goran', 'Hana']);
    for (const hidden of ['Cyril', 'Dina', 'Edi', 'Hungary', 'disability', 'telegram', '"ana"']) expect(shown).not.toContain(hidden);
    expect(shown).toContain('Page 1 of 2');
    const next = page!.buttons.flat().find((button) => button.label === 'Next ›')!;
    expect(Buffer.byteLength(`${next.actionId}|${next.value}`)).toBeLessThanOrEqual(64);
    const second = text(await viewer.press(next.actionId, next.value));
    expect(second).toContain('6. Ilir');
    expect(second).toContain('Page 2 of 2');
  });

  it('filters by topic, country or both, as members type them', async () => {
    const { viewer } = await directoryHub();
    const names = async (args: string) => {
      const [page] = await viewer.command('experts', args);
      return page!.blocks.flatMap((block) => (block.kind === 'list' ? block.items.map((item) => item[0]!.text) : []));
    };
    expect(await names('trafficking RS')).toEqual(['Ana Petrović']);
    expect(await names('Srbija')).toEqual(['Ana Petrović']);
    expect(await names('juvenile justice Albania')).toEqual(['bojan K.']);
    expect(await names('6')).toEqual(['Ana Petrović']);
    expect(await names('XK health')).toEqual(['Fatima', 'Goran', 'Hana', 'Ilir']);
    expect(await viewer.send('experts', 'trafficking RS')).toContain('Only: trafficking and exploitation · Serbia');
    expect(await viewer.send('experts', 'health BA')).toBe('No listed expert matches health · Bosnia & Herzegovina. The whole directory: /experts');
    expect(await viewer.send('experts', 'narnia')).toMatch(/^I can't read “narnia” as a topic or a country\. Topics: 1\. violence and abuse, /);
  });

  it('shows moderators the short member id they act on; speaks the member\'s language', async () => {
    const { hub, admin, ana } = await directoryHub();
    expect(await admin.send('experts', 'trafficking')).toContain(`Ana Petrović — Social work, Save the Children. Expertise: trafficking and exploitation, online safety; Languages: BCMS, English; Countries of work: Serbia, Bosnia & Herzegovina · ${shortId(ana)}`);
    const bcms = await hub.withRole('sh-member', 'member', { locale: 'sr' });
    expect(await bcms.send('experts')).toContain('6 stručnjaka u imeniku:');
  });

  it('is for members: someone who has not joined is told to join, a pending newcomer waits', async () => {
    const { hub } = await directoryHub({ membership: 'approved' });
    expect(await hub.person('stranger').send('experts')).toMatch(/^You have not joined yet: \/start shows the privacy notice/);
    const newcomer = hub.person('newcomer');
    await newcomer.agree();
    expect(await newcomer.send('experts')).toBe("The directory of experts is for members of the network; your membership is waiting for a moderator's approval.");
  });

  it('an expert who is listed sees their entry as members will', async () => {
    const { hub } = await directoryHub();
    const ana = hub.person('ana');
    expect(await ana.send('expert')).toContain('Members see you in /experts like this:\n• Ana Petrović — Social work, Save the Children. Expertise:');
  });
});
