/**
 * Hiding answers changes what the question is: with its only visible answer
 * hidden it is open again — back in /questions, the reminders and the
 * digest's open questions, out of `/search type:qa` — and a hidden accepted
 * answer takes the acceptance with it. Through the commands, the store and
 * the reminders job over the real migrations.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { run as runReminders } from '../../../jobs/question-reminders.ts';
import { createTranslator } from '../../../locales/translator.ts';
import { createCoreHarness, FIXED_NOW, plain, type CoreHarness } from '../../support/core-harness.ts';
import { joinAs } from '../../support/question-fixtures.ts';
import { RecordingPublisher } from '../../support/recording-publisher.ts';

const hours = (count: number) => new Date(FIXED_NOW.getTime() + count * 60 * 60 * 1000);

let core: CoreHarness;
beforeEach(async () => {
  core = createCoreHarness();
  core.services.publishers.register(new RecordingPublisher('console'));
  await joinAs(core, 'console', 'ana', 'Ana');
  for (const [userId, name] of [['vesna', 'Dr Vesna'], ['goran', 'Goran']] as const) {
    const expert = await joinAs(core, 'console', userId, name, 'expert');
    await core.services.experts.update(expert.id, { topics: ['alternative care'], languages: [], countries: [] });
  }
  await joinAs(core, 'console', 'marija', 'Mod Marija', 'moderator');
});

const as = (userId: string, line: string) => core.send(line, { userId }).then(plain);
const questionRow = (id: string) => core.db.sqlite.prepare('SELECT status, first_answered_at AS firstAnsweredAt FROM questions WHERE id = ?').get(id);
const answerRows = () => core.db.sqlite.prepare('SELECT number, accepted, hidden_at IS NOT NULL AS hidden FROM answers ORDER BY number').all();

async function ask(text: string): Promise<string> {
  const [preview] = await core.send(`/ask ${text}`, { userId: 'ana' });
  const post = preview!.buttons.flat().find((button) => button.label === 'Post')!;
  await core.press(post, { userId: 'ana' });
  return (core.db.sqlite.prepare('SELECT id FROM questions ORDER BY rowid DESC').get() as { id: string }).id;
}

describe('hiding answers and the question\'s state', () => {
  it('hiding the only answer (accepted) opens the question again: /questions, reminders, the digest, type:qa', async () => {
    const id = await ask('How do we find foster families for teenagers?');
    expect(await as('vesna', `/answer ${id} Start with the regional kinship care centre.`)).toContain('sent to the asker');
    expect(await as('ana', `/accept ${id} 1`)).toContain('is accepted');
    expect(questionRow(id)).toEqual({ status: 'answered', firstAnsweredAt: FIXED_NOW.toISOString() });
    expect(await as('ana', '/questions')).not.toContain(id);
    expect(await as('ana', '/search kinship type:qa')).toContain(id);

    expect(await as('marija', `/hide ${id} 1`)).toContain(`Answer 1 to ${id} is hidden`);
    expect(answerRows()).toEqual([{ number: 1, accepted: 0, hidden: 1 }]);
    expect(questionRow(id)).toEqual({ status: 'open', firstAnsweredAt: null });
    expect(await as('ana', '/questions')).toContain(id);
    expect(await as('ana', '/search kinship type:qa')).not.toContain(id);
    expect((await core.services.questions.openQuestions()).map((question) => question.id)).toEqual([id]);
    expect(await core.services.questions.answeredQuestions(hours(-1), hours(1))).toEqual([]);
    // Goran, routed and silent, is reminded after a day (Vesna answered: her route is done); the moderators after three.
    const deps = { ...core.services, translator: createTranslator(), logger: { info() {}, warn() {}, error() {} } };
    expect(await runReminders(deps, hours(25))).toEqual({ experts: 1, moderators: 0 });
    expect(await runReminders(deps, hours(73))).toEqual({ experts: 0, moderators: 1 });

    // Answered again: answered from the new answer's time.
    expect(await as('goran', `/answer ${id} Ask the municipality's social work centre.`)).toContain('sent to the asker');
    expect(questionRow(id)).toEqual({ status: 'answered', firstAnsweredAt: FIXED_NOW.toISOString() });
    expect(await as('ana', '/questions')).not.toContain(id);
  });

  it('hiding the accepted one of two answers: still answered, nothing accepted; /accept of the hidden one is refused', async () => {
    const id = await ask('How do we find foster families for teenagers?');
    await as('vesna', `/answer ${id} Start with the regional kinship care centre.`);
    await as('goran', `/answer ${id} Ask the municipality's social work centre.`);
    expect(await as('ana', `/accept ${id} 2`)).toContain('is accepted');

    expect(await as('marija', `/hide ${id} 2`)).toContain(`Answer 2 to ${id} is hidden`);
    expect(answerRows()).toEqual([{ number: 1, accepted: 0, hidden: 0 }, { number: 2, accepted: 0, hidden: 1 }]);
    expect(questionRow(id)).toMatchObject({ status: 'answered' });
    const shown = await as('ana', `/question ${id}`);
    expect(shown).toContain('kinship care centre');
    expect(shown).not.toContain('municipality');
    expect(shown).not.toContain('Accepted');
    expect(await as('ana', `/accept ${id} 2`)).toContain('no answer 2');
    expect(await as('ana', '/search kinship type:qa')).toContain(id);

    expect(await as('marija', `/hide ${id} 1`)).toContain(`Answer 1 to ${id} is hidden`);
    expect(questionRow(id)).toEqual({ status: 'open', firstAnsweredAt: null });
    expect(await as('marija', `/hide ${id} 1`)).toContain('already hidden');
  });
});
