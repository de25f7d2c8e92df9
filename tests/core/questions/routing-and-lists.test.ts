/**
 * Through the real core and a fresh database: a question goes to the
 * experts who work in the asker's country and speak its language (an empty
 * list means any; these experts know every topic); `/questions <topic>` lists that topic's open questions
 * only; and a search that finds nothing offers "Ask the experts instead",
 * whose press turns the search words into a draft question.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { TOPICS } from '../../../core/members/profile-options.ts';
import { buttonLabelled, memberHub, questionsHub, text } from '../../support/member-hub.ts';
import type { RecordingPublisher } from '../../support/recording-publisher.ts';

let hub: ReturnType<typeof memberHub>;
let telegram: RecordingPublisher;
const button = buttonLabelled;

beforeEach(() => {
  ({ hub, telegram } = questionsHub());
});

async function expert(userId: string, where: { countries: string[]; languages: string[] }) {
  const someone = await hub.withRole(userId, 'expert');
  await hub.services.experts.update((await someone.member()).id, { topics: [...TOPICS], languages: where.languages, countries: where.countries });
  return someone;
}

async function ask(userId: string, question: string, country: string, language: string) {
  const asker = hub.person(userId);
  await asker.agree();
  await hub.services.members.updateProfile((await asker.member()).id, { country });
  await asker.command('lang', language);
  const preview = await asker.command('ask', question);
  // "Post", in the asker's language.
  const post = preview.flatMap((reply) => reply.buttons.flat()).find((candidate) => candidate.value.endsWith(':p'));
  return asker.press('ask', post!.value);
}

const routedTo = () => telegram.posts.filter((post) => post.text.includes('for you as an expert')).map((post) => post.target.conversationId).sort();

describe('routing to experts', () => {
  it('sends a question to the experts of the asker\'s country and language, and to those who set no limit', async () => {
    await expert('31', { countries: ['RS'], languages: ['sh'] });
    await expert('32', { countries: ['AL'], languages: ['sq'] });
    await expert('33', { countries: [], languages: ['hu'] });
    await expert('34', { countries: [], languages: [] });
    await expert('35', { countries: ['RS', 'BA'], languages: [] });
    await ask('10', 'Kako da nađemo hraniteljske porodice za tinejdžere?', 'RS', 'sh');
    expect(routedTo()).toEqual(['31', '34', '35']);
  });

  it('sends a Hungarian question from Romania to none of the Serbian-speaking experts', async () => {
    await expert('31', { countries: ['RS'], languages: ['sh'] });
    await expert('33', { countries: [], languages: ['hu'] });
    await expert('36', { countries: ['RO'], languages: ['ro'] });
    await ask('11', 'Hogyan támogassuk a nevelőszülőket?', 'RO', 'hu');
    expect(routedTo()).toEqual(['33']);
  });
});

describe('a question without a topic', () => {
  it('says it goes to experts of any topic', async () => {
    const ana = hub.person('10');
    await ana.agree();
    const preview = text(await ana.command('ask', 'Can anyone recommend a good book for new colleagues?'));
    expect(preview).toContain('Topic: no topic');
    expect(preview).toContain('in the Q&A channels and to experts of any topic');
    expect(preview).not.toContain('experts of this topic');
  });
});

describe('Not for me', () => {
  it('passes the question on to the next fitting expert it has not reached, once per decline', async () => {
    // Eleven fitting experts: the question goes to ten of them.
    const everyone = Array.from({ length: 11 }, (_, index) => String(40 + index));
    for (const userId of everyone) await expert(userId, { countries: [], languages: [] });
    await ask('10', 'How do we find foster families for teenagers?', 'RS', 'en');
    expect(routedTo()).toHaveLength(10);
    const [left] = everyone.filter((userId) => !routedTo().includes(userId));
    const decliner = routedTo()[0]!;
    const card = telegram.posts.find((post) => post.target.conversationId === decliner)!;
    const notForMe = card.reply.buttons.flat().find((candidate) => candidate.label === 'Not for me')!;
    const first = hub.person(decliner);
    expect(text(await first.press(notForMe.actionId, notForMe.value))).toMatch(/declined|not for you|Noted/i);
    expect(routedTo()).toContain(left);
    expect(routedTo()).toHaveLength(11);
    const status = hub.db.sqlite.prepare("SELECT status FROM question_routes WHERE user_id = ?").get(decliner) as { status: string };
    expect(status.status).toBe('declined');
    // A second press passes nothing on (and there is no one left anyway).
    await first.press(notForMe.actionId, notForMe.value);
    expect(routedTo()).toHaveLength(11);
  });
});

describe('/questions <topic>', () => {
  it('lists the open questions of that topic only', async () => {
    await ask('10', 'How do we find foster families for teenagers?', 'RS', 'en');
    await ask('11', 'Which apps help parents keep children safe online?', 'RS', 'en');
    const reader = hub.person('12');
    await reader.agree();
    const online = await reader.send('questions', 'online safety');
    expect(online).toContain('Which apps help parents keep children safe online?');
    expect(online).not.toContain('foster families');
    const all = await reader.send('questions');
    expect(all).toContain('foster families');
    expect(all).toContain('safe online');
  });
});

describe('a search that finds nothing', () => {
  it('offers to ask the experts; the press makes a draft of the search words, posted on the asker\'s decision', async () => {
    const ana = hub.person('10');
    await ana.agree();
    const nothing = await ana.command('search', 'respite care for kinship carers');
    expect(text(nothing)).toMatch(/nothing|no document/i);
    const draft = await ana.press(button(nothing, 'Ask the experts instead').actionId, button(nothing, 'Ask the experts instead').value);
    expect(text(draft)).toContain('respite care for kinship carers');
    expect((hub.db.sqlite.prepare('SELECT text FROM question_drafts').get() as { text: string }).text).toBe('respite care for kinship carers');
    await ana.press('ask', button(draft, 'Post').value);
    expect((hub.db.sqlite.prepare('SELECT text FROM questions').get() as { text: string }).text).toBe('respite care for kinship carers');
    // Someone else cannot use her button.
    const other = hub.person('11');
    await other.agree();
    expect(text(await other.press(button(nothing, 'Ask the experts instead').actionId, button(nothing, 'Ask the experts instead').value))).toMatch(/expired|no longer/i);
  });
});
