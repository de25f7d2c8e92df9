/**
 * A button's action and value as Telegram `callback_data` (at most 64
 * bytes): `action|value` when it fits, else `~token` with the payload kept in
 * the database. Pagination (`search.page|<11-char token>:<page>`) fits.
 * https://core.telegram.org/bots/api#inlinekeyboardbutton
 */
import type { Button } from '../../core/model/reply.ts';
import type { ButtonPayloads } from '../../core/ports.ts';
import { CALLBACK_DATA_MAX_BYTES } from './limits.ts';

export type ButtonLookup = Pick<ButtonPayloads, 'load'>;

const SEPARATOR = '|';
const STORED = '~';

export async function encodeCallbackData(button: Pick<Button, 'actionId' | 'value'>, payloads: ButtonPayloads): Promise<string> {
  const inline = `${button.actionId}${SEPARATOR}${button.value}`;
  const fits = Buffer.byteLength(inline, 'utf8') <= CALLBACK_DATA_MAX_BYTES;
  if (fits && !button.actionId.startsWith(STORED) && !button.actionId.includes(SEPARATOR)) return inline;
  return `${STORED}${await payloads.save({ actionId: button.actionId, value: button.value })}`;
}

/** `undefined` for data cphub did not write (another bot's keyboard, an expired token). */
export async function decodeCallbackData(
  data: string,
  payloads: ButtonLookup,
): Promise<{ actionId: string; value: string } | undefined> {
  if (data.startsWith(STORED)) return payloads.load(data.slice(STORED.length));
  const at = data.indexOf(SEPARATOR);
  if (at <= 0) return undefined;
  return { actionId: data.slice(0, at), value: data.slice(at + 1) };
}
