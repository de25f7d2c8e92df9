/**
 * The reminders job on a fixed clock: routed experts after 24 hours without
 * an answer, moderators after 72, each once however often the job runs; an
 * expert who said "not for me" and an answered question are left alone.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../jobs/question-reminders.ts';
import { createTranslator } from '../../locales/translator.ts';
import { FIXED_NOW } from '../support/core-harness.ts';
import { memberHub, text } from '../support/member-hub.ts';
import { RecordingPublisher } from '../support/recording-publisher.ts';

const hours = (count: number) => new Date(FIXED_NOW.getTime() + count * 60 * 60 * 1000);

async function setUp() {
  const hub = memberHub();
  const telegram = new RecordingPublisher('telegram');
  hub.services.publishers.register(telegram);
  const experts = [];
  for (const userId of ['20', '21']) {
    const someone = await hub.withRole(userId, 'expert');
    await hub.services.experts.update((await someone.member()).id, { topics: ['alternative care'] });
    experts.push(someone);
  }
  const moderator = await hub.withRole('30', 'moderator');
  const ana = hub.person('10');
  await ana.agree();
  const ask = async (question: string) => {
    const preview = await ana.command('ask', `anon ${question}`);
    const post = preview[0]!.buttons.flat().find((button) => button.label === 'Post anonymously')!;
    await ana.press('ask', post.value);
    return (hub.db.sqlite.prepare('SELECT id FROM questions ORDER BY created_at DESC, rowid DESC').get() as { id: string }).id;
  };
  const deps = { ...hub.services, translator: createTranslator(), logger: { info() {}, warn() {}, error() {} } };
  return { hub, telegram, experts, moderator, ask, deps };
}

describe('question reminders', () => {
  it('reminds routed experts once after 24 hours, not one who declined, and moderators once after 72 hours', async () => {
    const { telegram, experts, ask, deps } = await setUp();
    const id = await ask('How do we find foster families for teenagers?');
    await experts[1]!.press('qa', `decline:${id}`);

    expect(await run(deps, hours(23))).toEqual({ experts: 0, moderators: 0 });
    const before = telegram.posts.length;
    expect(await run(deps, hours(25))).toEqual({ experts: 1, moderators: 0 });
    const reminder = telegram.posts.slice(before);
    expect(reminder.map((post) => post.target.conversationId)).toEqual(['20']);
    expect(reminder[0]!.text).toContain('Reminder: this question has waited a day');
    expect(reminder[0]!.text).toContain('Asked anonymously');
    expect(await run(deps, hours(26))).toEqual({ experts: 0, moderators: 0 });

    expect(await run(deps, hours(73))).toEqual({ experts: 0, moderators: 1 });
    const [toModerator] = telegram.posts.slice(-1);
    expect(toModerator!.target.conversationId).toBe('30');
    expect(toModerator!.text).toContain('waited three days');
    expect(toModerator!.text).toContain('Asked anonymously');
    expect(await run(deps, hours(80))).toEqual({ experts: 0, moderators: 0 });
  });

  it('an answered question needs no reminder', async () => {
    const { experts, ask, deps } = await setUp();
    const id = await ask('How do we find foster families for teenagers?');
    expect(text(await experts[0]!.command('answer', `${id} Start with the regional centre.`))).toContain('sent to the asker');
    expect(await run(deps, hours(100))).toEqual({ experts: 0, moderators: 0 });
  });
});
