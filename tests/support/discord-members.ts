/**
 * What the Discord members tests share: joining in a DM, finding a button
 * in what Discord received, and waiting for the answer to one interaction.
 */
import { buttonPress, dmSlashCommand, type DiscordHarness } from './discord-harness.ts';
import type { FakeDiscordRequest } from './fake-discord.ts';

export const ORIGINAL = /^\/webhooks\/\d+\/[\w-]+\/messages\/@original$/;
export const FOLLOW_UP = /^\/webhooks\/\d+\/[\w-]+$/;

export const said = (pattern: RegExp) => (request: FakeDiscordRequest) => pattern.test(JSON.stringify(request.body ?? ''));

/** The custom_id of the button labelled `label` (a ✓ in front of a chosen one is ignored). */
export function buttonIn(request: FakeDiscordRequest, label: string): string {
  const found = (request.body.components ?? []).flatMap((row: any) => row.components).find((candidate: any) => candidate.label.replace(/^✓ /, '') === label);
  if (!found) throw new Error(`no button ${label} in ${JSON.stringify(request.body.components)}`);
  return found.custom_id;
}

/** Dispatches `interaction`; resolves with the first request after it, to `method` `path`, whose body says `pattern`. */
export async function answerTo(h: DiscordHarness, interaction: object, pattern: RegExp, method = 'POST', path: RegExp = FOLLOW_UP): Promise<FakeDiscordRequest> {
  const before = h.fake.requests.length;
  h.fake.dispatch('INTERACTION_CREATE', interaction);
  return h.fake.waitForRequest(method, path, (request) => h.fake.requests.indexOf(request) >= before && said(pattern)(request));
}

/** The press of `label` on the message Discord received in `request`, by `userId`; resolves with the answer saying `pattern`. */
export function pressOn(h: DiscordHarness, request: FakeDiscordRequest, label: string, pattern: RegExp, userId?: string): Promise<FakeDiscordRequest> {
  return answerTo(h, buttonPress(h.fake, buttonIn(request, label), 'MSG_DM_123', userId), pattern);
}

/** /start in a DM and "I agree": resolves with the ephemeral follow-up carrying the first profile question. */
export async function joinOnDiscord(h: DiscordHarness, userId: string): Promise<FakeDiscordRequest> {
  const welcome = await answerTo(h, dmSlashCommand(h.fake, 'start', {}, userId), /Privacy/, 'PATCH', ORIGINAL);
  return pressOn(h, welcome, 'I agree', /step 1 of 6/, userId);
}
