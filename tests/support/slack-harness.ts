/**
 * The real Slack adapter (Bolt, core, SQLite) against the fake Slack, in
 * Socket Mode or HTTP mode, and payloads built from the recorded fixtures.
 */
import { readFileSync } from 'node:fs';
import { createSlackAdapter, type SlackAdapter } from '../../bots/slack/slack-adapter.ts';
import type { SlackConfig } from '../../config.ts';
import type { LibraryDocument } from '../../core/library/document.ts';
import { createTranslator } from '../../locales/translator.ts';
import { createCoreHarness, type CoreHarness } from './core-harness.ts';
import { startFakeSlack, type FakeSlack } from './fake-slack.ts';
import { recordingLogger, type LogLine } from './recording-logger.ts';

export interface SlackHarness {
  fake: FakeSlack;
  core: CoreHarness;
  adapter: SlackAdapter;
  logs: LogLine[];
  close(): Promise<void>;
}

/** The member in the fixtures; their Slack locale is English unless a test says otherwise. */
export const MEMBER = 'U00FAKEUSER2';

export async function startSlackHarness(
  options: { mode?: 'socket' | 'http'; documents?: LibraryDocument[]; locale?: string; botToken?: string; otherUsers?: string[]; core?: CoreHarness } = {},
): Promise<SlackHarness> {
  // Other members (`otherUsers`) speak English too.
  const others = Object.fromEntries((options.otherUsers ?? []).map((user) => [user, { locale: 'en-US' }]));
  const fake = await startFakeSlack({ users: { ...others, [MEMBER]: { locale: options.locale ?? 'en-US' } } });
  // A shared core: two platforms' fakes talking to one hub (the cross-platform tests).
  const core = options.core ?? createCoreHarness(options.documents ?? []);
  const { logger, lines } = recordingLogger();
  const mode: SlackConfig['mode'] =
    options.mode === 'http'
      ? { kind: 'http', signingSecret: fake.signingSecret, port: 0, host: '127.0.0.1' }
      : { kind: 'socket', appToken: fake.appToken };
  const adapter = createSlackAdapter({
    config: { botToken: options.botToken ?? fake.botToken, apiUrl: fake.apiUrl, mode },
    router: core.router,
    translator: createTranslator(),
    settings: core.services.settings,
    chats: core.services.chats,
    ledger: core.services.ledger,
    buttons: core.services.buttons,
    logger,
    socketPingTimeoutMs: 400,
  });
  core.services.publishers.register(adapter.publisher);
  try {
    await adapter.start();
    if (mode.kind === 'socket') await fake.waitForConnections(1);
  } catch (error) {
    await adapter.stop().catch(() => {});
    await fake.close();
    if (!options.core) core.db.close();
    throw error;
  }
  return {
    fake,
    core,
    adapter,
    logs: lines,
    async close() {
      await adapter.stop().catch(() => {});
      await fake.close();
      if (!options.core) core.db.close();
    },
  };
}

export function slackFixture(name: string): any {
  return JSON.parse(readFileSync(new URL(`../fixtures/slack/${name}.json`, import.meta.url), 'utf8'));
}

let sequence = 0;

/** `/hub <text>` from the recorded slash-command payload, answered through the fake's response_url. */
export function hubCommand(fake: FakeSlack, text: string, overrides: { user_id?: string; channel_id?: string } = {}): Record<string, string> {
  sequence += 1;
  return {
    ...slackFixture('slash_command_with_args.parsed'),
    ...overrides,
    team_id: fake.teamId,
    api_app_id: fake.appId,
    command: '/hub',
    text,
    response_url: fake.responseUrl(`r${sequence}`),
    trigger_id: `10520020890661.10229338706656.${sequence}`,
  };
}

