import { describe, expect, it } from 'vitest';
import { PRIVACY_VERSION } from '../../../core/commands/privacy.ts';
import type { Reply } from '../../../core/model/reply.ts';
import { createCoreHarness, plain, sampleDocument } from '../../support/core-harness.ts';

type Hub = ReturnType<typeof createCoreHarness>;

const agree = (hub: Hub, userId = 'u1') => hub.press({ actionId: 'consent', value: `agree:${PRIVACY_VERSION}` }, { userId });
/** Presses the button of the last reply whose label is `label`. */
function pressLabel(hub: Hub, replies: Reply[], label: string, userId = 'u1') {
  const button = replies.at(-1)!.buttons.flat().find((candidate) => candidate.label === label);
  if (!button) throw new Error(`no button "${label}" in ${JSON.stringify(replies.at(-1)!.buttons.flat().map((b) => b.label))}`);
  return hub.press(button, { userId });
}
function memberRow(hub: Hub, userId = 'u1') {
  return hub.db.sqlite
    .prepare('SELECT m.display_name, m.country, m.profession, m.organisation, m.language, m.topics FROM members m JOIN member_accounts a ON a.member_id = m.id WHERE a.user_id = ?')
    .get(userId) as Record<string, unknown> | undefined;
}
const pendingRows = (hub: Hub) => hub.db.sqlite.prepare('SELECT platform, user_id, step FROM pending_inputs').all();

describe('onboarding after "I agree"', () => {
  it('walks through name, country, profession, organisation, language and topics, storing each answer', async () => {
    const hub = createCoreHarness();
    let replies = await agree(hub);
    expect(plain(replies)).toContain('you are now a member');
    expect(plain(replies)).toContain('Your profile — step 1 of 6');
    expect(plain(replies)).toContain('Which name should other members see?');
    expect(replies[0]!.private).toBe(true);
    expect(pendingRows(hub)).toEqual([{ platform: 'console', user_id: 'u1', step: 'profile:onboard:name' }]);

    // The next plain message is the name, not a search.
    replies = await hub.send('Ana Petrović');
    expect(plain(replies)).toContain('step 2 of 6');
    expect(replies[0]!.buttons.flat().map((button) => button.label)).toEqual([
      'Albania', 'Bosnia & Herzegovina', 'Bulgaria', 'Croatia', 'Kosovo', 'Montenegro', 'North Macedonia', 'Romania', 'Serbia', 'Hungary', 'Slovenia', 'Moldova', 'Other', 'Skip',
    ]);
    expect(pendingRows(hub)).toEqual([]);
    replies = await pressLabel(hub, replies, 'Serbia');
    expect(plain(replies)).toContain('What is your profession?');
    replies = await pressLabel(hub, replies, 'Social work');
    expect(plain(replies)).toContain('Which organisation do you work for?');
    replies = await hub.send('Save the Children');
    expect(plain(replies)).toContain('Which language should I answer you in?');
    replies = await pressLabel(hub, replies, 'Romanian');
    // From here on in the language just chosen.
    expect(plain(replies)).toContain('Ce teme vă interesează?');
    replies = await pressLabel(hub, replies, 'violență și abuz');
    expect(replies[0]!.buttons.flat()[0]!.label).toBe('✓ violență și abuz');
    replies = await pressLabel(hub, replies, 'siguranță online');
    replies = await pressLabel(hub, replies, '✓ siguranță online');
    replies = await pressLabel(hub, replies, 'Gata');
    expect(plain(replies)).toContain('Profilul dumneavoastră este gata');
    expect(memberRow(hub)).toEqual({
      display_name: 'Ana Petrović', country: 'RS', profession: 'social_work', organisation: 'Save the Children', language: 'ro', topics: '["violence and abuse"]',
    });
  });

  it('every step can be skipped: nothing is stored, and plain text is a search again', async () => {
    const hub = createCoreHarness([sampleDocument({ id: 'd1', title: 'Foster care guide' })]);
    let replies = await agree(hub);
    for (const label of ['Skip', 'Skip', 'Skip', 'Skip', 'Skip', 'Done']) replies = await pressLabel(hub, replies, label);
    expect(plain(replies)).toContain('Your profile is ready');
    expect(memberRow(hub)).toEqual({ display_name: null, country: null, profession: null, organisation: null, language: 'en', topics: '[]' });
    expect(plain(await hub.send('foster care'))).toContain('1 document found');
    expect(memberRow(hub)!.display_name).toBeNull();
  });

  it('a command drops the question: the next plain message is searched, not taken as a name', async () => {
    const hub = createCoreHarness([sampleDocument({ id: 'd1', title: 'Foster care guide' })]);
    await agree(hub);
    await hub.send('/search foster');
    expect(plain(await hub.send('foster care'))).toContain('1 document found');
    expect(memberRow(hub)!.display_name).toBeNull();
  });

  it('a question older than an hour is not answered by a plain message', async () => {
    const hub = createCoreHarness([sampleDocument({ id: 'd1', title: 'Foster care guide' })]);
    await agree(hub);
    hub.db.sqlite.prepare("UPDATE pending_inputs SET created_at = '2026-03-14T07:59:00.000Z'").run();
    expect(plain(await hub.send('foster care'))).toContain('1 document found');
    expect(memberRow(hub)!.display_name).toBeNull();
  });

  it('a name that is too long is refused, nothing changes, and the question still waits', async () => {
    const hub = createCoreHarness();
    await agree(hub);
    const [refusal] = await hub.send('x'.repeat(101));
    expect(plain([refusal!])).toBe('That is too long: at most 100 characters, please.');
    expect(memberRow(hub)!.display_name).toBeNull();
    expect(plain(await hub.send('Ana'))).toContain('step 2 of 6');
    expect(memberRow(hub)!.display_name).toBe('Ana');
  });

  it('"Other" asks for the country by name; an unknown one is refused', async () => {
    const hub = createCoreHarness();
    let replies = await pressLabel(hub, await agree(hub), 'Skip');
    replies = await pressLabel(hub, replies, 'Other');
    expect(plain(replies)).toContain('Which country? Send its name');
    expect(plain(await hub.send('Narnia'))).toContain('I don\'t know the country “Narnia”');
    expect(memberRow(hub)!.country).toBe('other');
    expect(plain(await hub.send('Greece'))).toContain('What is your profession?');
    expect(memberRow(hub)!.country).toBe('GR');
  });

  it('/profile edit <field> <value> answers the pending question and goes on (how Discord members type it)', async () => {
    const hub = createCoreHarness();
    await agree(hub);
    expect(plain(await hub.send('/profile edit name Ana'))).toContain('step 2 of 6');
    expect(memberRow(hub)!.display_name).toBe('Ana');
  });

  it('a member agreeing to the notice again is not asked for the profile again', async () => {
    const hub = createCoreHarness();
    await agree(hub);
    await hub.send('Ana');
    const replies = await agree(hub);
    expect(plain(replies)).not.toContain('step 1 of 6');
    expect(memberRow(hub)!.display_name).toBe('Ana');
  });
});

