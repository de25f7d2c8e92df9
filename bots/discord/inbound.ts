/**
 * A Discord interaction → the neutral `Incoming`. A slash command's typed
 * options are written back into the argument text core parses (`/search`
 * query `violence`, language `sq` → `violence lang:sq`), so every command
 * keeps one parser. Buttons carry `action|value` or a stored token.
 * https://discord.com/developers/docs/interactions/receiving-and-responding
 */
import type { ButtonInteraction, ChatInputCommandInteraction, ModalSubmitInteraction } from 'discord.js';
import { decodeButton, type ButtonLookup } from '../../core/delivery/button-codec.ts';
import type { Conversation, Incoming, IncomingContent, Sender } from '../../core/model/incoming.ts';
import { FORM_INPUT_ID, withoutFormMark } from './discord-modal.ts';

/** No action has this id, so the router answers "this button no longer works". */
const UNREADABLE_BUTTON = 'discord.unreadable';

type Handled = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

export async function fromDiscordInteraction(interaction: Handled, buttons: ButtonLookup): Promise<Incoming> {
  return {
    eventId: interaction.id,
    platform: 'discord',
    sender: senderOf(interaction),
    conversation: conversationOf(interaction),
    content: await contentOf(interaction, buttons),
  };
}

async function contentOf(interaction: Handled, buttons: ButtonLookup): Promise<IncomingContent> {
  if (interaction.isChatInputCommand()) return commandContent(interaction);
  if (interaction.isModalSubmit()) return formContent(interaction, buttons);
  return buttonContent(interaction, buttons);
}

/** A submitted form (see discord-modal.ts): its command, with the typed text after its arguments. */
async function formContent(interaction: ModalSubmitInteraction, buttons: ButtonLookup): Promise<IncomingContent> {
  const form = await decodeButton(interaction.customId, buttons);
  const typed = interaction.fields.fields.get(FORM_INPUT_ID);
  if (!form || !typed || !('value' in typed) || typeof typed.value !== 'string') return { kind: 'action', actionId: UNREADABLE_BUTTON, value: '' };
  return { kind: 'command', name: form.actionId, args: `${form.value} ${typed.value.trim()}`.trim() };
}

function commandContent(interaction: ChatInputCommandInteraction): IncomingContent {
  const option = (name: string): string => interaction.options.getString(name)?.trim() ?? '';
  const parts: string[] = [];
  switch (interaction.commandName) {
    case 'search': {
      const type = option('type');
      parts.push(option('query'));
      if (option('language')) parts.push(`lang:${option('language')}`);
      if (type) parts.push(type.includes(' ') ? `type:"${type}"` : `type:${type}`);
      break;
    }
    case 'doc':
      parts.push(option('id'));
      break;
    case 'ask':
      // `/ask anon …` is how core reads "without my name".
      if (interaction.options.getBoolean('anonymous')) parts.push('anon');
      parts.push(option('question'));
      break;
    case 'answer':
      parts.push(option('question_id'), option('answer'));
      break;
    case 'accept':
    case 'hide':
      parts.push(option('question_id'), String(interaction.options.getInteger('number') ?? ''));
      break;
    case 'question':
      parts.push(option('question_id'));
      break;
    case 'questions':
      parts.push(option('topic'));
      break;
    case 'lang':
      parts.push(option('choose'));
      break;
    case 'link':
      parts.push(option('code'));
      break;
    case 'role':
      parts.push(memberOf(interaction), option('role'));
      break;
    case 'suspend':
    case 'unsuspend':
      parts.push(memberOf(interaction));
      break;
    case 'experts':
      parts.push(option('topic'), option('country'));
      break;
    default:
      parts.push(option('text'));
  }
  return { kind: 'command', name: interaction.commandName, args: parts.filter(Boolean).join(' ') };
}

/**
 * The member a moderation command names: a picked server member becomes
 * `discord:<id>` (the raw option value: the id, with or without the resolved
 * user beside it), else the typed member id or `platform:id`.
 */
function memberOf(interaction: ChatInputCommandInteraction): string {
  const picked = interaction.options.get('member')?.value;
  if (typeof picked === 'string' && picked) return `discord:${picked}`;
  const typed = interaction.options.getString('account')?.trim() ?? '';
  // A mention pasted into the text option: <@123> or the older <@!123>.
  const mention = /^<@!?(\d+)>$/.exec(typed);
  return mention ? `discord:${mention[1]}` : typed;
}

async function buttonContent(interaction: ButtonInteraction, buttons: ButtonLookup): Promise<IncomingContent> {
  const action = (await decodeButton(withoutFormMark(interaction.customId), buttons)) ?? { actionId: UNREADABLE_BUTTON, value: '' };
  return { kind: 'action', ...action };
}

function senderOf(interaction: Handled): Sender {
  const user = interaction.user;
  return { id: user.id, displayName: user.globalName ?? user.username, locale: interaction.locale };
}

function conversationOf(interaction: Handled): Conversation {
  const id = interaction.channelId ?? interaction.user.id;
  return interaction.inGuild() ? { id, kind: 'group' } : { id, kind: 'private' };
}
