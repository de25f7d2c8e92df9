import { describe, expect, it } from 'vitest';
import { PRIVACY_VERSION } from '../../../core/commands/privacy.ts';
import type { Incoming } from '../../../core/model/incoming.ts';
import { blocksToPlain } from '../../../core/model/reply-builders.ts';
import { openDatabase } from '../../../db/open-database.ts';
import { createSqliteServices } from '../../../db/sqlite-services.ts';
import { createTranslator } from '../../../locales/translator.ts';
import { createCoreRouter } from '../../../core/commands/index.ts';

/** Two platforms, one person: a router over one database, a clock the test moves. */
function hub() {
  let now = Date.parse('2026-03-14T09:00:00Z');
  const clock = { now: () => new Date(now) };
  const db = openDatabase(':memory:');
  const services = createSqliteServices(db, clock);
  const router = createCoreRouter(
    { ...services, documents: services.store, translator: createTranslator(), clock, logger: { info() {}, warn() {}, error() {} } },
    { memberRateLimit: false },
  );
  let sequence = 0;
  const as = (platform: Incoming['platform'], userId: string) => ({
    send: async (name: string, args = '') =>
      (await router.handle({ eventId: `e${++sequence}`, platform, sender: { id: userId }, conversation: { id: userId, kind: 'private' }, content: { kind: 'command', name, args } }))
        .map((reply) => blocksToPlain(reply.blocks)).join('\n'),
    agree: () =>
      router.handle({ eventId: `e${++sequence}`, platform, sender: { id: userId }, conversation: { id: userId, kind: 'private' }, content: { kind: 'action', actionId: 'consent', value: `agree:${PRIVACY_VERSION}` } }),
  });
  const memberOf = (platform: string, userId: string) =>
    (db.sqlite.prepare('SELECT member_id FROM member_accounts WHERE platform = ? AND user_id = ?').get(platform, userId) as { member_id: string } | undefined)?.member_id;
  return { as, memberOf, db, advance: (ms: number) => void (now += ms) };
}

const codeIn = (text: string) => /\/link ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(text)?.[1];

describe('/link and /unlink', () => {
  it('joins a second platform account to the member with a one-time code, once', async () => {
    const { as, memberOf, db } = hub();
    const telegram = as('telegram', '42');
    const slack = as('slack', 'U042');
    await telegram.agree();
    const code = codeIn(await telegram.send('link'));
    expect(code).toBeDefined();
    expect(await slack.send('link', code!.toLowerCase())).toContain('Linked');
    expect(memberOf('slack', 'U042')).toBe(memberOf('telegram', '42'));
    // Used once: a second account cannot use it again.
    expect(await as('discord', '9').send('link', code!)).toContain('This code does not work');
    expect(db.sqlite.prepare("SELECT action, details FROM audit_log WHERE action = 'account.linked'").all()).toEqual([
      { action: 'account.linked', details: '{"platform":"slack"}' },
    ]);
  });

  it('refuses a code that is late, mistyped, or sent from the account that asked for it', async () => {
    const { as, memberOf, advance } = hub();
    const telegram = as('telegram', '42');
    await telegram.agree();
    const code = codeIn(await telegram.send('link'))!;
    expect(await telegram.send('link', code)).toContain('not from the one that asked');
    expect(await as('slack', 'U1').send('link', 'ABCD-2345')).toContain('This code does not work');
    advance(10 * 60 * 1000 + 1);
    expect(await as('slack', 'U1').send('link', code)).toContain('This code does not work');
    expect(memberOf('slack', 'U1')).toBeUndefined();
  });

  it('someone who has not joined is asked to join first; a member who links brings their accounts into one member', async () => {
    const { as, memberOf, db } = hub();
    expect(await as('telegram', '1').send('link')).toContain('Join first');
    await as('telegram', '1').agree();
    await as('slack', 'U1').agree();
    const code = codeIn(await as('telegram', '1').send('link'))!;
    await as('slack', 'U1').send('link', code);
    expect(memberOf('slack', 'U1')).toBe(memberOf('telegram', '1'));
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM members').get()).toEqual({ n: 1 });
  });

  it('a linked account follows the member\'s language; a suspended member is ignored on every account', async () => {
    const { as, db } = hub();
    const telegram = as('telegram', '42');
    await telegram.agree();
    await telegram.send('lang', 'sq');
    const code = codeIn(await telegram.send('link'))!;
    await as('slack', 'U042').send('lang', 'ro');
    await as('slack', 'U042').send('link', code);
    expect(await as('slack', 'U042').send('start')).toContain('Mirë se vini');
    db.sqlite.prepare("UPDATE members SET status = 'suspended'").run();
    expect(await as('slack', 'U042').send('start')).toBe('');
    expect(await telegram.send('search', 'x')).toBe('');
  });

  it('/profile shows the member their role, language, consent date and every linked account', async () => {
    const { as } = hub();
    expect(await as('telegram', '42').send('profile')).toContain('You have not joined yet');
    await as('telegram', '42').agree();
    const code = codeIn(await as('telegram', '42').send('link'))!;
    await as('slack', 'U042').send('link', code);
    const profile = await as('slack', 'U042').send('profile');
    expect(profile).toContain('Role: member');
    expect(profile).toContain('Agreed to the privacy notice: March 14, 2026');
    expect(profile).toContain('Accounts: Telegram (42), Slack (U042)');
  });

  it('/profile names the platforms in the member\'s language: brand names as they are, the console in words', async () => {
    const { as } = hub();
    await as('console', 'local').agree();
    const code = codeIn(await as('console', 'local').send('link'))!;
    await as('telegram', '42').send('link', code);
    await as('telegram', '42').send('lang', 'sq');
    expect(await as('telegram', '42').send('profile')).toContain('Llogaritë: Konsola lokale, Telegram (42)');
    await as('telegram', '42').send('lang', 'sh-Cyrl');
    expect(await as('telegram', '42').send('profile')).toContain('Налози: Локална конзола, Telegram (42)');
    await as('telegram', '42').send('lang', 'hu');
    expect(await as('telegram', '42').send('profile')).toContain('Fiókok: Helyi konzol, Telegram (42)');
  });

  it('/unlink detaches this account (never the only one)', async () => {
    const { as, memberOf } = hub();
    await as('telegram', '42').agree();
    expect(await as('telegram', '42').send('unlink')).toContain('not linked');
    const code = codeIn(await as('telegram', '42').send('link'))!;
    await as('slack', 'U042').send('link', code);
    expect(await as('slack', 'U042').send('unlink')).toContain('no longer linked');
    expect(memberOf('slack', 'U042')).toBeUndefined();
    expect(memberOf('telegram', '42')).toBeDefined();
  });
});