describe('/profile', () => {
  it('shows every field with a button to change it; a button asks, an answer saves and shows the profile again', async () => {
    const hub = createCoreHarness();
    await agree(hub);
    await hub.send('Ana');
    const [view] = await hub.send('/profile');
    expect(plain([view!])).toContain('Name: Ana');
    expect(plain([view!])).toContain('Country: —');
    expect(view!.buttons.flat().map((button) => button.label)).toEqual([
      'Change: Name', 'Change: Country', 'Change: Profession', 'Change: Organisation', 'Change: Language', 'Change: Topics',
    ]);
    let replies = await pressLabel(hub, [view!], 'Change: Country');
    expect(plain(replies)).not.toContain('step');
    replies = await pressLabel(hub, replies, 'Croatia');
    expect(plain(replies)).toContain('Saved.');
    expect(plain(replies)).toContain('Country: Croatia');
    expect(memberRow(hub)!.country).toBe('HR');
  });

  it('/profile edit changes a field by typing, "-" clears it, and bad input changes nothing', async () => {
    const hub = createCoreHarness();
    await agree(hub);
    expect(plain(await hub.send('/profile edit topics 1, online safety'))).toContain('Topics: violence and abuse, online safety');
    expect(plain(await hub.send('/profile edit organisation UNICEF Serbia'))).toContain('Organisation: UNICEF Serbia');
    expect(plain(await hub.send('/profile edit profession ngo'))).toContain('Profession: NGO');
    expect(plain(await hub.send('/profile edit country Србија'))).toContain('Country: Serbia');
    expect(plain(await hub.send('/profile edit organisation -'))).toContain('Organisation: —');
    const before = memberRow(hub);
    expect(plain(await hub.send('/profile edit profession astronaut'))).toContain('I don\'t know “astronaut”. Choose from: Social work, Law enforcement');
    expect(plain(await hub.send('/profile edit topics 1, cooking'))).toContain('I don\'t know “cooking”');
    expect(plain(await hub.send('/profile edit language klingon'))).toContain('I don\'t have the language “klingon”');
    expect(plain(await hub.send('/profile edit shoe size 42'))).toBe('Change a field with /profile edit, one of: name, country, profession, organisation, language, topics. For example /profile edit country RS.');
    expect(memberRow(hub)).toEqual(before);
    expect(before).toMatchObject({ topics: '["violence and abuse","online safety"]', organisation: null, profession: 'ngo', country: 'RS' });
  });

  it('someone who has not joined is told how to join, by the command and by a button', async () => {
    const hub = createCoreHarness();
    expect(plain(await hub.send('/profile'))).toContain('You have not joined yet');
    expect(plain(await hub.press({ actionId: 'profile', value: 'e:country:HR' }))).toContain('You have not joined yet');
    expect(hub.db.sqlite.prepare('SELECT count(*) AS n FROM members').get()).toEqual({ n: 0 });
  });
});
