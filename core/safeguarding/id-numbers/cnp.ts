/**
 * CNP (cod numeric personal): Romania's personal number (also used in the
 * Republic of Moldova's older documents of Romanian citizens). 13 digits
 * SAALLZZJJNNNC: S sex and century (1/2 1900s, 3/4 1800s, 5/6 2000s, 7/8
 * foreign residents), birth date AALLZZ, county JJ, serial NNN, check C.
 *
 * Algorithm: the check constant 279146358279 of the Romanian population
 * register (each of the first twelve digits times its constant digit,
 * summed, mod 11; a remainder of 10 is written 1), as on
 * https://ro.wikipedia.org/wiki/Cod_numeric_personal and in python-stdnum's
 * `stdnum.ro.cnp`. County codes: 01–48 (counties, Bucharest's sectors, two
 * sectors since abolished), 51, 52, 70 (every CNP generated after 8 May 2024,
 * whatever the county) and 80–83 (registrations at Romania's missions
 * abroad), per the register's answer quoted in the CNP specification
 * (github.com/vimishor/cnp-spec, FAQ). An S of 9 is a tax number for
 * foreigners (NIF), not a CNP; it is not reported.
 */
import { isCalendarDate, weightedSum } from './calendar.ts';

const KEY = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];
const CENTURY: Record<string, number[]> = {
  '1': [1900], '2': [1900], '3': [1800], '4': [1800], '5': [2000], '6': [2000],
  // Foreign residents: the century is not written; either may be meant.
  '7': [1900, 2000], '8': [1900, 2000],
};

function isCountyCode(code: number): boolean {
  return (code >= 1 && code <= 48) || code === 51 || code === 52 || code === 70 || (code >= 80 && code <= 83);
}

export function isValidCnp(digits: string): boolean {
  if (!/^\d{13}$/.test(digits)) return false;
  const centuries = CENTURY[digits[0]!];
  if (!centuries) return false;
  const yy = Number(digits.slice(1, 3));
  const month = Number(digits.slice(3, 5));
  const day = Number(digits.slice(5, 7));
  if (!centuries.some((century) => isCalendarDate(century + yy, month, day))) return false;
  if (!isCountyCode(Number(digits.slice(7, 9)))) return false;
  const remainder = weightedSum(digits, KEY) % 11;
  return (remainder === 10 ? 1 : remainder) === Number(digits[12]);
}
