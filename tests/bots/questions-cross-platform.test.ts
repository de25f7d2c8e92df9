/**
 * A question across three platforms, end to end through the real adapters
 * and their fakes, on one hub: asked in a Telegram group, answered by an
 * expert who lives in Slack, delivered back under the question in the
 * Telegram group and to the asker's private chat; accepted there (every
 * copy of the answer edited); hidden by a moderator on Discord (every
 * message deleted on Telegram and Slack).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCoreHarness, type CoreHarness } from '../support/core-harness.ts';
import { DM_USER_ID, dmSlashCommand, startDiscordHarness, type DiscordHarness } from '../support/discord-harness.ts';
import { answerTo as answerOnDiscord } from '../support/discord-members.ts';
import { MEMBER as SLACK_EXPERT, startSlackHarness, type SlackHarness } from '../support/slack-harness.ts';
import { hubInDm } from '../support/slack-members.ts';
import { askerPress, joinAs, telegramGroupCommand } from '../support/question-fixtures.ts';
import { startTelegramHarness, type TelegramHarness } from '../support/telegram-harness.ts';
import { answerTo as answerOnTelegram } from '../support/telegram-members.ts';

let core: CoreHarness | undefined;
let telegram: TelegramHarness | undefined;
let slack: SlackHarness | undefined;
let discord: DiscordHarness | undefined;
afterEach(async () => {
  await telegram?.close();
  await slack?.close();
  await discord?.close();
  core?.db.close();
  core = telegram = slack = discord = undefined;
});

const ASKER = 100000003;
const GROUP = -1001000000001;


/** What the hub kept of each message it posted about questions: platform, kind and the platform's message ids. */
function postsKept(): Array<{ platform: string; kind: string; answer: number | null; conversation: string; ids: string[] }> {
  return (core!.db.sqlite.prepare('SELECT platform, kind, answer_number AS answer, conversation_id AS conversation, message_ids FROM question_posts ORDER BY id').all() as any[])
    .map(({ message_ids, ...row }) => ({ ...row, ids: JSON.parse(message_ids) }));
}


describe('questions across Telegram, Slack and Discord', () => {
  it('asked in a Telegram group, answered from Slack, delivered back, accepted, hidden from Discord', async () => {
    core = createCoreHarness();
    slack = await startSlackHarness({ core });
    telegram = await startTelegramHarness({ core });
    discord = await startDiscordHarness({ core });
    const t = telegram.fake;
    const expert = await joinAs(core, 'slack', SLACK_EXPERT, 'Dr Vesna', 'expert');
    await core.services.experts.update(expert.id, { topics: ['alternative care'], languages: ['en'], countries: [] });
    await joinAs(core, 'telegram', String(ASKER), 'Ana');
    await joinAs(core, 'discord', DM_USER_ID, 'Mod Marija', 'moderator');

    // The preview, in the group (nothing found), with its buttons; nothing posted yet, nothing stored as a question.
    const preview = await answerOnTelegram(telegram, telegramGroupCommand(300, '/ask How do we find foster families for teenagers?'), /Your question, not posted yet/);
    expect(preview.params.chat_id).toBe(GROUP);
    expect(preview.params.text).toContain('Topic: alternative care');
    expect(core.db.sqlite.prepare('SELECT count(*) AS n FROM questions').get()).toEqual({ n: 0 });

    const expertDm = slack.fake.waitForCall('chat.postMessage', (call) => /A question for you as an expert/.test(JSON.stringify(call.params)));
    const posted = await answerOnTelegram(telegram, askerPress(301, preview, 'Post'), /Question Q/);
    expect(posted.params.chat_id).toBe(GROUP);
    expect(posted.params.text).toContain('Asked by Ana');
    const id = /Question (Q[A-Z0-9]+)/.exec(posted.params.text)![1]!;
    const routed = await expertDm;
    expect(routed.params.channel).toMatch(/^D/);
    expect(JSON.stringify(routed.params.blocks)).toContain('Not for me');
    // The post is kept once the platform answered with its id.
    await vi.waitFor(() => expect(postsKept()).toHaveLength(2));
    const [groupPost, slackPost] = postsKept();
    expect(groupPost).toMatchObject({ platform: 'telegram', kind: 'group', conversation: String(GROUP) });
    expect(slackPost).toMatchObject({ platform: 'slack', kind: 'expert', conversation: routed.params.channel });

    // The expert answers from Slack; the answer goes under the question in the Telegram group and to Ana privately.
    const underQuestion = t.waitForCall('sendMessage', (call) => call.params.chat_id === GROUP && /Answer 1 to/.test(call.params.text));
    const toAna = t.waitForCall('sendMessage', (call) => call.params.chat_id === ASKER && /has an answer/.test(call.params.text));
    const confirmed = await hubInDm(slack.fake, SLACK_EXPERT, `answer ${id} Start with the regional foster care centre.`, /posted in 1 place and sent to the asker/);
    expect(confirmed.params.response_type).toBe('ephemeral');
    const groupAnswer = await underQuestion;
    expect(groupAnswer.params.reply_parameters.message_id).toBe(Number(groupPost!.ids[0]));
    expect(groupAnswer.params.text).toContain('Dr Vesna');
    expect(groupAnswer.params.text).toContain('Start with the regional foster care centre.');
    const delivered = await toAna;
    await vi.waitFor(() => expect(postsKept()).toHaveLength(4));
    const answerPosts = postsKept().filter((post) => post.answer === 1);
    expect(answerPosts.map((post) => [post.platform, post.kind, post.conversation])).toEqual([['telegram', 'group', String(GROUP)], ['telegram', 'asker', String(ASKER)]]);

    // Ana accepts in her private chat: both Telegram copies of the answer are edited with the mark.
    const before = t.calls.length;
    // The confirmation is the button's toast; the messages are edited.
    await answerOnTelegram(telegram, askerPress(302, delivered, 'Accept this answer'), /is accepted/, 'answerCallbackQuery');
    await vi.waitFor(() => expect(t.calls.slice(before).filter((call) => call.method === 'editMessageText')).toHaveLength(2));
    const marked = t.calls.slice(before).filter((call) => call.method === 'editMessageText' && /Accepted by the asker/.test(call.params.text));
    expect(marked.map((call) => String(call.params.message_id)).sort()).toEqual(answerPosts.map((post) => post.ids[0]).sort());

    // A moderator on Discord hides it: every message about it goes, on Telegram and on Slack.
    const slackDeleted = slack.fake.waitForCall('chat.delete', (call) => call.params.ts === slackPost!.ids[0]);
    const hidden = await answerOnDiscord(discord, dmSlashCommand(discord.fake, 'hide', { question_id: id }), /is hidden, with its answers; 4 messages/);
    expect(hidden.body.flags ?? 0).toBe(64);
    const deletions = await t.waitForCalls('deleteMessage', 3);
    expect(deletions.map((call) => String(call.params.message_id)).sort()).toEqual([groupPost!.ids[0], ...answerPosts.map((post) => post.ids[0])].sort());
    expect((await slackDeleted).params.channel).toBe(routed.params.channel);
  }, 30_000);
});
