/**
 * Any member text goes through the check: it returns findings that point
 * at the text, and never throws — emoji, every script, no diacritics or
 * combining ones, 5,000 characters, text made to trip regular expressions.
 */
import { describe, expect, it } from 'vitest';
import { detectPersonalData } from '../../../core/safeguarding/detect-personal-data.ts';

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '0', '064', '+381', '(', ')', '.', '-', '/', ' ', ',', '@', 'ul.', 'Rruga', 'utca', 'Marko', 'Petrović', 'rođen', 'born',
  '12', '2015', '03.04.2015', 'godina', '(7)', 'JMBG', '0304015715005', 'J00101999W', 'ЕГН', 'Марко', '👩‍👧', '🇷🇸', '\u0301',
  'ș', 'ë', 'ő', '\n', '\t', '\u200b', 'ﬁ', '𝟙𝟚', '١٢٣', 'x'.repeat(70), '9'.repeat(40), 'numri personal', 'tel.',
];

function randomText(next: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += PIECES[Math.floor(next() * PIECES.length)];
  return text.slice(0, length);
}

function checkFindings(text: string): void {
  const findings = detectPersonalData(text, (error) => {
    throw error;
  });
  for (const finding of findings) {
    expect(text.slice(finding.start, finding.end)).toBe(finding.text);
    expect(finding.end).toBeGreaterThan(finding.start);
  }
  findings.slice(1).forEach((finding, index) => expect(finding.start).toBeGreaterThanOrEqual(findings[index]!.end));
}

describe('the safeguarding check on any text', () => {
  it.each([
    ['empty', ''],
    ['only emoji', '👩‍👧‍👦🙏🏽🇽🇰🇦🇱 ❤️'],
    ['no diacritics', 'Marko Petrovic, 12 godina, zivi u ul. Kneza Milosa 20'],
    ['combining diacritics', 'Marko Petrovic\u0301, 12 godina'],
    ['a long digit run', '1'.repeat(5_000)],
    ['digits and separators', '0 6 4 - 1 2 3 . '.repeat(400)],
    ['many parentheses', '('.repeat(2_500) + ')'.repeat(2_500)],
    ['at signs and dots', 'a.'.repeat(1_000) + '@' + 'b.'.repeat(1_000)],
    ['street words without end', 'ul. '.repeat(1_250)],
    ['capitalised words without end', 'Ana '.repeat(1_250) + '(7)'],
    ['lone surrogates', '\ud800 \udfff 064 123 4567'],
  ])('%s', (_name, text) => {
    expect(() => checkFindings(text)).not.toThrow();
  });

  it('finds what is there in a 5,000-character question, wherever it is', () => {
    const filler = 'Kako da postupim u ovom slučaju? Dete je u hraniteljskoj porodici od 2019. godine. ';
    const text = `${filler.repeat(30)}JMBG 0304015715005 ${filler.repeat(28)}`.slice(0, 5_000);
    expect(detectPersonalData(text).map((finding) => finding.text)).toEqual(['0304015715005']);
  });

  it('gives findings that point into the text on 300 random texts', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) checkFindings(randomText(next, 20 + Math.floor(next() * 600)));
  });

  it('a non-string (a caller bug) is no finding rather than an exception', () => {
    expect(detectPersonalData(undefined as unknown as string)).toEqual([]);
  });
});