/** The recorded event callback `fixture` as this fake's workspace sends it, with a new event id and the event changed by `event`. */
function eventCallback(fake: FakeSlack, fixture: string, eventId: string, event: (recorded: Record<string, any>) => Record<string, any>): Record<string, any> {
  const body = slackFixture(fixture);
  return {
    ...body,
    team_id: fake.teamId,
    api_app_id: fake.appId,
    event_id: eventId,
    authorizations: [{ team_id: fake.teamId, user_id: fake.botUserId, is_bot: true }],
    event: { ...event(body.event), team: fake.teamId },
  };
}

/** An app_mention event callback (recorded) with new text and event id. */
export function mentionEvent(fake: FakeSlack, text: string, eventId: string): Record<string, any> {
  return eventCallback(fake, 'event_callback_app_mention.bolt_python', eventId, (event) => ({ ...event, user: MEMBER, text: `<@${fake.botUserId}> ${text}` }));
}

/** The member's DM with the app (`D…`: a private conversation for core). */
export const dmChannelOf = (user: string) => `D${user.slice(-8)}`;

/** A message in the member's DM with the app (the `message.im` event, shaped like the recorded app_mention callback). */
export function dmMessageEvent(fake: FakeSlack, text: string, eventId: string, user = MEMBER): Record<string, any> {
  const body = mentionEvent(fake, text, eventId);
  return { ...body, event: { ...body.event, type: 'message', channel_type: 'im', channel: dmChannelOf(user), user, text, ts: `1700000100.${eventId.slice(-6).padStart(6, '0')}` } };
}

/** A press of the button with `value` on the bot's message (recorded block_actions payload). */
export function buttonPress(fake: FakeSlack, actionId: string, value: string, user = MEMBER): Record<string, any> {
  sequence += 1;
  const body = slackFixture('block_actions_button');
  return {
    ...body,
    user: { ...body.user, id: user, team_id: fake.teamId },
    team: { ...body.team, id: fake.teamId },
    api_app_id: fake.appId,
    trigger_id: `10215325802133.3901254001572.${sequence}`,
    actions: [{ ...body.actions[0], action_id: actionId, value }],
    response_url: fake.responseUrl(`a${sequence}`),
  };
}

/**
 * A member's plain reply in the thread under `threadTs` in `channel` (the
 * `message.channels` event): the recorded channel message event, moved into
 * a thread, with new text (its rich-text blocks dropped, as they would say
 * the old text).
 */
export function threadReplyEvent(fake: FakeSlack, where: { channel: string; threadTs: string }, text: string, eventId: string, user = MEMBER): Record<string, any> {
  const ts = `1773327463.${eventId.slice(-6).padStart(6, '0')}`;
  return eventCallback(fake, 'event_callback_message_rich_text_user_and_channel_mention', eventId, ({ blocks: _blocks, ...event }) => (
    { ...event, user, channel: where.channel, text, ts, event_ts: ts, thread_ts: where.threadTs, parent_user_id: fake.botUserId }
  ));
}

/**
 * The submission of the modal `view` (as views.open was given it) with
 * `typed` in its one text input, by `user`: a `view_submission` payload.
 * DERIVED, no recording: shaped by Slack's reference, with the user and
 * team of the recorded button press.
 * https://api.slack.com/reference/interaction-payloads/views#view_submission
 */
export function viewSubmission(fake: FakeSlack, view: Record<string, any>, typed: string, user = MEMBER): Record<string, any> {
  sequence += 1;
  const press = buttonPress(fake, 'unused', 'unused', user);
  const input = view.blocks[0];
  return {
    type: 'view_submission',
    team: press.team,
    user: press.user,
    api_app_id: fake.appId,
    token: press.token,
    trigger_id: `10215325802133.3901254001572.v${sequence}`,
    view: {
      ...view,
      id: `V00FAKE${String(sequence).padStart(4, '0')}`,
      team_id: fake.teamId,
      app_id: fake.appId,
      bot_id: fake.botId,
      hash: `${Date.now()}.fakehash`,
      state: { values: { [input.block_id]: { [input.element.action_id]: { type: 'plain_text_input', value: typed } } } },
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}
