/**
 * Discord: the Answer button opens a modal, and its submit is an answer,
 * through the real discord.js code and the fakes. Asked in a Telegram group,
 * routed to an expert in their Discord DM; the press is answered with the
 * modal itself (callback type 9: nothing acknowledged before it); a submit
 * with a person's data is refused to the expert alone; the right one goes
 * under the question in the Telegram group and to the asker there.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Incoming } from '../../core/model/incoming.ts';
import { createCoreHarness, type CoreHarness } from '../support/core-harness.ts';
import { buttonPress, DM_USER_ID, modalSubmit, startDiscordHarness, type DiscordHarness } from '../support/discord-harness.ts';
import { answerTo as answerOnDiscord, buttonIn, ORIGINAL } from '../support/discord-members.ts';
import { askInTelegramGroup, joinAs, TELEGRAM_ASKER, TELEGRAM_GROUP } from '../support/question-fixtures.ts';
import { startTelegramHarness, type TelegramHarness } from '../support/telegram-harness.ts';

let core: CoreHarness | undefined;
let telegram: TelegramHarness | undefined;
let discord: DiscordHarness | undefined;
afterEach(async () => {
  await telegram?.close();
  await discord?.close();
  core?.db.close();
  core = telegram = discord = undefined;
});

const CALLBACK = /^\/interactions\/[^/]+\/[^/]+\/callback$/;

/** Ana asks in the Telegram group; the question reaches Dr Vesna, an expert in alternative care, in her Discord DM. */
async function questionForDiscordExpert(updateId: number, slowBy = 0) {
  core = createCoreHarness();
  const hub = core;
  // Core as slow as `slowBy` for Discord (a busy database): the modal's deadline.
  const router = { handle: async (incoming: Incoming) => (await new Promise((resolve) => setTimeout(resolve, slowBy)), hub.router.handle(incoming)) };
  discord = await startDiscordHarness({ core, router });
  telegram = await startTelegramHarness({ core });
  const expert = await joinAs(core, 'discord', DM_USER_ID, 'Dr Vesna', 'expert');
  await core.services.experts.update(expert.id, { topics: ['alternative care'], languages: ['en'], countries: [] });
  await joinAs(core, 'telegram', String(TELEGRAM_ASKER), 'Ana');
  const routed = discord.fake.waitForRequest('POST', /^\/channels\/\w+\/messages$/, (request) => /A question for you as an expert/.test(JSON.stringify(request.body)));
  const { id } = await askInTelegramGroup(telegram, updateId, 'How do we find foster families for teenagers?');
  return { d: discord, t: telegram, core, id, expertCard: await routed };
}

const answers = () => core!.db.sqlite.prepare('SELECT number, platform, text FROM answers').all();

describe('Discord: Answer opens a modal; its submit is the answer', () => {
  it('shows the modal as the first response, refuses personal data ephemerally, and delivers the answer to the asker on Telegram', async () => {
    const { d, t, id, expertCard } = await questionForDiscordExpert(700);

    // The press: answered with the modal, not deferred first (a modal can only be the first response).
    const answerButton = buttonIn(expertCard, 'Answer');
    const before = d.fake.requests.length;
    d.fake.dispatch('INTERACTION_CREATE', buttonPress(d.fake, answerButton, 'MSG_DM_123', DM_USER_ID));
    const shown = await d.fake.waitForRequest('POST', CALLBACK, (request) => d.fake.requests.indexOf(request) >= before);
    expect(shown.body.type).toBe(9);
    expect(shown.body.data.custom_id).toBe(`answer|${id}`);
    expect(shown.body.data.title).toBe(`Answer ${id}`);
    const [label] = shown.body.data.components;
    expect(label).toMatchObject({ type: 18, label: 'Your answer', component: { type: 4, custom_id: 'text', style: 2, required: true, max_length: 2000 } });

    // A submit with a phone number: refused to the expert alone, in her language; nothing stored or posted.
    const refused = await answerOnDiscord(d, modalSubmit(d.fake, shown.body.data.custom_id, 'Call the mother on +381 64 123 4567.'), /not posted.*phone number/, 'PATCH', ORIGINAL);
    expect(d.fake.requestsTo('POST', CALLBACK).at(-1)!.body).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(JSON.stringify(refused.body)).not.toContain('123 4567');
    expect(answers()).toEqual([]);

    // The answer: under the question in the Telegram group, to Ana privately, and confirmed to the expert alone.
    const underQuestion = t.fake.waitForCall('sendMessage', (call) => call.params.chat_id === TELEGRAM_GROUP && /Answer 1 to/.test(call.params.text));
    const toAna = t.fake.waitForCall('sendMessage', (call) => call.params.chat_id === TELEGRAM_ASKER && /has an answer/.test(call.params.text));
    await answerOnDiscord(d, modalSubmit(d.fake, shown.body.data.custom_id, '  Start with the regional foster care centre.  '), /posted in 1 place and sent to the asker/, 'PATCH', ORIGINAL);
    expect((await underQuestion).params.text).toContain('Dr Vesna');
    expect((await toAna).params.text).toContain('Start with the regional foster care centre.');
    expect(answers()).toEqual([{ number: 1, platform: 'discord', text: 'Start with the regional foster care centre.' }]);
  }, 30_000);

  it('a press on a question that was hidden meanwhile opens no modal and says so', async () => {
    const { d, core: hub, id, expertCard } = await questionForDiscordExpert(710);
    await hub.services.questions.hide(id);

    const notFound = await answerOnDiscord(d, buttonPress(d.fake, buttonIn(expertCard, 'Answer'), 'MSG_DM_123', DM_USER_ID), new RegExp(`${id}`));
    expect(notFound.body.flags).toBe(64);
    expect(d.fake.requestsTo('POST', CALLBACK).map((request) => request.body.type)).not.toContain(9);
  }, 30_000);

  it('when core decides too late for a modal, the press is acknowledged and the words say how to answer', async () => {
    const { d, id, expertCard } = await questionForDiscordExpert(720, 2500);
    const howTo = await answerOnDiscord(d, buttonPress(d.fake, buttonIn(expertCard, 'Answer'), 'MSG_DM_123', DM_USER_ID), new RegExp(`Answer ${id} with /answer`));
    expect(howTo.body.flags).toBe(64);
    expect(d.fake.requestsTo('POST', CALLBACK).map((request) => request.body.type)).toEqual([6]);
  }, 30_000);
});
