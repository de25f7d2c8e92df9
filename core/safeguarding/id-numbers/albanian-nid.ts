/**
 * Albania's personal number (NID, numri personal, on the identity card and
 * the passport): 10 characters, e.g. J00101999W. The first character is the
 * birth decade (A–J = 1900s, K–T = 2000s: A0 = 1900, J9 = 1999, K0 = 2000;
 * digits, the 1800s, are carried by no one living and are not matched, since
 * a plain number could not be told from one), then the year's last digit,
 * the month (01–12 men, 51–62 women; 31–42 and 81–92 foreign residents),
 * the day, a three-digit serial and a check letter.
 *
 * The civil register does not publish the check letter. The scheme here is
 * the one the open-source `nidx` library implements (github.com/dedal-io/nidx,
 * `src/country/albania.rs`): the first nine characters, a digit as its value
 * and a letter as its place in W, A, B, … V, weighted 1, 1, 2, 3, … 8,
 * summed, mod 23, read in the same alphabet. It also gives the check
 * letters of real Albanian business tax numbers (python-stdnum's
 * `stdnum.al.nipt` examples J91402501L and K22218003V), which share the
 * letter but carry no birth date (month 14, 22): the date check keeps a
 * company's NIPT from being reported as a person's number.
 */
import { isCalendarDate } from './calendar.ts';

const DECADES = '0123456789ABCDEFGHIJKLMNOPQRST';
const CHECK_LETTERS = 'WABCDEFGHIJKLMNOPQRSTUV';
const MONTH_OFFSETS = [0, 30, 50, 80];

/** The check letter of the first nine characters. */
export function albanianCheckLetter(head: string): string {
  let total = 0;
  for (let index = 0; index < 9; index++) {
    const char = head[index]!;
    const value = /\d/.test(char) ? Number(char) : CHECK_LETTERS.indexOf(char);
    total += Math.max(index, 1) * value;
  }
  return CHECK_LETTERS[total % 23]!;
}

export function isValidAlbanianNid(typed: string): boolean {
  const nid = typed.toUpperCase();
  if (!/^[A-T]\d{8}[A-W]$/.test(nid)) return false;
  const year = 1800 + DECADES.indexOf(nid[0]!) * 10 + Number(nid[1]);
  const code = Number(nid.slice(2, 4));
  const offset = MONTH_OFFSETS.find((start) => code > start && code <= start + 12);
  if (offset === undefined || !isCalendarDate(year, code - offset, Number(nid.slice(4, 6)))) return false;
  return albanianCheckLetter(nid) === nid[9];
}
