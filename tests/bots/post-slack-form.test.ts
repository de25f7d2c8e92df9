/**
 * `/hub post` on Slack, through the real Bolt and the fake: a press whose
 * next step is typed opens that step's modal (views.open with the press's
 * trigger_id); the submission is the step's answer; in the app's DM the next
 * plain message still answers a typed step, as the question says.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { joinAs } from '../support/question-fixtures.ts';
import { buttonPress, dmChannelOf, dmMessageEvent, MEMBER, startSlackHarness, viewSubmission, type SlackHarness } from '../support/slack-harness.ts';
import { answerTo, buttonOf, hubInDm, pressOn, said } from '../support/slack-members.ts';

let slack: SlackHarness | undefined;
afterEach(async () => {
  await slack?.close();
  slack = undefined;
});

describe('Slack: /hub post with modals', () => {
  it('opens the title modal on the kind\'s press, takes its submission, then the typed summary in the DM, and publishes', async () => {
    const h = (slack = await startSlackHarness());
    const { fake } = h;
    await joinAs(h.core, 'slack', MEMBER, 'Admin', 'admin');
    const kinds = await hubInDm(fake, MEMBER, 'post', /What are you posting/);

    const news = buttonOf(kinds, 'News');
    // Pressed in the app's DM, where the kinds were shown.
    const press: Record<string, any> = { ...buttonPress(fake, news.action_id, news.value), channel: { id: dmChannelOf(MEMBER), name: 'directmessage' } };
    await fake.sendEnvelope('interactive', press);
    const opened = await fake.waitForCall('views.open', (call) => call.params.trigger_id === press.trigger_id);
    const view = opened.params.view;
    expect(view).toMatchObject({ type: 'modal', callback_id: 'cphub:form', title: { text: 'New post' } });
    expect(view.blocks[0]).toMatchObject({ type: 'input', label: { text: 'Title' }, element: { max_length: 300 } });

    const before = fake.calls.length;
    await fake.sendEnvelope('interactive', viewSubmission(fake, view, 'New guidance on child helplines'));
    const summary = await fake.waitForCall('chat.postMessage', (call) => fake.calls.indexOf(call) >= before && said(/short summary/)(call));
    expect(summary.params.channel).toBe(dmChannelOf(MEMBER));
    expect(JSON.stringify(summary.params)).toContain('Write');

    const link = await answerTo(fake, 'events_api', dmMessageEvent(fake, 'What changes for helplines in 2026.', 'Ev0POST0001'), /link to read more/, 'chat.postMessage');
    const language = await pressOn(fake, link, 'Skip', /which language/i, MEMBER);
    const country = await pressOn(fake, language, 'English', /Which country/, MEMBER);
    const topics = await pressOn(fake, country, 'Regional (no country)', /Which topics/, MEMBER);
    const preview = await pressOn(fake, topics, 'Done', /how it will look/, MEMBER);
    await pressOn(fake, preview, 'Publish', /Published: “New guidance on child helplines”/, MEMBER);
    const row = h.core.db.sqlite.prepare('SELECT kind, title, summary FROM content_items').get();
    expect(row).toEqual({ kind: 'news', title: 'New guidance on child helplines', summary: 'What changes for helplines in 2026.' });
  }, 30_000);
});
