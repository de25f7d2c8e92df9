/**
 * Asking, the safeguarding stop, routing, answering, accepting and hiding,
 * through the real core and a fresh database: the replies a member reads,
 * the rows stored, and what would be posted where.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { buttonLabelled, memberHub, questionsHub, text } from '../../support/member-hub.ts';
import type { RecordingPublisher } from '../../support/recording-publisher.ts';
import { composeDigest } from '../../../core/digest/compose-digest.ts';
import { loadDigestWeek } from '../../../core/digest/digest-week.ts';
import { createTranslator } from '../../../locales/translator.ts';

const RISKY = 'Marko Petrović, 12 godina, lives at ul. Kneza Miloša 20 and his mother calls from +381 64 123 4567. How do we arrange foster care quickly?';

let hub: ReturnType<typeof memberHub>;
let telegram: RecordingPublisher;
const count = (table: string) => (hub.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const button = buttonLabelled;

beforeEach(() => {
  ({ hub, telegram } = questionsHub());
});

async function expert(userId: string, name: string, topics: string[]) {
  const someone = await hub.withRole(userId, 'expert', { displayName: name });
  const member = await someone.member();
  await hub.services.members.updateProfile(member.id, { displayName: name });
  await hub.services.experts.update(member.id, { topics, languages: [], countries: [] });
  return someone;
}

describe('/ask', () => {
  it('stops on identifying data: the asker alone sees what was found; nothing is a question or posted until they decide', async () => {
    const ana = hub.person('10');
    await ana.agree();
    const replies = await ana.command('ask', RISKY);
    const shown = text(replies);
    expect(shown).toContain('Nothing has been posted or saved as a question');
    expect(shown).toContain('phone number: +381 64 123 4567');
    expect(shown).toContain('street address: ul. Kneza Miloša 20');
    expect(shown).toContain('[name removed], 12 godina');
    expect(replies[0]!.private).toBe(true);
    expect(count('questions')).toBe(0);
    expect(count('question_drafts')).toBe(1);
    expect(telegram.posts).toHaveLength(0);
    // No button posts the text as typed.
    const labels = replies[0]!.buttons.flat().map((candidate) => candidate.label);
    expect(labels).toEqual(['Post the redacted version', 'Redacted and anonymous', 'Change the topic', 'Rephrase']);

    const decided = await ana.press('ask', button(replies, 'Redacted and anonymous').value);
    expect(text(decided)).toMatch(/Posted as Q[A-Z0-9]{4}/);
    const row = hub.db.sqlite.prepare('SELECT text, anonymous FROM questions').get() as { text: string; anonymous: number };
    expect(row.anonymous).toBe(1);
    expect(row.text).not.toMatch(/Marko|Miloša|123 4567/);
    expect(row.text).toContain('[name removed], 12 godina');
    expect(count('question_drafts')).toBe(0);
  });

  it('"Rephrase" erases the draft and posts nothing', async () => {
    const ana = hub.person('10');
    await ana.agree();
    const replies = await ana.command('ask', RISKY);
    expect(text(await ana.press('ask', button(replies, 'Rephrase').value))).toContain('what you wrote is erased');
    expect(count('question_drafts')).toBe(0);
    expect(count('questions')).toBe(0);
    expect(text(await ana.press('ask', button(replies, 'Post the redacted version').value))).toContain('no longer waiting');
    expect(count('questions')).toBe(0);
  });

  it('in a group, a finding goes to the asker privately and the group hears nothing of it', async () => {
    const ana = hub.person('10');
    await ana.agree();
    const inGroup = await ana.command('ask', RISKY, { group: true });
    expect(text(inGroup)).toBe('Before your question is posted, please look at the private message I sent you.');
    expect(telegram.to('group-1')).toHaveLength(0);
    const [privately] = telegram.to('10');
    expect(privately!.text).toContain('+381 64 123 4567');
    // Someone else in the group cannot decide for her.
    const other = hub.person('11');
    await other.agree();
    const post = privately!.reply.buttons.flat().find((candidate) => candidate.label === 'Post the redacted version')!;
    expect(text(await other.press('ask', post.value))).toContain('Only the member who asked');
    expect(count('questions')).toBe(0);
    await ana.press('ask', post.value);
    const [posted] = telegram.to('group-1');
    expect(posted!.text).toContain('[phone number removed]');
    expect(posted!.text).not.toContain('123 4567');
  });

  it('a clean question shows its topic, which the asker can change, then goes to the group and the fitting experts, never to the asker', async () => {
    await expert('20', 'Dr Vesna', ['alternative care']);
    await expert('21', 'Dr Ilir', ['online safety']);
    const ana = await expert('10', 'Ana', ['alternative care']);
    const preview = await ana.command('ask', 'How do we find foster families for teenagers?', { group: true });
    expect(text(preview)).toContain('Topic: alternative care');
    const menu = await ana.press('ask', button(preview, 'Change the topic').value);
    const changed = await ana.press('ask', button(menu, 'family support').value);
    expect(text(changed)).toContain('Topic: family support');
    await hub.services.experts.update((await hub.person('21').member()).id, { topics: ['family support'] });
    const done = await ana.press('ask', button(changed, 'Post').value);
    expect(text(done)).toContain('I sent it to 1 expert.');
    expect(text(await ana.press('qa', button(done, 'Show the question').value))).toContain('How do we find foster families for teenagers?\nAsked by Ana\nNo answers yet.');
    expect(telegram.to('group-1')[0]!.text).toContain('Asked by Ana');
    expect(telegram.to('21')[0]!.text).toContain('A question for you as an expert');
    expect(telegram.to('20')).toHaveLength(0);
    expect(telegram.to('10').filter((post) => post.text.includes('for you as an expert'))).toHaveLength(0);
  });
});

describe('/answer, /accept, /hide', () => {
  it('an answer goes under the group post and to the asker; accepting marks it in both; hiding takes the question down everywhere', async () => {
    const vesna = await expert('20', 'Dr Vesna', ['alternative care']);
    const ana = hub.person('10');
    await ana.agree();
    const preview = await ana.command('ask', 'anon How do we find foster families for teenagers?', { group: true });
    await ana.press('ask', button(preview, 'Post anonymously').value);
    const id = (hub.db.sqlite.prepare('SELECT id FROM questions').get() as { id: string }).id;
    const groupPost = telegram.to('group-1')[0]!;
    expect(groupPost.text).toContain('Asked anonymously');

    const answered = await vesna.send('answer', `${id} Start with the regional foster care centre.`);
    expect(answered).toContain('posted in 1 place and sent to the asker');
    const under = telegram.to('group-1')[1]!;
    expect(under.replyTo).toBe(groupPost.messageId);
    expect(under.text).toContain('Dr Vesna');
    const toAsker = telegram.to('10').at(-1)!;
    expect(toAsker.text).toContain(`Your question ${id} has an answer`);

    const accept = toAsker.reply.buttons.flat().find((candidate) => candidate.label === 'Accept this answer')!;
    expect(text(await vesna.press('qa', accept.value))).toContain(`Only the member who asked ${id}`);
    expect(text(await ana.press('qa', accept.value))).toContain('is accepted');
    expect(telegram.edits.map((edit) => edit.messageId).sort()).toEqual([under.messageId, toAsker.messageId].sort());
    expect(telegram.edits.every((edit) => edit.text.includes('✓ Accepted by the asker'))).toBe(true);

    expect(await vesna.send('hide', id)).toContain('You do not have the role');
    const moderator = await hub.withRole('30', 'moderator');
    expect(await moderator.send('hide', id)).toContain('is hidden, with its answers');
    // Every message about it: the group post, the expert's DM, the answer under the post and the one to the asker.
    expect(telegram.posts).toHaveLength(4);
    expect(telegram.removed.sort()).toEqual(telegram.posts.map((post) => post.messageId).sort());
    expect(await ana.send('question', id)).toContain(`There is no question ${id}`);
  });

  it('anonymity holds: no message, list, answer, export or log line names the asker', async () => {
    const vesna = await expert('20', 'Dr Vesna', ['alternative care']);
    const ana = hub.person('10', { displayName: 'Ana Kovač' });
    await ana.agree();
    await hub.services.members.updateProfile((await ana.member()).id, { displayName: 'Ana Kovač' });
    const preview = await ana.command('ask', 'anon How do we find foster families for teenagers?', { group: true });
    await ana.press('ask', button(preview, 'Post anonymously').value);
    const id = (hub.db.sqlite.prepare('SELECT id FROM questions').get() as { id: string }).id;
    await vesna.send('answer', `${id} Start with the regional foster care centre.`);
    const seenByOthers = [
      ...telegram.posts.filter((post) => post.target.conversationId !== '10').map((post) => post.text),
      await vesna.send('question', id),
      await vesna.send('questions'),
      JSON.stringify(await hub.services.personalData.export('telegram', '20')),
      JSON.stringify(await hub.services.questions.answeredQuestions(new Date(0), new Date('2100-01-01'))),
    ].join('\n');
    expect(seenByOthers).toContain(id);
    expect(seenByOthers).toContain('Asked anonymously');
    // Her own export has the question; the expert's has the answer, under the question's id.
    expect(JSON.stringify((await hub.services.personalData.export('telegram', '10')).questions)).toContain('foster families');
    expect((await hub.services.personalData.export('telegram', '20')).answers).toMatchObject([{ questionId: id, number: 1 }]);
    const asker = await ana.member();
    for (const identity of ['Ana', 'Kovač', asker.id, asker.id.slice(0, 6)]) expect(seenByOthers).not.toContain(identity);
  });

  it('an answer with identifying data is refused and stored nowhere', async () => {
    const vesna = await expert('20', 'Dr Vesna', ['alternative care']);
    const ana = hub.person('10');
    await ana.agree();
    await ana.press('ask', button(await ana.command('ask', 'How do we find foster families?'), 'Post').value);
    const id = (hub.db.sqlite.prepare('SELECT id FROM questions').get() as { id: string }).id;
    expect(await vesna.send('answer', `${id} Call Jelena at 064 123 4567.`)).toContain('Your answer was not posted');
    expect(count('answers')).toBe(0);
  });
});

describe('/forget and questions', () => {
  it('takes down the member\'s questions (with the answers under them) and their answers to others, then erases them', async () => {
    const vesna = await expert('20', 'Dr Vesna', ['alternative care']);
    const ana = hub.person('10');
    await ana.agree();
    await ana.press('ask', button(await ana.command('ask', 'How do we find foster families?', { group: true }), 'Post').value);
    const id = (hub.db.sqlite.prepare('SELECT id FROM questions').get() as { id: string }).id;
    await vesna.send('answer', `${id} Start with the regional foster care centre.`);
    const posted = telegram.posts.map((post) => post.messageId);
    expect(posted).toHaveLength(4);
    const confirm = await ana.command('forget');
    expect(text(confirm)).toContain('taken down wherever they were posted');
    await ana.press('forget', 'erase');
    expect(telegram.removed.sort()).toEqual(posted.sort());
    for (const table of ['questions', 'answers', 'question_posts', 'question_routes']) expect(count(table)).toBe(0);
  });

  it('replaces a message the platform will not delete with a neutral notice (no moderator decided it)', async () => {
    const ana = hub.person('10');
    await ana.agree();
    await ana.press('ask', button(await ana.command('ask', 'How do we find foster families?', { group: true }), 'Post').value);
    const groupPost = telegram.to('group-1')[0]!;
    telegram.undeletable.add(groupPost.messageId);
    await ana.press('forget', 'erase');
    expect(telegram.edits).toEqual([{ messageId: groupPost.messageId, text: 'This message was removed.' }]);
    expect(count('questions')).toBe(0);
  });
});

describe('/search type:qa', () => {
  it('finds answered questions by the words of the question and its answers, not open or hidden ones', async () => {
    const vesna = await expert('20', 'Dr Vesna', ['alternative care']);
    const ana = hub.person('10');
    await ana.agree();
    const ask = async (question: string) => {
      await ana.press('ask', button(await ana.command('ask', question), 'Post').value);
      return (hub.db.sqlite.prepare('SELECT id FROM questions ORDER BY rowid DESC').get() as { id: string }).id;
    };
    const answered = await ask('How do we find foster families for teenagers?');
    await vesna.send('answer', `${answered} Start with the regional kinship care centre.`);
    const open = await ask('Which foster families take siblings?');
    expect(await ana.send('search', 'foster type:qa')).toContain(answered);
    expect(await ana.send('search', 'foster type:qa')).not.toContain(open);
    // Words of the answer count, in other forms too.
    expect(await ana.send('search', 'kinship centres type:qa')).toContain('1 answered question:');
    expect(await ana.send('search', 'foster -kinship type:qa')).toContain('No answered question matches');
    const moderator = await hub.withRole('30', 'moderator');
    await moderator.send('hide', answered);
    expect(await ana.send('search', 'foster type:qa')).toContain('No answered question matches');
  });
});

describe('questions in the weekly digest', () => {
  it('an open question is listed for experts, then as answered that week, never with its asker', async () => {
    const vesna = await expert('20', 'Dr Vesna', ['alternative care']);
    const ana = hub.person('10', { displayName: 'Ana Kovač' });
    await ana.agree();
    const preview = await ana.command('ask', 'anon How do we find foster families for teenagers?', { group: true });
    await ana.press('ask', button(preview, 'Post anonymously').value);
    const id = (hub.db.sqlite.prepare('SELECT id FROM questions').get() as { id: string }).id;
    const week = () => loadDigestWeek(hub.services.digestSources, new Date(0), new Date('2100-01-01'));
    const reader = { language: 'en', timeZone: 'Europe/Belgrade', filter: { topics: [], countries: [] }, command: (name: string, args?: string) => `/${name}${args ? ` ${args}` : ''}` };
    const open = composeDigest(await week(), reader, createTranslator());
    expect((await week()).openQuestions.map((question) => question.title)).toEqual(['How do we find foster families for teenagers?']);
    expect(JSON.stringify(open)).toContain('foster families for teenagers');
    expect(JSON.stringify(open)).toContain(`/question ${id}`);
    await vesna.send('answer', `${id} Start with the regional foster care centre.`);
    const after = await week();
    expect(after.openQuestions).toEqual([]);
    expect(after.answeredQuestions.map((question) => question.title)).toEqual(['How do we find foster families for teenagers?']);
    const digest = JSON.stringify(composeDigest(after, reader, createTranslator()));
    const asker = await ana.member();
    for (const identity of ['Ana', 'Kovač', asker.id]) expect(digest).not.toContain(identity);
  });
});
