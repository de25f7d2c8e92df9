import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../core/model/reply.ts';
import { memberHub, text } from '../../support/member-hub.ts';

/** The button labelled `label` in the replies (a tick in front of a chosen one is ignored). */
function button(replies: Reply[], label: string) {
  const found = replies.flatMap((reply) => reply.buttons.flat()).find((candidate) => candidate.label.replace(/^✓ /, '') === label);
  if (!found) throw new Error(`no button ${label} in ${JSON.stringify(replies.map((reply) => reply.buttons))}`);
  return found;
}

async function expertHub() {
  const hub = memberHub();
  await hub.withRole('admin', 'admin');
  const ana = await hub.withRole('ana', 'expert', { displayName: 'Ana Petrović' });
  const press = async (replies: Reply[], label: string) => {
    const { actionId, value } = button(replies, label);
    return ana.press(actionId, value);
  };
  const row = () => hub.db.sqlite.prepare('SELECT topics, languages, countries, listed FROM expert_profiles').all();
  return { hub, ana, press, row };
}

describe('/expert: the expert profile', () => {
  it('asks four questions by buttons the first time — topics, languages, countries, listing — and stores the answers', async () => {
    const { ana, press, row } = await expertHub();
    let replies = await ana.command('expert');
    expect(text(replies)).toContain('Your expert profile — step 1 of 4');
    expect(replies[0]!.buttons.flat()).toHaveLength(12);
    replies = await press(replies, 'trafficking and exploitation');
    replies = await press(replies, 'online safety');
    expect(replies[0]!.buttons.flat().filter((item) => item.label.startsWith('✓ ')).map((item) => item.label)).toEqual(['✓ trafficking and exploitation', '✓ online safety']);
    replies = await press(replies, 'online safety');
    replies = await press(replies, 'Done');
    expect(text(replies)).toContain('step 2 of 4');
    expect(replies[0]!.buttons.flat().map((item) => item.label)).toEqual(['English', 'Albanian', 'BCMS', 'Macedonian', 'Bulgarian', 'Hungarian', 'Romanian', 'Done']);
    replies = await press(replies, 'BCMS');
    replies = await press(replies, 'Macedonian');
    replies = await press(replies, 'Done');
    expect(text(replies)).toContain('step 3 of 4');
    replies = await press(replies, 'Serbia');
    replies = await press(replies, 'Done');
    expect(text(replies)).toContain('step 4 of 4');
    expect(text(replies)).toContain('nothing else: no account, no contact details');
    replies = await press(replies, 'Yes, list me');
    expect(text(replies)).toContain('Your expert profile is saved.');
    expect(text(replies)).toContain('Expertise: trafficking and exploitation');
    expect(text(replies)).toContain('Languages: BCMS, Macedonian');
    expect(text(replies)).toContain('Countries of work: Serbia');
    expect(text(replies)).toContain('In the directory: yes, listed');
    expect(row()).toEqual([{ topics: '["trafficking and exploitation"]', languages: '["sh","mk"]', countries: '["RS"]', listed: 1 }]);
    // The second time: the profile, with a button per field.
    const shown = await ana.command('expert');
    expect(text(shown)).toContain('Your expert profile:');
    expect(shown[0]!.buttons.flat().map((item) => item.label)).toEqual(['Change: Expertise', 'Change: Languages', 'Change: Countries of work', 'Change: In the directory']);
  });

  it('takes typed answers with /expert edit, refuses what it does not know and changes nothing then', async () => {
    const { ana, row } = await expertHub();
    await ana.command('expert');
    expect(await ana.send('expert', 'edit countries North Macedonia, RS BA')).toContain('Countries of work: North Macedonia, Serbia, Bosnia & Herzegovina');
    expect(await ana.send('expert', 'edit languages de, srpski')).toContain('Languages: German, BCMS');
    expect(await ana.send('expert', 'edit topics 1, online safety')).toContain('Expertise: violence and abuse, online safety');
    expect(await ana.send('expert', 'edit listed yes')).toContain('In the directory: yes, listed');
    const before = row();
    expect(await ana.send('expert', 'edit countries Narnia')).toMatch(/^I don't know “Narnia”\. Choose from: Albania, /);
    expect(await ana.send('expert', 'edit listed maybe')).toBe('Answer yes or no (“maybe” is neither), for example /expert edit listed yes.');
    expect(await ana.send('expert', 'change listed yes')).toMatch(/^Change a field with \/expert edit, one of: topics, languages, countries, listed\./);
    expect(row()).toEqual(before);
    expect(await ana.send('expert', 'edit countries -')).toContain('Countries of work: —');
    expect(await ana.send('expert', 'edit listed')).toContain('Should members find you in the directory (/experts)?');
  });

  it('lists no one without a name; members without the expert role have no expert profile', async () => {
    const hub = memberHub();
    await hub.withRole('admin', 'admin');
    const bo = await hub.withRole('bo', 'expert');
    await bo.command('expert');
    expect(await bo.send('expert', 'edit listed yes')).toBe('The directory shows experts by name, and your profile has none yet: set it with /profile edit name …, then choose again.');
    expect(hub.db.sqlite.prepare('SELECT listed FROM expert_profiles').all()).toEqual([{ listed: 0 }]);
    const cy = await hub.withRole('cy', 'member', { locale: 'sr' });
    expect(await cy.send('expert')).toMatch(/^Stručni profil je za članove s ulogom stručnjaka/);
    expect(text(await cy.press('expert', 'e:listed:yes'))).toMatch(/^Stručni profil je za članove/);
    expect(hub.db.sqlite.prepare('SELECT count(*) AS profiles FROM expert_profiles').get()).toEqual({ profiles: 1 });
  });

  it('is shown in /profile, exported by /mydata and erased by /forget', async () => {
    const { hub, ana, press } = await expertHub();
    await ana.command('expert');
    await ana.send('expert', 'edit countries RS');
    await ana.send('expert', 'edit listed yes');
    expect(await ana.send('profile')).toMatch(/Your expert profile \(\/expert changes it\):\nExpertise: —\nLanguages: —\nCountries of work: Serbia\nIn the directory: yes, listed/);
    const [file] = await ana.command('mydata');
    const data = JSON.parse(file!.attachments![0]!.content);
    expect(data.expertProfile).toMatchObject({ topics: [], languages: [], countries: ['RS'], listed: true });
    const confirm = await ana.command('forget');
    await press(confirm, 'Erase my data');
    expect(hub.db.sqlite.prepare('SELECT count(*) AS profiles FROM expert_profiles').get()).toEqual({ profiles: 0 });
  });

  it('follows the person when they link a new account: the role and the expert profile are kept', async () => {
    const { hub, ana } = await expertHub();
    await ana.command('expert');
    await ana.send('expert', 'edit countries RS');
    const slack = hub.person('U0ANA', { platform: 'slack' });
    await slack.agree();
    const code = /\/link (\S+)/.exec(await slack.send('link'))![1]!;
    expect(await ana.send('link', code)).toContain('Linked');
    const merged = await slack.member();
    expect(merged.role).toBe('expert');
    expect((await ana.member()).id).toBe(merged.id);
    expect(await hub.services.experts.get(merged.id)).toMatchObject({ countries: ['RS'] });
    expect(hub.auditRows('role.').at(-1)).toEqual({ action: 'role.changed', subject: merged.id, details: JSON.stringify({ from: 'member', to: 'expert', by: 'link' }) });
  });
});
