/**
 * The check-digit validators, on real published examples and on numbers
 * whose check digits were computed by a separate implementation (Python,
 * written from each scheme's description), then on the same numbers with
 * one digit wrong.
 */
import { describe, expect, it } from 'vitest';
import { albanianCheckLetter, isValidAlbanianNid } from '../../../core/safeguarding/id-numbers/albanian-nid.ts';
import { isValidCnp } from '../../../core/safeguarding/id-numbers/cnp.ts';
import { isValidEgn } from '../../../core/safeguarding/id-numbers/egn.ts';
import { isValidJmbg } from '../../../core/safeguarding/id-numbers/jmbg.ts';
import { isValidOib } from '../../../core/safeguarding/id-numbers/oib.ts';

/** The number with its last digit (or letter) changed. */
function wrongCheck(valid: string): string {
  const last = valid.at(-1)!;
  const other = /\d/.test(last) ? String((Number(last) + 1) % 10) : last === 'A' ? 'B' : 'A';
  return valid.slice(0, -1) + other;
}

describe('JMBG / EMBG / EMŠO', () => {
  it.each([
    ['0101006500006', 'the example of the Wikipedia article, born 2006'],
    ['1705978730032', 'born 1978, central Serbia'],
    ['0304015715005', 'a girl born 3 April 2015 in Belgrade'],
    ['1203012455005', 'North Macedonia (region 45)'],
    ['2505990910008', 'Kosovo (region 91), born 1990'],
    ['0101985500127', 'Slovenia (region 50)'],
  ])('%s is valid (%s), and not with a wrong check digit', (jmbg) => {
    expect(isValidJmbg(jmbg)).toBe(true);
    expect(isValidJmbg(wrongCheck(jmbg))).toBe(false);
  });

  it.each([
    ['3102015715000', '31 February'],
    ['2902015715003', '29 February 2015 (not a leap year)'],
    ['0113015715000', 'month 13'],
    ['1234567890123', 'a counter'],
    ['9788675491234', 'an ISBN-13 (day 97)'],
  ])('%s is not (%s)', (number) => {
    expect(isValidJmbg(number)).toBe(false);
  });
});

describe('Bulgarian EGN', () => {
  it.each([
    ['7523169263', "python-stdnum's example, born 1875 (month +20)"],
    ['8032056031', "python-stdnum's example, born 1980"],
    ['1544031230', 'born 3 April 2015 (month +40)'],
    ['1052204568', 'born 20 December 2010'],
  ])('%s is valid (%s), and not with a wrong check digit', (egn) => {
    expect(isValidEgn(egn)).toBe(true);
    expect(isValidEgn(wrongCheck(egn))).toBe(false);
  });

  it('refuses an impossible date', () => {
    expect(isValidEgn('8019010008')).toBe(false); // month 19
    expect(isValidEgn('1543321234')).toBe(false); // 32 March 2015
  });
});

describe('Romanian CNP', () => {
  it.each([
    ['1630615123457', "python-stdnum's example"],
    ['6150403400122', 'a girl born 3 April 2015 in Bucharest (40)'],
    ['5190512700019', 'a boy born 12 May 2019, county code 70 (since 2024)'],
  ])('%s is valid (%s), and not with a wrong check digit', (cnp) => {
    expect(isValidCnp(cnp)).toBe(true);
    expect(isValidCnp(wrongCheck(cnp))).toBe(false);
  });

  it.each([
    ['0800101221142', 'sex digit 0'],
    ['1632215123457', 'month 22'],
    ['9150403400122', 'sex digit 9: a NIF, not a CNP'],
    ['6150403550121', 'county 55 does not exist'],
  ])('%s is not (%s)', (number) => {
    expect(isValidCnp(number)).toBe(false);
  });
});

describe('Croatian OIB (ISO 7064 MOD 11,10)', () => {
  it.each(['94577403194', '69435151530', '12345678903', '77777777778'])('%s is valid, and not with a wrong check digit', (oib) => {
    expect(isValidOib(oib)).toBe(true);
    expect(isValidOib(wrongCheck(oib))).toBe(false);
  });
});

describe('Albanian NID', () => {
  it.each([
    ['J00101999W', "nidx's example, born 1 January 1990"],
    ['L55403123F', 'a girl born 3 April 2015 (month +50)'],
    ['K05115001O', 'a woman born 15 January 2000'],
  ])('%s is valid (%s), and not with a wrong check letter', (nid) => {
    expect(isValidAlbanianNid(nid)).toBe(true);
    expect(isValidAlbanianNid(wrongCheck(nid))).toBe(false);
  });

  it("gives real business NIPTs' check letters, but does not take a company's NIPT for a person's number", () => {
    // python-stdnum's examples: the letter scheme is the same, month 14 and 22 are no birth months.
    expect(albanianCheckLetter('J91402501')).toBe('L');
    expect(albanianCheckLetter('K22218003')).toBe('V');
    expect(isValidAlbanianNid('J91402501L')).toBe(false);
    expect(isValidAlbanianNid('K22218003V')).toBe(false);
  });

  it('reads lower case too, and refuses a wrong date or shape', () => {
    expect(isValidAlbanianNid('j00101999w')).toBe(true);
    expect(isValidAlbanianNid('J00230123C')).toBe(false); // 30 February
    expect(isValidAlbanianNid('Z00101999W')).toBe(false);
    expect(isValidAlbanianNid('J0010199W')).toBe(false);
  });
});
