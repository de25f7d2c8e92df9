/**
 * Roles, the expert profile, the directory and suspension through the real
 * discord.js client against the fake Discord: the member picked with the
 * user option, the expert's steps by buttons in ephemeral messages, /experts
 * with its topic choice and country, and a suspended member's command left
 * unanswered (the "thinking…" removed, nothing sent).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { shortId } from '../../../core/members/member-reference.ts';
import { DM_USER_ID, dmSlashCommand, startDiscordHarness, type DiscordHarness } from '../../support/discord-harness.ts';
import { answerTo, FOLLOW_UP, joinOnDiscord, ORIGINAL, pressOn } from '../../support/discord-members.ts';

let harness: DiscordHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const ADMIN = DM_USER_ID;
const EXPERT = '53908232506179585';

async function adminAndMember(h: DiscordHarness) {
  await joinOnDiscord(h, ADMIN);
  const admin = (await h.core.services.members.findByAccount('discord', ADMIN))!;
  await h.core.services.members.setRole(admin.id, 'admin', 'cli');
  await joinOnDiscord(h, EXPERT);
  return { admin, expert: (await h.core.services.members.findByAccount('discord', EXPERT))! };
}

describe('Discord: roles, experts and suspension', () => {
  it('an admin makes a picked member an expert; the expert fills the expert profile by buttons; /experts finds them', async () => {
    const h = (harness = await startDiscordHarness());
    const { admin, expert } = await adminAndMember(h);
    const changed = await answerTo(h, dmSlashCommand(h.fake, 'role', { member: { user: EXPERT }, role: 'expert' }), /now has the role expert/);
    expect(changed.body.flags).toBe(64);
    expect(changed.body.embeds[0].description).toMatch(/\) was told in a private message\.$/);
    expect((await h.core.services.members.findById(expert.id))?.role).toBe('expert');
    // The member hears of it in a DM the bot opens.
    expect(h.fake.requestsTo('POST', '/users/@me/channels').map((request) => request.body)).toEqual([{ recipient_id: EXPERT }]);
    const told = h.fake.requestsTo('POST', /^\/channels\/\d+\/messages$/).filter((request) => /Your role in the network is now: expert/.test(JSON.stringify(request.body)));
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told[0]!.body)).toContain('Describe your expertise with /expert');
    const audit = h.core.db.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'role.changed' AND subject = ?").get(expert.id);
    expect(audit).toEqual({ details: JSON.stringify({ from: 'member', to: 'expert', by: admin.id }) });

    let step = await answerTo(h, dmSlashCommand(h.fake, 'expert', {}, EXPERT), /step 1 of 4/);
    expect(step.body.components).toHaveLength(3);
    step = await pressOn(h, step, 'online safety', /✓ online safety/, EXPERT);
    step = await pressOn(h, step, 'Done', /step 2 of 4/, EXPERT);
    step = await pressOn(h, step, 'BCMS', /✓ BCMS/, EXPERT);
    step = await pressOn(h, step, 'Done', /step 3 of 4/, EXPERT);
    step = await pressOn(h, step, 'Serbia', /✓ Serbia/, EXPERT);
    step = await pressOn(h, step, 'Done', /step 4 of 4/, EXPERT);
    await pressOn(h, step, 'Yes, list me', /Your expert profile is saved/, EXPERT);
    const row = h.core.db.sqlite.prepare('SELECT topics, languages, countries, listed FROM expert_profiles WHERE member_id = ?').get(expert.id);
    expect(row).toEqual({ topics: '["online safety"]', languages: '["sh"]', countries: '["RS"]', listed: 1 });

    const directory = await answerTo(h, dmSlashCommand(h.fake, 'experts', { topic: 'online safety', country: 'Srbija' }), /1 expert in the directory/);
    const shown = JSON.stringify(directory.body);
    expect(shown).toContain(expert.profile.displayName!);
    expect(shown).toContain('Countries of work: Serbia');
    // The administrator sees the short id, never the Discord id.
    expect(shown).toContain(shortId(expert.id));
    expect(shown).not.toContain(EXPERT);
  });

  it('/suspend by member id: the member\'s next command is left unanswered; the last admin keeps the role', async () => {
    const h = (harness = await startDiscordHarness());
    const { admin, expert } = await adminAndMember(h);
    await answerTo(h, dmSlashCommand(h.fake, 'suspend', { account: shortId(expert.id) }), /Suspended: cphub ignores/);
    expect((await h.core.services.members.findById(expert.id))?.status).toBe('suspended');

    const ignored = dmSlashCommand(h.fake, 'search', { query: 'violence' }, EXPERT);
    const deleted = await answerTo(h, ignored, /.*/, 'DELETE', ORIGINAL);
    expect(deleted.path).toContain(ignored.token);
    expect(h.fake.requestsTo('POST', FOLLOW_UP).filter((request) => request.path.includes(ignored.token))).toEqual([]);
    expect(h.fake.requestsTo('PATCH', ORIGINAL).filter((request) => request.path.includes(ignored.token))).toEqual([]);

    await answerTo(h, dmSlashCommand(h.fake, 'role', { account: `<@${ADMIN}>`, role: 'member' }), /is the only administrator/);
    expect((await h.core.services.members.findById(admin.id))?.role).toBe('admin');
  });
});
