import { describe, expect, it } from 'vitest';
import { contentItem, joinMember } from '../../support/content-fixtures.ts';
import { createCoreHarness, FIXED_NOW, plain, sampleDocument } from '../../support/core-harness.ts';

const subscriptionRows = (hub: ReturnType<typeof createCoreHarness>) =>
  hub.db.sqlite.prepare('SELECT recipient_key, kind, platform, user_id, conversation_id, language, topics, countries FROM digest_subscriptions ORDER BY recipient_key').all();

describe('/subscribe, /unsubscribe and /digest', () => {
  it('subscribes a member privately with filters, tells when, and unsubscribes', async () => {
    const hub = createCoreHarness();
    const member = await joinMember(hub, 'u1');
    const text = plain(await hub.send('/subscribe country: RS, AL topic: online safety, trafficking'));
    expect(text).toBe('Done: you will receive the weekly digest here every week on Monday at 09:00 (Europe/Belgrade), in English. '
      + 'Filters: topics: online safety, trafficking and exploitation; countries: Serbia, Albania. This week\'s now: /digest; to stop: /unsubscribe.');
    expect(subscriptionRows(hub)).toEqual([{
      recipient_key: `member:${member.id}`, kind: 'member', platform: 'console', user_id: 'u1', conversation_id: 'u1', language: '',
      topics: '["online safety","trafficking and exploitation"]', countries: '["RS","AL"]',
    }]);
    // Subscribing again changes the filters of the one subscription.
    await hub.send('/subscribe');
    expect(subscriptionRows(hub)).toHaveLength(1);
    expect(plain(await hub.send('/unsubscribe'))).toContain('You will no longer receive the weekly digest.');
    expect(plain(await hub.send('/unsubscribe'))).toContain('You were not subscribed.');
    expect(subscriptionRows(hub)).toEqual([]);
  });

  it('refuses a language filter, saying why and how to change the language, and stores nothing', async () => {
    const hub = createCoreHarness();
    await joinMember(hub, 'u1');
    expect(plain(await hub.send('/subscribe me lang: sq'))).toBe(
      'A digest has no language filter: it comes in your language (English), with the items written in it and in English. To change your language: /lang',
    );
    expect(subscriptionRows(hub)).toEqual([]);
  });

  it('leaves a group\'s subscription to administrators, in the administrator\'s language', async () => {
    const hub = createCoreHarness();
    await joinMember(hub, 'u1');
    await joinMember(hub, 'boss', { role: 'admin', language: 'sq' });
    const refused = await hub.send('/subscribe', { group: true });
    expect(plain(refused)).toBe('Only an administrator decides whether this group receives the digest (/subscribe). Your own digest: /subscribe me');
    expect(subscriptionRows(hub)).toEqual([]);
    expect(plain(await hub.send('/subscribe', { group: true, userId: 'boss' }))).toContain('Ky grup do ta marrë përmbledhjen javore');
    expect(subscriptionRows(hub)).toEqual([expect.objectContaining({ recipient_key: 'chat:console:g1', kind: 'chat', conversation_id: 'g1', language: 'sq' })]);
    // A member in the group can still take their own.
    expect(plain(await hub.send('/subscribe me', { group: true }))).toContain('Done: you will receive');
    expect(subscriptionRows(hub)).toHaveLength(2);
    expect(plain(await hub.send('/unsubscribe', { group: true }))).toContain('Only an administrator decides');
    // The group's preview is in the group's language, whoever asks for it.
    const groupPreview = plain(await hub.send('/digest', { group: true }));
    expect(groupPreview).toContain('Ende asgjë e re këtë javë.');
    expect(groupPreview).toContain('Kjo është ajo që përmban përmbledhja juaj deri tani; dërgohet çdo javë');
    expect(plain(await hub.send('/digest me', { group: true }))).toContain('Nothing new this week yet.');
    expect(plain(await hub.send('/unsubscribe', { group: true, userId: 'boss' }))).toContain('Ky grup nuk do ta marrë më');
  });

  it('needs a member for a private subscription, and refuses filters it does not know', async () => {
    const hub = createCoreHarness();
    expect(plain(await hub.send('/subscribe'))).toContain('You have not joined yet');
    await joinMember(hub, 'u1');
    expect(plain(await hub.send('/subscribe country: Narnia'))).toContain('I do not understand "country:Narnia"');
    expect(subscriptionRows(hub)).toEqual([]);
  });

  it('/digest previews the last seven days in the member\'s language, within their filters', async () => {
    const hub = createCoreHarness();
    expect(plain(await hub.send('/digest'))).toContain('Nothing new this week yet.');
    hub.store.upsertAll([sampleDocument({ id: 'doc-1', title: 'Protocol on child interviews', country: 'RS' })], new Date(FIXED_NOW.getTime() - 2 * 86_400_000));
    hub.services.content.upsertAll([
      contentItem({ id: 'n-1', title: 'Helpline opens', country: 'AL' }),
      contentItem({ id: 'e-1', kind: 'training', title: 'Interviewing children', startsAt: new Date('2026-03-18T08:00:00Z') }),
    ], FIXED_NOW);
    expect(plain(await hub.send('/digest'))).toMatch(/Your weekly digest, 7\s–\s14 Mar/);
    await joinMember(hub, 'u1', { language: 'sh' });
    hub.services.content.upsertAll([contentItem({ id: 'n-2', title: 'Nova linija', country: 'RS', language: 'sr-Latn', languageGroup: 'sh' })], new Date(FIXED_NOW.getTime() - 1000));
    const text = plain(await hub.send('/digest'));
    expect(text).toContain('Vaš sedmični pregled');
    expect(text).toContain('Protocol on child interviews');
    expect(text).toContain('Nova linija');
    expect(text).toContain('Interviewing children');
    expect(text).toContain('Da ga primate svake sedmice: ponedeljak u 09:00 (Europe/Belgrade): /subscribe');
    await hub.send('/subscribe country: RS');
    const filtered = plain(await hub.send('/digest'));
    expect(filtered).not.toContain('Helpline opens');
    expect(filtered).toContain('Interviewing children');
  });

  it('counts the documents a digest leaves out with a search that lists them, as written', async () => {
    const hub = createCoreHarness();
    hub.store.upsertAll([
      sampleDocument({ id: 'old-1', title: 'Older report', year: 2019 }),
      sampleDocument({ id: 'ro-1', title: 'Ghid pentru asistenții sociali', year: 2026, language: 'ro', languageGroup: 'ro' }),
    ], new Date('2025-01-01T00:00:00Z'));
    hub.store.upsertAll(Array.from({ length: 7 }, (_, i) => sampleDocument({ id: `new-${i}`, title: `New guide ${i}`, year: 2026 })), new Date(FIXED_NOW.getTime() - 86_400_000));
    const digest = plain(await hub.send('/digest'));
    expect(digest).toContain('and 2 more: /search year:2026 lang:en');
    const shown = [...digest.matchAll(/New guide (\d)/g)].map((match) => match[1]);
    expect(shown).toHaveLength(5);
    // The command as the digest writes it lists the week's documents, the two left out among the first.
    const listed = plain(await hub.send('/search year:2026 lang:en'));
    expect(listed).toContain('7 documents found');
    expect(listed).not.toContain('Older report');
    // In the digest's languages only: the reader's and English.
    expect(listed).not.toContain('Ghid pentru');
    for (const left of ['0', '1', '2', '3', '4', '5', '6'].filter((i) => !shown.includes(i))) expect(listed).toContain(`New guide ${left}`);
    // Left-out documents of several years: the range of their years. (The digest shows the last added.)
    const older = createCoreHarness();
    const week = new Date(FIXED_NOW.getTime() - 86_400_000);
    older.store.upsertAll([sampleDocument({ id: 'new-2024', title: 'New study', year: 2024 })], week);
    older.store.upsertAll(Array.from({ length: 7 }, (_, i) => sampleDocument({ id: `new-${i}`, title: `New guide ${i}`, year: 2026 })), week);
    expect(plain(await older.send('/digest'))).toContain('and 3 more: /search year:2024-2026 lang:en');
    // One without a year: no filter would find it, so only the count.
    const undated = createCoreHarness();
    undated.store.upsertAll([sampleDocument({ id: 'new-undated', title: 'Undated leaflet', year: null })], week);
    undated.store.upsertAll(Array.from({ length: 7 }, (_, i) => sampleDocument({ id: `new-${i}`, title: `New guide ${i}`, year: 2026 })), week);
    expect(plain(await undated.send('/digest'))).toMatch(/and 3 more\n/);
  });
});
