/**
 * Core's text forms (`Reply.form`) as Discord modals. A modal can only be
 * the first response to a button press (callback type 9), so a button core
 * marks `opensForm` carries FORM_MARK before its custom id: the adapter
 * then hands that press to core before acknowledging it. The modal's custom
 * id is the form's command and arguments, encoded like a button; its one
 * text input holds the last argument, which the member types.
 * https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-modal
 */
import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import type { TextForm } from '../../core/model/reply.ts';
import { MODAL_LABEL_MAX, MODAL_TITLE_MAX, TEXT_INPUT_MAX } from './limits.ts';
import { shortLine } from './render.ts';

/** Before the custom id of a button whose press may open a form; no encoded button starts with it. */
export const FORM_MARK = '!';

/** The custom id of the modal's text input. */
export const FORM_INPUT_ID = 'text';

export function isFormButton(customId: string): boolean {
  return customId.startsWith(FORM_MARK);
}

/** A button's custom id without the form mark. */
export function withoutFormMark(customId: string): string {
  return isFormButton(customId) ? customId.slice(FORM_MARK.length) : customId;
}

/** The modal for `form`; `customId` is the form's command and arguments, encoded. */
export function toDiscordModal(form: TextForm, customId: string): ModalBuilder {
  const input = new TextInputBuilder()
    .setCustomId(FORM_INPUT_ID)
    .setStyle(TextInputStyle.Paragraph)
    .setRequired(true)
    .setMaxLength(Math.min(form.maxLength, TEXT_INPUT_MAX));
  const label = new LabelBuilder().setLabel(shortLine(form.label, MODAL_LABEL_MAX)).setTextInputComponent(input);
  return new ModalBuilder().setCustomId(customId).setTitle(shortLine(form.title, MODAL_TITLE_MAX)).addLabelComponents(label);
}
