/**
 * A date or a year at a token, in the ways the region writes a birth date:
 * 03.04.2015, 3. 4. 2015., 03/04/2015, 2015-04-03, 3 April 2015, 3. aprila
 * 2015, 3 prill 2015, 3 aprilie 2015, 3 април 2015, April 3, 2015,
 * 2015. április 3., or a year alone (2014, 2014. godine).
 */
import { foldText } from '../search/fold.ts';
import { MONTH_STARTS } from './age-words.ts';
import { isCalendarDate } from './id-numbers/calendar.ts';
import type { Token } from './text-tokens.ts';

const MONTHS = MONTH_STARTS.map(foldText);
const SEPARATORS = new Set(['.', '/', '-']);

export interface DateAt {
  /** Index of the date's last token. */
  last: number;
  /** A day and a month (not a year alone). */
  full: boolean;
}

const numberOf = (token: Token | undefined, lengths: number[]): number | undefined =>
  token?.kind === 'number' && lengths.includes(token.text.length) ? Number(token.text) : undefined;
const isMonthWord = (token: Token | undefined): boolean =>
  token?.kind === 'word' && token.folded.length >= 3 && MONTHS.some((month) => token.folded.startsWith(month));
const isYear = (year: number | undefined): year is number => year !== undefined && year >= 1900 && year <= 2099;
const dotAt = (tokens: Token[], index: number): number => (tokens[index]?.text === '.' ? index + 1 : index);

/** 03.04.2015, 3/4/2015, 3. 4. 2015 */
function numericDate(tokens: Token[], index: number): DateAt | undefined {
  const [day, sep1, month, sep2, year] = tokens.slice(index, index + 5);
  const d = numberOf(day, [1, 2]);
  const m = numberOf(month, [1, 2]);
  const y = numberOf(year, [4]);
  if (d === undefined || m === undefined || !isYear(y) || !sep1 || !sep2 || !SEPARATORS.has(sep1.text) || sep1.text !== sep2.text) return undefined;
  return isCalendarDate(y, m, d) ? { last: index + 4, full: true } : undefined;
}

/** 2015-04-03 */
function isoDate(tokens: Token[], index: number): DateAt | undefined {
  const [year, sep1, month, sep2, day] = tokens.slice(index, index + 5);
  const y = numberOf(year, [4]);
  const m = numberOf(month, [2]);
  const d = numberOf(day, [2]);
  if (!isYear(y) || m === undefined || d === undefined || sep1?.text !== '-' || sep2?.text !== '-') return undefined;
  return isCalendarDate(y, m, d) ? { last: index + 4, full: true } : undefined;
}

/** 3 April 2015, 3. aprila 2015, April 3, 2015, 2015. április 3. */
function wordDate(tokens: Token[], index: number): DateAt | undefined {
  const day = numberOf(tokens[index], [1, 2]);
  if (day !== undefined && day >= 1 && day <= 31) {
    const month = dotAt(tokens, index + 1);
    if (isMonthWord(tokens[month]) && isYear(numberOf(tokens[month + 1], [4]))) return { last: month + 1, full: true };
  }
  if (isMonthWord(tokens[index])) {
    const dayAt = numberOf(tokens[index + 1], [1, 2]);
    const yearIndex = tokens[index + 2]?.text === ',' ? index + 3 : index + 2;
    if (dayAt !== undefined && dayAt >= 1 && dayAt <= 31 && isYear(numberOf(tokens[yearIndex], [4]))) return { last: yearIndex, full: true };
  }
  const year = numberOf(tokens[index], [4]);
  if (isYear(year)) {
    const month = dotAt(tokens, index + 1);
    const dayAt = numberOf(tokens[month + 1], [1, 2]);
    if (isMonthWord(tokens[month]) && dayAt !== undefined && dayAt >= 1 && dayAt <= 31) return { last: month + 1, full: true };
  }
  return undefined;
}

/** The date or year starting at `index`, if one does. */
export function dateAt(tokens: Token[], index: number): DateAt | undefined {
  const date = numericDate(tokens, index) ?? isoDate(tokens, index) ?? wordDate(tokens, index);
  if (date) return date;
  return isYear(numberOf(tokens[index], [4])) ? { last: index, full: false } : undefined;
}
