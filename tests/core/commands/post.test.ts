import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../core/model/reply.ts';
import { joinMember } from '../../support/content-fixtures.ts';
import { createCoreHarness, plain } from '../../support/core-harness.ts';

type Hub = ReturnType<typeof createCoreHarness>;

function pressLabel(hub: Hub, replies: Reply[], label: string, userId = 'boss') {
  const button = replies.at(-1)!.buttons.flat().find((candidate) => candidate.label === label);
  if (!button) throw new Error(`no button "${label}" in ${JSON.stringify(replies.at(-1)!.buttons.flat().map((b) => b.label))}`);
  return hub.press(button, { userId });
}

const items = (hub: Hub) => hub.db.sqlite.prepare('SELECT id, kind, title, summary, url, language, country, topics, starts_at, ends_at, time_zone, source FROM content_items').all();

describe('/post', () => {
  it('walks an administrator through an event, step by step, and publishes it where /events finds it', async () => {
    const hub = createCoreHarness();
    await joinMember(hub, 'boss', { role: 'admin', country: 'BG' });
    let replies = await hub.send('/post', { userId: 'boss' });
    expect(plain(replies)).toContain('What are you posting?');
    expect(replies[0]!.buttons.flat().map((button) => button.label)).toEqual(['News', 'Event', 'Training', 'Webinar']);
    replies = await pressLabel(hub, replies, 'Training');
    expect(plain(replies)).toContain('The title? Type it as your next message, or /post title …');
    // Plain messages answer the typed questions.
    replies = await hub.send('Interviewing children in court', { userId: 'boss' });
    expect(plain(replies)).toContain('A short summary');
    replies = await hub.send('Two days on child-friendly interviews.', { userId: 'boss' });
    replies = await hub.send('not a link', { userId: 'boss' });
    expect(plain(replies)).toContain('"not a link" is not a web address');
    replies = await hub.send('https://example.org/training', { userId: 'boss' });
    expect(plain(replies)).toContain('In which language is it written?');
    replies = await pressLabel(hub, replies, 'English');
    replies = await pressLabel(hub, replies, 'Bulgaria');
    replies = await pressLabel(hub, replies, 'juvenile justice');
    replies = await pressLabel(hub, replies, 'Done');
    expect(plain(replies)).toContain('When does it start? Type the date and time, e.g. 2026-04-02 10:00 (in Europe/Sofia');
    replies = await hub.send('2026-03-29 03:30', { userId: 'boss' });
    expect(plain(replies)).toContain('does not exist there');
    replies = await hub.send('2026-04-02 10:00', { userId: 'boss' });
    replies = await hub.send('2026-04-02 09:00', { userId: 'boss' });
    expect(plain(replies)).toContain('The end is before the start.');
    replies = await hub.send('2026-04-03 16:00', { userId: 'boss' });
    expect(plain(replies)).toContain('This is how it will look:');
    expect(plain(replies)).toMatch(/Interviewing children in court — Training · Thu 2 Apr, 10:00\s(EEST\s)?–\sFri 3 Apr, 16:00 EEST · Bulgaria, English/);
    replies = await pressLabel(hub, replies, 'Publish');
    expect(plain(replies)).toMatch(/^Published: “Interviewing children in court” \(post-[0-9a-f]{10}\)\. It is in \/events now/);
    expect(items(hub)).toEqual([expect.objectContaining({
      kind: 'training', title: 'Interviewing children in court', summary: 'Two days on child-friendly interviews.', url: 'https://example.org/training',
      language: 'en', country: 'BG', topics: '["juvenile justice"]', starts_at: '2026-04-02T07:00:00.000Z', ends_at: '2026-04-03T13:00:00.000Z', time_zone: 'Europe/Sofia', source: 'chat',
    })]);
    expect(plain(await hub.send('/events', { userId: 'boss' }))).toContain('Interviewing children in court');
    // The draft is gone; a plain message is a search again.
    expect(hub.db.sqlite.prepare('SELECT count(*) AS n FROM content_drafts').get()).toEqual({ n: 0 });
  });

  it('takes the kind and title at once, answers by /post <field> <value>, skips what is optional', async () => {
    const hub = createCoreHarness();
    await joinMember(hub, 'boss', { role: 'admin' });
    let replies = await hub.send('/post news New helpline for children', { userId: 'boss' });
    expect(plain(replies)).toContain('A short summary');
    replies = await pressLabel(hub, replies, 'Skip');
    replies = await hub.send('/post link https://example.org/helpline', { userId: 'boss' });
    replies = await pressLabel(hub, replies, 'Skip');
    replies = await pressLabel(hub, replies, 'Regional (no country)');
    replies = await pressLabel(hub, replies, 'Done');
    expect(plain(replies)).toContain('This is how it will look:');
    replies = await pressLabel(hub, replies, 'Publish');
    expect(plain(await hub.send('/news', { userId: 'boss' }))).toContain('New helpline for children');
  });

  it('is for administrators only, and /post cancel discards a draft', async () => {
    const hub = createCoreHarness();
    await joinMember(hub, 'u1');
    expect(plain(await hub.send('/post news Hello', { userId: 'u1' }))).toBe('You do not have the role that /post needs.');
    await joinMember(hub, 'boss', { role: 'admin', language: 'hu' });
    await hub.send('/post event Konferencia', { userId: 'boss' });
    expect(plain(await hub.send('/post cancel', { userId: 'boss' }))).toBe('A bejegyzés elvetve.');
    expect(items(hub)).toEqual([]);
    expect(hub.db.sqlite.prepare('SELECT count(*) AS n FROM content_drafts').get()).toEqual({ n: 0 });
  });

  it('/forget erases a post in progress, the time zone chosen and the digest subscription; /mydata lists them first', async () => {
    const hub = createCoreHarness();
    await joinMember(hub, 'boss', { role: 'admin' });
    await hub.send('/post event Regional conference', { userId: 'boss' });
    await hub.send('/timezone Europe/Sofia', { userId: 'boss' });
    await hub.send('/subscribe topic: health', { userId: 'boss' });
    const [exported] = await hub.send('/mydata', { userId: 'boss' });
    const data = JSON.parse(exported!.attachments![0]!.content);
    expect(data.postDrafts).toEqual([expect.objectContaining({ platform: 'console', userId: 'boss' })]);
    expect(data.preferences).toEqual([expect.objectContaining({ timeZone: 'Europe/Sofia' })]);
    expect(data.digestSubscriptions).toEqual([expect.objectContaining({ topics: '["health"]' })]);
    await hub.send('/forget', { userId: 'boss' });
    await hub.press({ actionId: 'forget', value: 'erase' }, { userId: 'boss' });
    for (const table of ['content_drafts', 'member_preferences', 'digest_subscriptions']) {
      expect(hub.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
  });
});
