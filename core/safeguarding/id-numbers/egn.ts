/**
 * EGN (ЕГН, единен граждански номер): Bulgaria's personal number. 10 digits
 * YYMMDDRRSC: birth date, where the month carries the century (+20 for
 * 1800–1899, +40 for 2000–2099), a region and serial RRS (even S for men,
 * odd for women) and a check digit C.
 *
 * Algorithm: as python-stdnum's `stdnum.bg.egn` implements it (and
 * https://bg.wikipedia.org/wiki/Единен_граждански_номер describes it): the
 * first nine digits weighted 2, 4, 8, 5, 10, 9, 7, 3, 6, summed, mod 11; a
 * remainder of 10 is written 0. python-stdnum's examples are in the tests.
 */
import { isCalendarDate, weightedSum } from './calendar.ts';

const WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6];

function birthDate(digits: string): { year: number; month: number; day: number } {
  const yy = Number(digits.slice(0, 2));
  const mm = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  if (mm > 40) return { year: 2000 + yy, month: mm - 40, day };
  if (mm > 20) return { year: 1800 + yy, month: mm - 20, day };
  return { year: 1900 + yy, month: mm, day };
}

export function isValidEgn(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const { year, month, day } = birthDate(digits);
  if (!isCalendarDate(year, month, day)) return false;
  const remainder = weightedSum(digits, WEIGHTS) % 11;
  return (remainder === 10 ? 0 : remainder) === Number(digits[9]);
}
