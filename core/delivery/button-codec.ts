/**
 * A button's action and value as the short string a platform carries back
 * when it is pressed (Telegram `callback_data`: 64 bytes; Discord
 * `custom_id`: 100 characters): `action|value` when it fits, else `~token`
 * with the payload kept behind the `ButtonPayloads` port. Pagination
 * (`search.page|<11-char token>:<page>`) fits both.
 */
import type { Button } from '../model/reply.ts';
import type { ButtonPayloads } from '../ports.ts';

export type ButtonLookup = Pick<ButtonPayloads, 'load'>;

const SEPARATOR = '|';
const UTF8 = new TextEncoder();
const STORED = '~';

/** `maxBytes` in UTF-8 bytes: never more characters than that either. */
export async function encodeButton(
  button: Pick<Button, 'actionId' | 'value'>,
  payloads: ButtonPayloads,
  maxBytes: number,
): Promise<string> {
  const inline = `${button.actionId}${SEPARATOR}${button.value}`;
  const fits = UTF8.encode(inline).length <= maxBytes;
  if (fits && !button.actionId.startsWith(STORED) && !button.actionId.includes(SEPARATOR)) return inline;
  return `${STORED}${await payloads.save({ actionId: button.actionId, value: button.value })}`;
}

/** `undefined` for data cphub did not write (another bot's keyboard, an expired token). */
export async function decodeButton(
  data: string,
  payloads: ButtonLookup,
): Promise<{ actionId: string; value: string } | undefined> {
  if (data.startsWith(STORED)) return payloads.load(data.slice(STORED.length));
  const at = data.indexOf(SEPARATOR);
  if (at <= 0) return undefined;
  return { actionId: data.slice(0, at), value: data.slice(at + 1) };
}
