/**
 * Phone numbers, in the ways the region writes them: +381 64 123 4567,
 * 064/123-4567, 064.123.4567, (011) 3234-567, 00387 61 123 456, Hungarian
 * 06 30 123 4567 and (06-1) 234-5678.
 *
 * Validation is Google's libphonenumber metadata (libphonenumber-js, "max"
 * set: the number plans of every country, kept up to date by Google and the
 * library's maintainer), not patterns of our own: a number counts only when
 * it is a real number of some country's plan. A number in international
 * form (+ or 00) is checked against its own country; a national one (a
 * leading 0, the trunk prefix in every country of the region) against the
 * region's plans. A number written without a leading 0 or + (a local
 * number, "3234-567") counts only after a phone label ("tel.", "mob",
 * "телефон"), since prices, years and case numbers look the same.
 *
 * Deliberately not reported: toll-free, premium-rate, shared-cost and other
 * service numbers (a helpline such as 0800 … or 116 111 is not anyone's
 * personal data), dates written like numbers (03.04.2015) and year ranges.
 */
import { parsePhoneNumberFromString, type CountryCode, type NumberType } from 'libphonenumber-js/max';
import { labelBefore, labelPattern } from './context-words.ts';
import { finding, type Finding } from './finding.ts';

/** The hub's countries, whose national formats members use. */
const REGION: readonly CountryCode[] = ['RS', 'BA', 'ME', 'MK', 'HR', 'SI', 'AL', 'XK', 'BG', 'RO', 'HU', 'MD'];

/** A person's line; the others are services. Unknown (undefined) counts as a person's. */
const PERSONAL_TYPES = new Set<NumberType>(['MOBILE', 'FIXED_LINE', 'FIXED_LINE_OR_MOBILE', 'PERSONAL_NUMBER', 'VOIP', 'PAGER', undefined]);

const PHONE_LABELS = labelPattern([
  'tel', 'tel.', 'telefon', 'telefoni', 'telefonit', 'telefonul', 'telefonszám', 'phone', 'mob', 'mob.', 'mobile', 'mobil',
  'mobitel', 'mobilni', 'cel', 'celular', 'gsm', 'fax', 'телефон', 'тел', 'моб', 'мобилен', 'мобилни', 'broj telefona', 'numri i telefonit',
]);

// Digit groups joined by one separator each (space, dot, slash, dash) or by
// parentheses: unambiguous, so matching stays linear on any input.
const CANDIDATE = /(?<![\p{L}\p{N}+])(?:\+|\(\+?)?\d+(?:(?:[ .\/-]|\) ?|[ .\/-]?\()\d+)*\)?/gu;
const DATE_SHAPE = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{4} ?- ?\d{4})\.?$/;
const MIN_DIGITS = 6;
const MAX_DIGITS = 15;
/** The longest national number of the region written without spaces: 0 + 06x + 8 digits (Serbia). */
const MAX_NATIONAL_UNBROKEN = 11;

function isPersonal(type: NumberType): boolean {
  return PERSONAL_TYPES.has(type);
}

/** Is this (international or national) number a personal line of some plan? */
export function isPhoneNumber(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS || DATE_SHAPE.test(candidate)) return false;
  const compact = candidate.replace(/^\(/, '');
  if (compact.startsWith('+') || compact.startsWith('00')) {
    const number = parsePhoneNumberFromString(compact.startsWith('00') ? `+${compact.replace(/\D/g, '').slice(2)}` : compact);
    return !!number && number.isValid() && isPersonal(number.getType());
  }
  if (!compact.startsWith('0')) return false;
  // Thirteen digits written together are an ID look-alike or a case number, never a national phone number.
  if (/^\d+$/.test(candidate) && digits.length > MAX_NATIONAL_UNBROKEN) return false;
  return REGION.some((country) => {
    const number = parsePhoneNumberFromString(candidate, country);
    return !!number && number.isValid() && isPersonal(number.getType());
  });
}

export function detectPhones(text: string): Finding[] {
  const found: Finding[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    let candidate = match[0];
    // A closing parenthesis with no opening one belongs to the sentence: "(call 064 123 4567)".
    if (candidate.endsWith(')') && !candidate.includes('(')) candidate = candidate.slice(0, -1);
    const start = match.index;
    const digits = candidate.replace(/\D/g, '').length;
    if (isPhoneNumber(candidate) || (digits >= MIN_DIGITS && digits <= MAX_DIGITS && !DATE_SHAPE.test(candidate) && labelBefore(text, start, PHONE_LABELS))) {
      found.push(finding(text, 'phone', start, start + candidate.length));
    }
  }
  return found;
}
