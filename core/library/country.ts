/** Countries of documents and of `country:` filters. */
import { foldText } from '../search/fold.ts';

const REGIONS = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
// Codes Intl names that are not countries (unknown, pseudo-locales, unions).
const NOT_COUNTRIES = new Set(['ZZ', 'XA', 'XB', 'EU', 'EZ', 'UN', 'QO']);

/** True for an ISO 3166-1 alpha-2 code (Kosovo's `XK` included). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code) && REGIONS.of(code) !== undefined;
}

// The region's countries by the names members type, in English and locally.
const NAMES_AS_TYPED: Record<string, string> = {
  albania: 'AL', shqiperia: 'AL', albanija: 'AL',
  bosnia: 'BA', bih: 'BA', bosna: 'BA', 'bosna i hercegovina': 'BA', 'bosnia and herzegovina': 'BA',
  bulgaria: 'BG', bulgarija: 'BG', bugarska: 'BG', българия: 'BG',
  croatia: 'HR', hrvatska: 'HR',
  hungary: 'HU', magyarorszag: 'HU', madjarska: 'HU',
  kosovo: 'XK', kosova: 'XK', kosove: 'XK',
  montenegro: 'ME', 'crna gora': 'ME', 'црна гора': 'ME',
  'north macedonia': 'MK', macedonia: 'MK', makedonija: 'MK', македонија: 'MK', maqedonia: 'MK',
  moldova: 'MD',
  romania: 'RO', rumunija: 'RO', rumunjska: 'RO',
  serbia: 'RS', srbija: 'RS', србија: 'RS',
  slovenia: 'SI', slovenija: 'SI',
  turkey: 'TR', greece: 'GR',
};
const NAMES = new Map(
  Object.entries(NAMES_AS_TYPED).map(([name, code]) => [foldText(name).trim(), code]),
);

/** A country code from a code or a name; undefined when not a country. */
export function resolveCountry(input: string): string | undefined {
  const upper = input.trim().toUpperCase();
  if (isCountryCode(upper)) return upper;
  return NAMES.get(foldText(input.trim().replace(/[-_]/g, ' ')));
}
