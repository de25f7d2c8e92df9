/**
 * National ID numbers of the region, reported only when their check digits
 * (and the birth date inside them) are right: a 13-digit case number or
 * invoice number with a wrong check digit is an ordinary number, treated
 * like any other number in the text (not reported), which keeps false
 * alarms to about one number in eleven of each length, fewer with the date.
 * Each scheme's algorithm and its source are in `id-numbers/`.
 *
 * Kosovo's personal number (10 digits, Civil Registration Agency) has no
 * published check-digit algorithm: the one open-source validator we found
 * (nidx, weights 4,3,2,7,6,5,4,3,2 mod 11) cites no source, and a wrong
 * guess would miss real numbers. So a 10-digit number that is not a valid
 * EGN is reported as a Kosovo personal number only right after a label
 * ("numri personal", "nr. personal", "personal number", "lični broj", "ID").
 *
 * Numbers are matched as written together (0101990710006); one split by
 * spaces is not, since groups of digits are dates, prices and phone numbers.
 */
import { labelBefore, labelPattern } from './context-words.ts';
import { isPhoneNumber } from './detect-phones.ts';
import { finding, type Finding, type IdScheme } from './finding.ts';
import { isValidAlbanianNid } from './id-numbers/albanian-nid.ts';
import { isValidCnp } from './id-numbers/cnp.ts';
import { isValidEgn } from './id-numbers/egn.ts';
import { isValidJmbg } from './id-numbers/jmbg.ts';
import { isValidOib } from './id-numbers/oib.ts';

const DIGIT_RUN = /(?<!\p{N})\p{Nd}{10,13}(?!\p{N})/gu;
const ALBANIAN = /(?<![\p{L}\p{N}])[A-Ta-t]\d{8}[A-Wa-w](?![\p{L}\p{N}])/gu;

const PERSONAL_NUMBER_LABELS = labelPattern([
  'numri personal', 'numrin personal', 'numër personal', 'numri i identitetit', 'nr. personal', 'nr personal', 'nr.personal',
  'personal number', 'personal no', 'personal id', 'id number', 'id no', 'id', 'lični broj', 'lični matični broj', 'лични број',
  'letërnjoftim', 'letërnjoftimi', 'leternjoftimit',
]);

function schemeOf(text: string, digits: string, start: number): IdScheme | undefined {
  if (digits.length === 13) {
    if (isValidJmbg(digits)) return 'jmbg';
    if (isValidCnp(digits)) return 'cnp';
  }
  if (digits.length === 11 && isValidOib(digits)) return 'oib';
  if (digits.length === 10) {
    // 064 1234567 written together is a phone number, not an EGN of someone born in 2006.
    if (digits.startsWith('0') && isPhoneNumber(digits)) return undefined;
    if (isValidEgn(digits)) return 'egn';
    if (labelBefore(text, start, PERSONAL_NUMBER_LABELS)) return 'kosovo-personal-number';
  }
  return undefined;
}

export function detectIdNumbers(text: string): Finding[] {
  const found: Finding[] = [];
  for (const match of text.matchAll(DIGIT_RUN)) {
    // Only ASCII digits are IDs; other scripts' digits are compared as written.
    if (!/^\d+$/.test(match[0])) continue;
    const scheme = schemeOf(text, match[0], match.index);
    if (scheme) found.push(finding(text, 'id-number', match.index, match.index + match[0].length, scheme));
  }
  for (const match of text.matchAll(ALBANIAN)) {
    if (isValidAlbanianNid(match[0])) found.push(finding(text, 'id-number', match.index, match.index + match[0].length, 'albanian-nid'));
  }
  return found;
}
