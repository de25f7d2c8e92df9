/**
 * Buttons as Telegram `callback_data`: at most 64 bytes.
 * https://core.telegram.org/bots/api#inlinekeyboardbutton
 */
import { decodeButton, encodeButton, type ButtonLookup } from '../../core/delivery/button-codec.ts';
import type { Button } from '../../core/model/reply.ts';
import type { ButtonPayloads } from '../../core/ports.ts';
import { CALLBACK_DATA_MAX_BYTES } from './limits.ts';

export type { ButtonLookup };

export function encodeCallbackData(button: Pick<Button, 'actionId' | 'value'>, payloads: ButtonPayloads): Promise<string> {
  return encodeButton(button, payloads, CALLBACK_DATA_MAX_BYTES);
}

export const decodeCallbackData = decodeButton;
