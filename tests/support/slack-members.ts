/**
 * What the Slack members tests share: finding a button in what Slack
 * received, waiting for the answer to one envelope, joining in the app's DM.
 */
import type { FakeSlack, FakeSlackCall, FakeSlackEnvelopeType } from './fake-slack.ts';
import { buttonPress, dmChannelOf, dmMessageEvent, hubCommand } from './slack-harness.ts';

export const said = (pattern: RegExp) => (call: FakeSlackCall) => pattern.test(JSON.stringify(call.params));

/** The button labelled `label` in a Block Kit message (a ✓ in front of a chosen one is ignored). */
export function buttonOf(call: FakeSlackCall, label: string): { action_id: string; value: string } {
  const buttons = call.params.blocks.filter((block: { type: string }) => block.type === 'actions').flatMap((block: any) => block.elements);
  const found = buttons.find((button: { text: { text: string } }) => button.text.text.replace(/^✓ /, '') === label);
  if (!found) throw new Error(`no button ${label}`);
  return found;
}

/** Sends an envelope; resolves with the first later call of `method` that says `pattern`. */
export async function answerTo(fake: FakeSlack, type: FakeSlackEnvelopeType, payload: object, pattern: RegExp, method = 'response_url'): Promise<FakeSlackCall> {
  const before = fake.calls.length;
  await fake.sendEnvelope(type, payload);
  return fake.waitForCall(method, (call) => fake.calls.indexOf(call) >= before && said(pattern)(call));
}

/** `/hub <text>` by `user` in their DM with the app; resolves with the answer that says `pattern`. */
export function hubInDm(fake: FakeSlack, user: string, text: string, pattern: RegExp): Promise<FakeSlackCall> {
  return answerTo(fake, 'slash_commands', hubCommand(fake, text, { user_id: user, channel_id: dmChannelOf(user) }), pattern);
}

/** The press of `label` on the message Slack received in `call`, by `user`; resolves with the answer that says `pattern`. */
export function pressOn(fake: FakeSlack, call: FakeSlackCall, label: string, pattern: RegExp, user: string): Promise<FakeSlackCall> {
  const button = buttonOf(call, label);
  return answerTo(fake, 'interactive', buttonPress(fake, button.action_id, button.value, user), pattern);
}

/** `/hub start` in the DM and "I agree": resolves with the ephemeral answer carrying the first profile question. */
export async function join(fake: FakeSlack, user: string): Promise<FakeSlackCall> {
  const welcome = await hubInDm(fake, user, 'start', /Privacy/);
  return pressOn(fake, welcome, 'I agree', /step 1 of 6/, user);
}

/** The typed name, as a message in the app's DM; resolves when the country question is posted there. */
export function typeName(fake: FakeSlack, user: string, name: string, eventId: string): Promise<FakeSlackCall> {
  return answerTo(fake, 'events_api', dmMessageEvent(fake, name, eventId, user), /step 2 of 6/, 'chat.postMessage');
}
