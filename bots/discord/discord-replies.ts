/**
 * Replies to one interaction. The interaction was acknowledged (deferred)
 * before core ran; now the deferred reply is filled in: a command's reply by
 * editing it, a button's by editing the message the button is on (a new page
 * in place), a submitted form's by filling in its ephemeral placeholder. A
 * reply only the member should see becomes an ephemeral follow-up, the
 * public placeholder removed. Further messages follow up.
 */
import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type ModalSubmitInteraction } from 'discord.js';
import type { Reply } from '../../core/model/reply.ts';
import type { DiscordMessagePayload } from './render.ts';

export type RenderedReply = { reply: Reply; messages: DiscordMessagePayload[] };

/** What cphub answers: a slash command, a button press, a submitted form (a modal). */
export type AnsweredInteraction = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

/** discord.js takes raw embeds and components, but mentions only as its own camel-case option. */
function asOptions(message: DiscordMessagePayload) {
  const { allowed_mentions: allowedMentions, ...rest } = message;
  return { ...rest, allowedMentions };
}

/**
 * A reply's files go with its last message; discord.js sends them as the
 * multipart `files[n]` parts beside `payload_json`.
 * https://discord.com/developers/docs/reference#uploading-files
 */
function filesOf(reply: Reply) {
  const attachments = reply.attachments ?? [];
  return attachments.length === 0 ? {} : { files: attachments.map((file) => ({ attachment: Buffer.from(file.content, 'utf8'), name: file.filename })) };
}

export async function answerInteraction(interaction: AnsweredInteraction, replies: RenderedReply[]): Promise<void> {
  let first = true;
  for (const { reply, messages } of replies) {
    for (const [index, message] of messages.entries()) {
      const options = { ...asOptions(message), ...(index === messages.length - 1 ? filesOf(reply) : {}) };
      if (first && interaction.isModalSubmit()) {
        // A submitted form was deferred as ephemeral: its answer fills that in.
        await interaction.editReply(options);
      } else if (reply.private) {
        // Discord keeps a deferred reply's visibility: a private answer cannot replace a public placeholder.
        if (first && interaction.isChatInputCommand()) await interaction.deleteReply();
        await interaction.followUp({ ...options, flags: MessageFlags.Ephemeral });
      } else if (first) {
        // An edit keeps what it does not name: a page without buttons must clear the old ones.
        await interaction.editReply({ components: [], ...options });
      } else {
        await interaction.followUp(options);
      }
      first = false;
    }
  }
  // Nothing to say (an event with no answer): a command's "thinking…" must not stay forever.
  if (first && (interaction.isChatInputCommand() || interaction.isModalSubmit())) await interaction.deleteReply();
}
