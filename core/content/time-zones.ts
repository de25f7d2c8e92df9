/**
 * Time zones: which IANA zone a member's times are shown in, and turning
 * the local date and time an organiser typed into an instant. Luxon does the
 * wall-clock arithmetic (a local 09:00 is 08:00 UTC in winter and 07:00 in
 * summer; a time in the spring gap does not exist), which Intl alone cannot.
 */
import { DateTime, IANAZone } from 'luxon';
import { foldText } from '../search/fold.ts';

/** The hub's own zone: the default of the digest schedule and of members without a country. */
export const HUB_TIME_ZONE = 'Europe/Belgrade';

/** The region's countries' zones (Kosovo keeps Belgrade's zone in the tz database). */
const COUNTRY_ZONES: Readonly<Record<string, string>> = {
  AL: 'Europe/Tirane', BA: 'Europe/Sarajevo', BG: 'Europe/Sofia', HR: 'Europe/Zagreb', XK: 'Europe/Belgrade',
  ME: 'Europe/Podgorica', MK: 'Europe/Skopje', RO: 'Europe/Bucharest', RS: 'Europe/Belgrade', HU: 'Europe/Budapest',
  SI: 'Europe/Ljubljana', MD: 'Europe/Chisinau', GR: 'Europe/Athens', TR: 'Europe/Istanbul', AT: 'Europe/Vienna',
  DE: 'Europe/Berlin', IT: 'Europe/Rome', GB: 'Europe/London', FR: 'Europe/Paris', CH: 'Europe/Zurich', UA: 'Europe/Kyiv',
};

export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * The zone a member's times are shown in: their own choice (`/timezone`),
 * else their country's, else the hub's.
 */
export function memberTimeZone(chosen: string | undefined, country: string | undefined, fallback = HUB_TIME_ZONE): string {
  if (chosen && isTimeZone(chosen)) return chosen;
  return (country && COUNTRY_ZONES[country.toUpperCase()]) || fallback;
}

export function countryTimeZone(country: string): string | undefined {
  return COUNTRY_ZONES[country.toUpperCase()];
}

/**
 * A zone as a member types it: `Europe/Sofia`, `sofia`, `Bucharest`, a
 * country code (`RO`) or `UTC`. Undefined when it names no zone.
 */
export function resolveTimeZone(typed: string): string | undefined {
  const value = typed.trim();
  if (!value) return undefined;
  if (/^utc$/i.test(value)) return 'UTC';
  const country = COUNTRY_ZONES[value.toUpperCase()];
  if (/^[a-z]{2}$/i.test(value) && country) return country;
  const exact = ALL_ZONES.find((zone) => zone.toLowerCase() === value.toLowerCase());
  if (exact) return exact;
  const city = foldText(value).replace(/[\s-]+/g, '_');
  return ALL_ZONES.find((zone) => foldText(zone.split('/').at(-1)!.toLowerCase()) === city);
}

const ALL_ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');

export type LocalTimeResult = { ok: true; at: Date; timeZone: string } | { ok: false; problem: 'format' | 'zone' | 'nonexistent' };

/**
 * `2026-04-02T10:00`, `2026-04-02 10:00` or with an offset
 * (`2026-04-02T10:00+03:00`, `…Z`): an offset says the instant itself;
 * without one the time is local to `zone`. A local time that does not exist
 * (the hour skipped when clocks go forward) is refused rather than moved.
 */
export function parseLocalDateTime(text: string, zone: string | undefined): LocalTimeResult {
  const value = text.trim().replace(' ', 'T');
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{1,2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/i.exec(value);
  if (!match) return { ok: false, problem: 'format' };
  const [, date, hour, minute, second = '00', offset] = match;
  const iso = `${date}T${hour!.padStart(2, '0')}:${minute}:${second}`;
  if (offset) {
    const parsed = DateTime.fromISO(`${iso}${offset}`, { setZone: true });
    return parsed.isValid ? { ok: true, at: parsed.toJSDate(), timeZone: zone && isTimeZone(zone) ? zone : 'UTC' } : { ok: false, problem: 'format' };
  }
  if (!zone || !isTimeZone(zone)) return { ok: false, problem: 'zone' };
  const local = DateTime.fromISO(iso, { zone });
  if (!local.isValid) return { ok: false, problem: 'format' };
  // Luxon moves a time in the spring gap forward; the wall clock then differs from what was typed.
  if (local.toFormat("yyyy-MM-dd'T'HH:mm:ss") !== iso) return { ok: false, problem: 'nonexistent' };
  return { ok: true, at: local.toJSDate(), timeZone: zone };
}
