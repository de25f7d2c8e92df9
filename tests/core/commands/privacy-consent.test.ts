import { describe, expect, it } from 'vitest';
import { PRIVACY_VERSION } from '../../../core/commands/privacy.ts';
import { createCoreHarness, plain } from '../../support/core-harness.ts';

function rows(harness: ReturnType<typeof createCoreHarness>) {
  return {
    members: harness.db.sqlite.prepare('SELECT * FROM members').all() as Array<Record<string, unknown>>,
    accounts: harness.db.sqlite.prepare('SELECT * FROM member_accounts').all() as Array<Record<string, unknown>>,
  };
}

describe('privacy notice and consent', () => {
  it('/start shows a newcomer the notice with "I agree" / "Not now"; nothing is stored before they agree', async () => {
    const hub = createCoreHarness();
    const [welcome] = await hub.send('/start');
    expect(plain([welcome!])).toContain('Never write a child\'s name');
    expect(welcome!.buttons).toEqual([[
      { actionId: 'consent', label: 'I agree', value: `agree:${PRIVACY_VERSION}` },
      { actionId: 'consent', label: 'Not now', value: 'later' },
    ]]);
    expect(rows(hub)).toEqual({ members: [], accounts: [] });
  });

  it('"Not now" stores nothing and says searching still works', async () => {
    const hub = createCoreHarness();
    const replies = await hub.press({ actionId: 'consent', value: 'later' });
    expect(plain(replies)).toContain('Nothing was stored about you');
    expect(rows(hub)).toEqual({ members: [], accounts: [] });
  });

  it('"I agree" makes the account a member with the notice version and time; pressing again stays one member', async () => {
    const hub = createCoreHarness();
    expect(plain(await hub.press({ actionId: 'consent', value: `agree:${PRIVACY_VERSION}` }))).toContain('you are now a member');
    await hub.press({ actionId: 'consent', value: `agree:${PRIVACY_VERSION}` });
    const { members, accounts } = rows(hub);
    expect(members).toHaveLength(1);
    expect(members[0]).toMatchObject({ role: 'member', status: 'active', consent_version: PRIVACY_VERSION, consented_at: '2026-03-14T09:00:00.000Z' });
    expect(accounts).toEqual([expect.objectContaining({ platform: 'console', user_id: 'u1', member_id: members[0]!.id })]);
    // A member's /start no longer asks.
    const [welcome] = await hub.send('/start');
    expect(welcome!.buttons).toEqual([]);
    expect(plain([welcome!])).not.toContain('Never write a child');
  });

  it('a press on the buttons of an older notice shows the current one instead of joining', async () => {
    const hub = createCoreHarness();
    const replies = await hub.press({ actionId: 'consent', value: 'agree:2020-01' });
    expect(plain(replies)).toContain('Privacy');
    expect(rows(hub).members).toEqual([]);
  });

  it('/privacy works in every language, with the command names the platform uses', async () => {
    const hub = createCoreHarness();
    expect(plain(await hub.send('/privacy', { locale: 'ro' }))).toContain('Confidențialitate');
    expect(plain(await hub.press({ actionId: 'consent', value: 'later' }, { userId: 'u2' }))).toContain('/start');
  });
});
