/**
 * OIB (osobni identifikacijski broj): Croatia's personal identification
 * number since 2009, 11 digits with no date in them: ten random digits and
 * a check digit.
 *
 * Algorithm: ISO 7064, MOD 11,10 (the hybrid system), which the OIB law
 * (Zakon o osobnom identifikacijskom broju, NN 60/08) and its technical
 * specification name: start with 10; for each digit, (carry + digit) mod 10,
 * a 0 taken as 10, doubled, mod 11; the check digit is 11 − carry, with 10
 * written 0. Also as python-stdnum's `stdnum.hr.oib` / `stdnum.iso7064.mod_11_10`.
 */
export function isValidOib(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  let carry = 10;
  for (const digit of digits.slice(0, 10)) {
    carry = (carry + Number(digit)) % 10;
    if (carry === 0) carry = 10;
    carry = (carry * 2) % 11;
  }
  const check = 11 - carry;
  return (check === 10 ? 0 : check) === Number(digits[10]);
}
