/**
 * Core's text forms (`Reply.form`) as Slack modals: a press answered with a
 * form opens one (views.open with the press's trigger_id, which Slack
 * honours for 3 seconds), and its submission (`view_submission`) becomes
 * the form's command with the typed text after its arguments — on Slack as
 * on Discord, the same command a member could type. What the modal needs
 * when it comes back (the command, its arguments, the channel the press was
 * in, for the answer) travels in its `private_metadata`.
 * https://api.slack.com/surfaces/modals
 */
import type { TextForm } from '../../core/model/reply.ts';
import { INPUT_LABEL_MAX, MODAL_TEXT_MAX, PLAIN_TEXT_INPUT_MAX, PRIVATE_METADATA_MAX } from './limits.ts';
import { shortPlainText } from './render.ts';

/** The `callback_id` of every cphub modal. */
export const FORM_CALLBACK_ID = 'cphub:form';
const INPUT_BLOCK_ID = 'form';
const INPUT_ACTION_ID = 'text';

export interface SlackFormMetadata {
  command: string;
  args: string;
  channel: string;
}

/** The modal's words the form does not carry, in the member's language. */
export interface SlackFormButtons {
  submit: string;
  close: string;
}

export function toSlackModal(form: TextForm, channel: string, buttons: SlackFormButtons) {
  const metadata: SlackFormMetadata = { command: form.command, args: form.args, channel };
  const privateMetadata = JSON.stringify(metadata);
  if (privateMetadata.length > PRIVATE_METADATA_MAX) throw new RangeError(`private_metadata must be at most ${PRIVATE_METADATA_MAX} characters`);
  const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: shortPlainText(text, max), emoji: true });
  return {
    type: 'modal' as const,
    callback_id: FORM_CALLBACK_ID,
    private_metadata: privateMetadata,
    title: plain(form.title, MODAL_TEXT_MAX),
    submit: plain(buttons.submit, MODAL_TEXT_MAX),
    close: plain(buttons.close, MODAL_TEXT_MAX),
    blocks: [{
      type: 'input' as const,
      block_id: INPUT_BLOCK_ID,
      label: plain(form.label, INPUT_LABEL_MAX),
      element: { type: 'plain_text_input' as const, action_id: INPUT_ACTION_ID, multiline: true, max_length: Math.min(form.maxLength, PLAIN_TEXT_INPUT_MAX) },
    }],
  };
}

/** A submitted cphub modal: the form's command and the text typed; undefined for a view cphub did not open. */
export function fromSlackModal(view: { private_metadata?: string; state?: { values?: Record<string, Record<string, { value?: string | null }>> } }): (SlackFormMetadata & { typed: string }) | undefined {
  let metadata: Partial<SlackFormMetadata>;
  try {
    metadata = JSON.parse(view.private_metadata ?? '') as Partial<SlackFormMetadata>;
  } catch {
    return undefined;
  }
  const typed = view.state?.values?.[INPUT_BLOCK_ID]?.[INPUT_ACTION_ID]?.value;
  if (typeof metadata.command !== 'string' || typeof metadata.args !== 'string' || typeof metadata.channel !== 'string' || typeof typed !== 'string') return undefined;
  return { command: metadata.command, args: metadata.args, channel: metadata.channel, typed };
}
