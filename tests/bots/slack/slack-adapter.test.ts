/**
 * `/hub`, mentions, buttons and the App Home through the real Bolt App, in
 * Socket Mode (envelopes over the fake's WebSocket) and HTTP mode (signed
 * requests to Bolt's receiver); the fake records the Web API calls and
 * response_url posts Slack would receive.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { paragraph, reply, text } from '../../../core/model/reply-builders.ts';
import { sampleDocument } from '../../support/core-harness.ts';
import { postToBolt, signSlackRequest } from '../../support/fake-slack.ts';
import { buttonPress, hubCommand, MEMBER, mentionEvent, startSlackHarness, type SlackHarness } from '../../support/slack-harness.ts';
import { telegramTestLibrary } from '../../support/telegram-library.ts';

let harness: SlackHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(options: Parameters<typeof startSlackHarness>[0] = {}): Promise<SlackHarness> {
  harness = await startSlackHarness({ documents: telegramTestLibrary(), ...options });
  return harness;
}

const allText = (call: { params: Record<string, any> }): string => JSON.stringify(call.params);

describe('Slack in Socket Mode', () => {
  it('/hub search is acknowledged, then answered in the channel with blocks, fallback text and a Next button', async () => {
    const { fake } = await start();
    const command = hubCommand(fake, 'search child protection');
    const ack = await fake.sendEnvelope('slash_commands', command);
    const answer = await fake.waitForCall('response_url');
    expect(answer.at).toBeGreaterThanOrEqual(ack.at);
    expect(answer.params.response_type).toBe('in_channel');
    expect(answer.params.text).toContain('Child protection guide');
    expect(allText(answer)).toContain('children &amp; &lt;families&gt;');
    const actions = answer.params.blocks.find((block: { type: string }) => block.type === 'actions');
    expect(actions.elements.map((button: { text: { text: string } }) => button.text.text)).toEqual(['Next ›']);
    expect(actions.elements[0].value.length).toBeLessThanOrEqual(2000);
    expect((await fake.waitForCall('users.info')).params).toMatchObject({ user: MEMBER, include_locale: 'true' });
  });

  it('pages with the button: acknowledged, the page replaced in place', async () => {
    const { fake } = await start();
    await fake.sendEnvelope('slash_commands', hubCommand(fake, 'search child protection'));
    const first = await fake.waitForCall('response_url');
    const next = first.params.blocks.find((block: { type: string }) => block.type === 'actions').elements[0];
    await fake.sendEnvelope('interactive', buttonPress(fake, next.action_id, next.value));
    const page = await fake.waitForCall('response_url', (call) => call.params.replace_original === true);
    expect(page.params.text).toMatch(/^6\. /m);
  });

  it('answers a mention in its thread, and a redelivered event (same event_id) only once', async () => {
    const { fake } = await start();
    const event = mentionEvent(fake, 'search zaštita', 'Ev0001');
    await fake.sendEnvelope('events_api', event);
    const posted = await fake.waitForCall('chat.postMessage');
    expect(posted.params).toMatchObject({ channel: 'C111', thread_ts: '1595926230.009600' });
    expect(posted.params.text).toContain('Zaštita djece od nasilja');
    await fake.sendEnvelope('events_api', event, { retryAttempt: 1, retryReason: 'timeout' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('an envelope redelivered while the first is still being answered is answered once', async () => {
    const { fake } = await start();
    fake.script('chat.postMessage', { delayMs: 300 });
    const event = mentionEvent(fake, 'help', 'Ev0004');
    await fake.sendEnvelope('events_api', event);
    await fake.sendEnvelope('events_api', event, { retryAttempt: 1, retryReason: 'timeout' });
    await fake.waitForCall('chat.postMessage');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('keeps working after Slack asks the socket to reconnect', async () => {
    const { fake } = await start();
    fake.disconnect();
    await fake.waitForConnections(2, 5000);
    await fake.sendEnvelope('slash_commands', hubCommand(fake, 'help'));
    const help: string = (await fake.waitForCall('response_url')).params.text;
    // Slack has one command for the app: the help names every command as a /hub subcommand.
    expect(help).toContain('/hub search');
    expect(help).not.toMatch(/(^|[^b] )\/(search|help|lang|doc)\b/m);
  });

  it('answers in the member\'s Slack language (hr-HR → BCMS) until /hub lang changes it', async () => {
    const { fake } = await start({ locale: 'hr-HR' });
    await fake.sendEnvelope('slash_commands', hubCommand(fake, 'start'));
    expect((await fake.waitForCall('response_url')).params.text).toContain('Dobro došli');
    await fake.sendEnvelope('slash_commands', hubCommand(fake, 'lang ro'));
    await fake.sendEnvelope('slash_commands', hubCommand(fake, 'start'));
    await fake.waitForCall('response_url', (call) => String(call.params.text).includes('Bun venit'));
  });

  it('a member\'s <!channel>, <!here> or <@U…> in a document title pings no one', async () => {
    const hostile = sampleDocument({ id: 'x-1', title: 'Protection <!channel> <!here> <@U012AB3CD> <#C123|general>' });
    const { fake } = await start({ documents: [hostile] });
    await fake.sendEnvelope('slash_commands', hubCommand(fake, 'search protection'));
    const answer = await fake.waitForCall('response_url');
    expect(allText(answer)).not.toMatch(/<!|<@|<#/);
    expect(allText(answer)).toContain('&lt;!channel&gt;');
  });

  it('shows the member\'s language on the App Home tab', async () => {
    const { fake } = await start({ locale: 'ro-RO' });
    await fake.sendEnvelope('events_api', {
      ...mentionEvent(fake, '', 'Ev0002'),
      event: { type: 'app_home_opened', user: MEMBER, channel: 'D0HOME', tab: 'home', event_ts: '1700000000.000100' },
    });
    const published = await fake.waitForCall('views.publish');
    expect(published.params.user_id).toBe(MEMBER);
    expect(allText(published)).toContain('română');
  });
});

describe('Slack in HTTP mode', () => {
  function commandBody(fake: SlackHarness['fake'], text: string): string {
    return new URLSearchParams(hubCommand(fake, text)).toString();
  }

  it('answers a correctly signed /hub and refuses a bad signature or an old timestamp', async () => {
    const { fake, adapter } = await start({ mode: 'http' });
    const url = `http://127.0.0.1:${adapter.httpPort()}/slack/events`;
    const body = commandBody(fake, 'search child protection');
    expect((await postToBolt(url, body, signSlackRequest('not-the-secret', body))).status).toBe(401);
    const old = Math.floor(Date.now() / 1000) - 10 * 60;
    expect((await postToBolt(url, body, signSlackRequest(fake.signingSecret, body, old))).status).toBe(401);
    expect(fake.callsTo('response_url')).toHaveLength(0);
    expect((await postToBolt(url, body, signSlackRequest(fake.signingSecret, body))).status).toBe(200);
    expect((await fake.waitForCall('response_url')).params.text).toContain('Child protection guide');
  });

  it('handles an event Slack retries (x-slack-retry-num, same event_id) once', async () => {
    const { fake, adapter } = await start({ mode: 'http' });
    const url = `http://127.0.0.1:${adapter.httpPort()}/slack/events`;
    const body = JSON.stringify(mentionEvent(fake, 'help', 'Ev0003'));
    expect((await postToBolt(url, body, signSlackRequest(fake.signingSecret, body))).status).toBe(200);
    await fake.waitForCall('chat.postMessage');
    const retry = { ...signSlackRequest(fake.signingSecret, body), 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' };
    expect((await postToBolt(url, body, retry)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});

describe('Slack outbound', () => {
  const note = reply([paragraph(text('Weekly digest'))]);

  it('opens a DM for a member and posts there', async () => {
    const { fake, adapter } = await start();
    await adapter.messenger.send({ conversationId: `user:${MEMBER}` }, note);
    expect((await fake.waitForCall('conversations.open')).params.users).toBe(MEMBER);
    expect((await fake.waitForCall('chat.postMessage')).params.text).toContain('Weekly digest');
  });

  it('not_in_channel marks the channel unreachable; nothing more is sent there', async () => {
    const { fake, adapter, core } = await start();
    fake.script('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    await expect(adapter.messenger.send({ conversationId: 'C0NEWS' }, note)).rejects.toMatchObject({ name: 'PlatformError', code: 'FORBIDDEN' });
    expect(await core.services.chats.find('slack', 'C0NEWS')).toMatchObject({ status: 'unreachable' });
    await expect(adapter.messenger.send({ conversationId: 'C0NEWS' }, note)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('waits Retry-After on a 429 and posts', async () => {
    const { fake, adapter } = await start();
    fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '1' } });
    await adapter.messenger.send({ conversationId: 'C0NEWS' }, note);
    const [refused, sent] = fake.callsTo('chat.postMessage');
    expect(sent!.at - refused!.at).toBeGreaterThanOrEqual(990);
  });
});

describe('Slack start-up', () => {
  it('a refused bot token fails start with an AUTH PlatformError', async () => {
    await expect(start({ botToken: 'xoxb-refused' })).rejects.toMatchObject({ name: 'PlatformError', code: 'AUTH' });
  });
});
