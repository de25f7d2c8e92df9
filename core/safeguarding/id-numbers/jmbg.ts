/**
 * JMBG / EMBG / EMŠO: the Unique Master Citizen Number of the former
 * Yugoslavia, still the personal number in Serbia, Bosnia and Herzegovina,
 * Montenegro, North Macedonia (EMBG), Slovenia (EMŠO), and the old one in
 * Croatia and Kosovo. 13 digits DDMMYYYRRBBBK: birth date (YYY is the year
 * without its thousand: 9xx = 19xx, 0xx = 20xx), register region RR, serial
 * BBB (000–499 male, 500–999 female) and a mod-11 check digit K.
 *
 * Algorithm: the check digit of the number Yugoslavia introduced in 1976,
 * as described at https://en.wikipedia.org/wiki/Unique_Master_Citizen_Number
 * (whose example, 0101006500006, is in the tests):
 * m = 11 − ((7(a+g) + 6(b+h) + 5(c+i) + 4(d+j) + 3(e+k) + 2(f+l)) mod 11);
 * K = m for 1–9, and 0 when m is 10 or 11.
 */
import { isCalendarDate, weightedSum } from './calendar.ts';

const WEIGHTS = [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** The birth year a JMBG's three year digits stand for (born 1800–2099). */
function yearOf(threeDigits: number): number {
  return threeDigits >= 800 ? 1000 + threeDigits : 2000 + threeDigits;
}

export function isValidJmbg(digits: string): boolean {
  if (!/^\d{13}$/.test(digits)) return false;
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const year = yearOf(Number(digits.slice(4, 7)));
  // 0xx years only reach the present: a 2099 birth date is a look-alike.
  if (year > 2099 || !isCalendarDate(year, month, day)) return false;
  const m = 11 - (weightedSum(digits, WEIGHTS) % 11);
  const check = m >= 10 ? 0 : m;
  return check === Number(digits[12]);
}
