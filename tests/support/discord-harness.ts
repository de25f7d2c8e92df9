/**
 * The real Discord adapter (discord.js Client, core, SQLite) against the
 * fake Discord REST + gateway, and interactions built from recorded payloads.
 */
import { readFileSync } from 'node:fs';
import { createDiscordAdapter, type DiscordAdapter } from '../../bots/discord/discord-adapter.ts';
import type { LibraryDocument } from '../../core/library/document.ts';
import type { Router } from '../../core/router/router.ts';
import { createCoreHarness, type CoreHarness } from './core-harness.ts';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.ts';
import { recordingLogger, type LogLine } from './recording-logger.ts';

export interface DiscordHarness {
  fake: FakeDiscord;
  core: CoreHarness;
  adapter: DiscordAdapter;
  logs: LogLine[];
  close(): Promise<void>;
}

export async function startDiscordHarness(
  options: { documents?: LibraryDocument[]; manualStart?: boolean; token?: string; core?: CoreHarness; router?: Pick<Router, 'handle'> } = {},
): Promise<DiscordHarness> {
  const fake = await startFakeDiscord();
  // A shared core: two platforms' fakes talking to one hub (one person, two accounts).
  const core = options.core ?? createCoreHarness(options.documents ?? []);
  const { logger, lines: logs } = recordingLogger();
  const adapter = createDiscordAdapter({
    config: { token: options.token ?? fake.token, applicationId: fake.applicationId, apiUrl: fake.apiUrl },
    // Another router in front of core's (a slow one: the modal's deadline).
    router: options.router ?? core.router,
    chats: core.services.chats,
    ledger: core.services.ledger,
    buttons: core.services.buttons,
    logger,
  });
  core.services.publishers.register(adapter.publisher);
  if (!options.manualStart) await adapter.start();
  return {
    fake,
    core,
    adapter,
    logs,
    async close() {
      await adapter.stop().catch(() => {});
      await fake.close();
      if (!options.core) core.db.close();
    },
  };
}

let sequence = 0;

/** A recorded interaction with what discord.js needs and a fresh id and token. */
function recorded(name: string, fake: FakeDiscord): Record<string, any> {
  const data = JSON.parse(readFileSync(new URL(`../fixtures/discord/${name}.json`, import.meta.url), 'utf8'));
  sequence += 1;
  return {
    entitlements: [],
    authorizing_integration_owners: {},
    context: data.guild_id ? 0 : 1,
    version: 1,
    channel: { id: data.channel?.id ?? data.channel_id, type: data.guild_id ? 0 : 1 },
    ...data,
    application_id: fake.applicationId,
    id: `78600872971468${String(8000 + sequence)}`,
    token: `interaction-token-${sequence}`,
  };
}

/** An option's value: text, or a user picked from the member list (`{ user: id }`, option type 6 with its resolved user). */
export type SlashOptionValue = string | { user: string };

/** `/name option:value …` in a server channel, from the recorded slash-command interaction (docs example). */
export function slashCommand(fake: FakeDiscord, name: string, options: Record<string, SlashOptionValue> = {}, locale = 'en-US'): Record<string, any> {
  const interaction = recorded('application_command_chat_input_with_string_option.docs', fake);
  interaction.locale = locale;
  const users = Object.values(options).flatMap((value) => (typeof value === 'string' ? [] : [value.user]));
  interaction.data = {
    type: 1,
    name,
    id: '771825006014365701',
    options: Object.entries(options).map(([option, value]) =>
      typeof value === 'string' ? { type: 3, name: option, value } : { type: 6, name: option, value: value.user }),
    ...(users.length > 0
      ? { resolved: { users: Object.fromEntries(users.map((id) => [id, { id, username: `user${id.slice(-4)}`, discriminator: '0', global_name: null, avatar: null }])) } }
      : {}),
  };
  return interaction;
}

/** The user of the recorded DM button press: DM commands below come from them unless told otherwise. */
export const DM_USER_ID = '1033044521375498245';

/** A press of the button with `customId` on the bot's message `messageId`, in a DM (recorded DM button interaction). */
export function buttonPress(fake: FakeDiscord, customId: string, messageId = 'MSG_DM_123', userId = DM_USER_ID): Record<string, any> {
  const interaction = recorded('message_component_button_in_dm', fake);
  interaction.data = { ...interaction.data, custom_id: customId };
  interaction.message = { ...interaction.message, id: messageId };
  interaction.user = { ...interaction.user, id: userId };
  return interaction;
}

/**
 * The submit of the modal `customId` opened from a button on the bot's message in a DM (MODAL_SUBMIT, type 5),
 * with `value` typed in its text input `inputId`: the recorded DM button press, as Discord sends a modal's
 * submit instead (a label component holding the text input; the message the button was on comes along).
 * https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-modal-submit-data-structure
 */
export function modalSubmit(fake: FakeDiscord, customId: string, value: string, options: { inputId?: string; userId?: string } = {}): Record<string, any> {
  const interaction = buttonPress(fake, customId, 'MSG_DM_123', options.userId);
  interaction.type = 5;
  interaction.data = { custom_id: customId, components: [{ type: 18, id: 1, component: { type: 4, id: 2, custom_id: options.inputId ?? 'text', value } }] };
  return interaction;
}

/** `/name option:value …` in the user's DM with the bot (no guild, no member): the slash command fixture moved to a DM. */
export function dmSlashCommand(fake: FakeDiscord, name: string, options: Record<string, SlashOptionValue> = {}, userId = DM_USER_ID): Record<string, any> {
  const dm = slashCommand(fake, name, options);
  const { user } = dm.member;
  delete dm.member;
  delete dm.guild_id;
  delete dm.guild_locale;
  const channel = `11000000000000${userId.slice(-5)}`;
  return Object.assign(dm, { user: { ...user, id: userId }, context: 1, channel: { id: channel, type: 1 }, channel_id: channel });
}
