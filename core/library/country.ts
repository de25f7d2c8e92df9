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

// Every other country by its name in the hub's languages (CLDR through
// Intl): a member from Austria types "Austria", "Austrija" or "Ausztria",
// not AT. Built on first use: 676 codes in 9 locales, a few milliseconds.
const NAME_LOCALES = ['en', 'sq', 'sr-Latn', 'sr-Cyrl', 'hr', 'bs', 'mk', 'bg', 'hu', 'ro'];
let worldNames: Map<string, string> | undefined;

function worldName(folded: string): string | undefined {
  if (!worldNames) {
    worldNames = new Map();
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const locale of NAME_LOCALES) {
      const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
      for (const first of letters) {
        for (const second of letters) {
          const code = first + second;
          // Deprecated codes (DD, YU) are aliases Intl names as their successor: skip them.
          if (!isCountryCode(code) || Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
          const name = names.of(code);
          const key = name && foldText(name.replace(/[-_]/g, ' ')).trim();
          if (key && !worldNames.has(key)) worldNames.set(key, code);
        }
      }
    }
  }
  return worldNames.get(folded);
}

/** A country code from a code or a name; undefined when not a country. */
export function resolveCountry(input: string): string | undefined {
  const upper = input.trim().toUpperCase();
  if (isCountryCode(upper)) return upper;
  const folded = foldText(input.trim().replace(/[-_]/g, ' '));
  return NAMES.get(folded) ?? worldName(folded.trim());
}
