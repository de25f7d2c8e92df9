/**
 * Roles, the expert profile, the directory and suspension through the real
 * Bolt App (Socket Mode) against the fake Slack: `/hub role <@U…|name>
 * expert` (a mention, escaped as the manifest asks), the expert's steps by
 * buttons, `/hub experts` with a topic and a country, and a suspended
 * member's command acknowledged but never answered.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { shortId } from '../../../core/members/member-reference.ts';
import { handled } from '../../support/handled.ts';
import { dmChannelOf, hubCommand, MEMBER, startSlackHarness, type SlackHarness } from '../../support/slack-harness.ts';
import { hubInDm, join, pressOn, typeName } from '../../support/slack-members.ts';

let harness: SlackHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const EXPERT = 'U00FAKEOTHER';

async function adminAndMember(h: SlackHarness) {
  await join(h.fake, MEMBER);
  const admin = (await h.core.services.members.findByAccount('slack', MEMBER))!;
  await h.core.services.members.setRole(admin.id, 'admin', 'cli');
  await join(h.fake, EXPERT);
  await typeName(h.fake, EXPERT, 'Bojan Other', 'Ev5001');
  return { admin, expert: (await h.core.services.members.findByAccount('slack', EXPERT))! };
}

describe('Slack: roles, experts and suspension', () => {
  it('an admin names the member by a mention; the expert answers the steps by buttons; /hub experts finds them', async () => {
    const h = (harness = await startSlackHarness({ otherUsers: [EXPERT] }));
    const { admin, expert } = await adminAndMember(h);
    const changed = await hubInDm(h.fake, MEMBER, `role <@${EXPERT}|bojan> expert`, /now has the role expert/);
    expect(changed.params.response_type).toBe('ephemeral');
    expect(JSON.stringify(changed.params)).toContain('/hub expert');
    expect(JSON.stringify(changed.params)).toContain(`Bojan Other (${shortId(expert.id)}) was told in a private message.`);
    // The member reads it in their DM with the app, the command as Slack has it typed.
    expect(h.fake.callsTo('conversations.open').map((call) => call.params.users)).toEqual([EXPERT]);
    const told = h.fake.callsTo('chat.postMessage').filter((call) => /Your role in the network is now: expert/.test(JSON.stringify(call.params)));
    expect(told).toHaveLength(1);
    expect(told[0]!.params.channel).toMatch(/^D/);
    expect(JSON.stringify(told[0]!.params)).toContain('Describe your expertise with /hub expert');
    expect((await h.core.services.members.findById(expert.id))?.role).toBe('expert');
    const audit = h.core.db.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'role.changed' AND subject = ?").get(expert.id);
    expect(audit).toEqual({ details: JSON.stringify({ from: 'member', to: 'expert', by: admin.id }) });

    let step = await hubInDm(h.fake, EXPERT, 'expert', /step 1 of 4/);
    step = await pressOn(h.fake, step, 'alternative care', /✓ alternative care/, EXPERT);
    step = await pressOn(h.fake, step, 'Done', /step 2 of 4/, EXPERT);
    step = await pressOn(h.fake, step, 'Romanian', /✓ Romanian/, EXPERT);
    step = await pressOn(h.fake, step, 'Done', /step 3 of 4/, EXPERT);
    step = await pressOn(h.fake, step, 'Moldova', /✓ Moldova/, EXPERT);
    step = await pressOn(h.fake, step, 'Done', /step 4 of 4/, EXPERT);
    expect(step.params.response_type).toBe('ephemeral');
    await pressOn(h.fake, step, 'Yes, list me', /Your expert profile is saved/, EXPERT);
    const row = h.core.db.sqlite.prepare('SELECT topics, languages, countries, listed FROM expert_profiles WHERE member_id = ?').get(expert.id);
    expect(row).toEqual({ topics: '["alternative care"]', languages: '["ro"]', countries: '["MD"]', listed: 1 });

    const directory = await hubInDm(h.fake, MEMBER, 'experts alternative care Moldova', /1 expert in the directory/);
    const shown = JSON.stringify(directory.params);
    expect(shown).toContain('*Bojan Other*');
    expect(shown).toContain('Countries of work: Moldova');
    expect(shown).toContain(shortId(expert.id));
    expect(shown).not.toContain(EXPERT);
  });

  it('/hub suspend with a mention: the member\'s next command is acknowledged and left unanswered', async () => {
    const h = (harness = await startSlackHarness({ otherUsers: [EXPERT] }));
    const { expert } = await adminAndMember(h);
    await hubInDm(h.fake, MEMBER, `suspend <@${EXPERT}>`, /Suspended: cphub ignores Bojan Other/);
    expect((await h.core.services.members.findById(expert.id))?.status).toBe('suspended');

    const ignored = hubCommand(h.fake, 'search violence', { user_id: EXPERT, channel_id: dmChannelOf(EXPERT) });
    await h.fake.sendEnvelope('slash_commands', ignored);
    await handled(h.core.db, 'slack', `command:${ignored.trigger_id}`);
    const responseId = ignored.response_url!.split('/').at(-1);
    expect(h.fake.callsTo('response_url').filter((call) => call.params._id === responseId)).toEqual([]);
    expect(h.fake.callsTo('chat.postMessage').filter((call) => call.params.channel === dmChannelOf(EXPERT) && /found/.test(JSON.stringify(call.params)))).toEqual([]);
  });
});
