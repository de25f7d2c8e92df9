import { describe, expect, it } from 'vitest';
import { contentItem, joinMember } from '../../support/content-fixtures.ts';
import { createCoreHarness, FIXED_NOW, plain } from '../../support/core-harness.ts';

// FIXED_NOW is 2026-03-14 09:00 UTC; Europe turns its clocks forward on 29 March.
function hubWithContent() {
  const hub = createCoreHarness();
  hub.services.content.upsertAll([
    contentItem({ id: 'n-old', title: 'Older news', publishedAt: new Date('2026-02-01T10:00:00Z') }),
    contentItem({ id: 'n-new', title: 'Foster care law adopted', summary: 'The parliament adopted the law.', url: 'https://example.org/n', country: 'RS', languageGroup: 'sh', language: 'sr-Latn', topics: ['alternative care'] }),
    contentItem({ id: 'e-past', kind: 'event', title: 'Last year', startsAt: new Date('2025-05-01T08:00:00Z') }),
    contentItem({ id: 'e-1', kind: 'training', title: 'Case management', country: 'BG', startsAt: new Date('2026-03-30T07:00:00Z'), endsAt: new Date('2026-03-30T14:00:00Z') }),
    contentItem({ id: 'e-2', kind: 'webinar', title: 'Online safety webinar', topics: ['online safety'], startsAt: new Date('2026-03-20T13:00:00Z') }),
  ], FIXED_NOW);
  return hub;
}

describe('/news and /events', () => {
  it('/news lists the newest news first, with its link, language and country', async () => {
    const hub = hubWithContent();
    const text = plain(await hub.send('/news'));
    expect(text.split('\n').slice(0, 2)).toEqual(['News', '• Foster care law adopted — News · 10 Mar 2026 · Serbia, Serbian. The parliament adopted the law.']);
    expect(text.indexOf('Foster care law')).toBeLessThan(text.indexOf('Older news'));
    expect(plain(await hub.send('/news country:BG'))).toContain('Older news');
    expect(plain(await hub.send('/news country:BG'))).not.toContain('Foster care');
  });

  it('/events lists what is still to come, soonest first, in the hub time zone for a newcomer', async () => {
    const hub = hubWithContent();
    const text = plain(await hub.send('/events'));
    expect(text).not.toContain('Last year');
    expect(text.indexOf('Online safety webinar')).toBeLessThan(text.indexOf('Case management'));
    // 30 March 07:00 UTC is 09:00 in Belgrade, after the change to summer time.
    expect(text).toContain('Mon 30 Mar, 09:00–16:00 CEST');
    expect(text).toContain('Fri 20 Mar, 14:00 CET');
    expect(text).toContain('Times in Europe/Belgrade.');
    expect(plain(await hub.send('/events topic:online'))).not.toContain('Case management');
  });

  it('shows a member the times of their country, and of the zone they chose', async () => {
    const hub = hubWithContent();
    await joinMember(hub, 'u1', { country: 'BG' });
    expect(plain(await hub.send('/events'))).toContain('Mon 30 Mar, 10:00–17:00 EEST');
    expect(plain(await hub.send('/timezone'))).toContain('Europe/Sofia, the time zone of your country');
    expect(plain(await hub.send('/timezone london'))).toContain('Times are now shown in Europe/London (it is 09:00 there now)');
    expect(plain(await hub.send('/events'))).toContain('Mon 30 Mar, 08:00–15:00 BST');
    await hub.send('/timezone -');
    expect(plain(await hub.send('/events'))).toContain('10:00–17:00 EEST');
  });

  it('answers bad filters and unknown zones with a message, in the member language', async () => {
    const hub = hubWithContent();
    expect(plain(await hub.send('/news country:Narnia'))).toContain('I do not understand "country:Narnia"');
    expect(plain(await hub.send('/timezone Atlantis'))).toContain('"Atlantis" is not a time zone I know');
    expect(plain(await hub.send('/events topic:disability'))).toContain('Nothing matches these filters.');
    await joinMember(hub, 'u2', { language: 'sh' });
    expect(plain(await hub.send('/events', { userId: 'u2' }))).toContain('Predstojeći događaji');
    expect(plain(await hub.send('/timezone Atlantis', { userId: 'u2' }))).toContain('nije vremenska zona');
  });
});
