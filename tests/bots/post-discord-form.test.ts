/**
 * `/post` on Discord, through the real discord.js code and the fake: the
 * bot receives no plain messages there, so each typed step of the guided
 * form has a Write button whose press is answered with a modal (callback
 * type 9, nothing acknowledged before it), and the modal's submit is the
 * step's answer (`/post title …`). Choices stay buttons. The event lands in
 * content_items with its start in the admin's time zone.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buttonPress, DM_USER_ID, dmSlashCommand, modalSubmit, startDiscordHarness, type DiscordHarness } from '../support/discord-harness.ts';
import { buttonIn } from '../support/discord-members.ts';
import type { FakeDiscordRequest } from '../support/fake-discord.ts';
import { joinAs } from '../support/question-fixtures.ts';

let discord: DiscordHarness | undefined;
afterEach(async () => {
  await discord?.close();
  discord = undefined;
});

/** A modal shown as the press's answer (interaction callback type 9). */
const MODAL = /^\{"type":9,/;
const body = (request: FakeDiscordRequest) => JSON.stringify(request.body ?? '');

describe('Discord: /post by buttons and modals', () => {
  it('asks each typed field in a modal opened by Write, and publishes the event', async () => {
    const d = (discord = await startDiscordHarness());
    await joinAs(d.core, 'discord', DM_USER_ID, 'Admin', 'admin');
    /** The first request after `act` whose body says `pattern` (an interaction callback, an edit or a follow-up). */
    const after = async (act: () => void, pattern: RegExp) => {
      const before = d.fake.requests.length;
      act();
      return vi.waitFor(() => {
        const found = d.fake.requests.slice(before).find((request) => pattern.test(body(request)));
        if (!found) throw new Error(`nothing says ${pattern}: ${d.fake.requests.slice(before).map((request) => `${request.method} ${request.path}`).join(', ')}`);
        return found;
      }, { timeout: 3000, interval: 10 });
    };
    const press = (on: FakeDiscordRequest, label: string, pattern: RegExp) => after(() => d.fake.dispatch('INTERACTION_CREATE', buttonPress(d.fake, buttonIn(on, label))), pattern);
    const submit = (modal: FakeDiscordRequest, value: string, pattern: RegExp) =>
      after(() => d.fake.dispatch('INTERACTION_CREATE', modalSubmit(d.fake, modal.body.data.custom_id, value)), pattern);

    const kinds = await after(() => d.fake.dispatch('INTERACTION_CREATE', dmSlashCommand(d.fake, 'post')), /What are you posting/);
    // Every button of the form may open a modal: marked so the adapter lets core answer before acknowledging.
    expect(buttonIn(kinds, 'Event').startsWith('!')).toBe(true);
    const titleModal = await press(kinds, 'Event', MODAL);
    expect(titleModal.body.data).toMatchObject({ custom_id: 'post|title', title: 'New post' });
    expect(titleModal.body.data.components[0]).toMatchObject({ label: 'Title', component: { max_length: 300 } });

    const summary = await submit(titleModal, 'Regional conference on child protection', /short summary/);
    expect(body(summary)).toContain('Noted.');
    // After a submit there is no press to answer with a modal: Write opens the next one.
    expect(buttonIn(summary, 'Write').startsWith('!')).toBe(true);
    // A press whose next step is typed is answered with that step's modal at once.
    const linkModal = await press(summary, 'Skip', MODAL);
    expect(linkModal.body.data.components[0].label).toBe('Link (https://…)');
    const bad = await submit(linkModal, 'not a link', /not a web address/);
    expect(body(bad)).toContain('link to read more');
    const linkAgain = await press(bad, 'Write', MODAL);
    expect(linkAgain.body.data.custom_id).toBe('post|link');
    const language = await submit(linkAgain, 'https://example.org/conference', /which language/i);
    const country = await press(language, 'English', /Which country/);
    const topics = await press(country, 'Regional (no country)', /Which topics/);
    const startModal = await press(topics, 'Done', MODAL);
    expect(startModal.body.data.components[0].label).toMatch(/^Starts: 2026-04-02 10:00 \(/);
    const end = await submit(startModal, '2026-04-02 10:00', /When does it end/);
    const preview = await press(end, 'Skip', /how it will look/);
    await press(preview, 'Publish', /Published: “Regional conference on child protection”/);

    const row = d.core.db.sqlite.prepare('SELECT kind, title, url, starts_at AS startsAt FROM content_items').get() as Record<string, string>;
    expect(row).toMatchObject({ kind: 'event', title: 'Regional conference on child protection', url: 'https://example.org/conference' });
    expect(row.startsAt).toMatch(/^2026-04-02T0[89]:00/);
  }, 30_000);
});
