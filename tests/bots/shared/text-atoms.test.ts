/**
 * textAtoms scans characters instead of splitting with /(\s+)/ (for speed):
 * it must find the same words and white-space runs, for every character
 * JavaScript's \s knows and none it does not, and rank breaks by newlines.
 */
import { describe, expect, it } from 'vitest';
import { BREAK, textAtoms } from '../../../bots/shared/split-message.ts';

function bySplit(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split(/(\s+)/).filter((piece) => piece !== '');
}

describe('textAtoms', () => {
  it('splits at exactly the characters \\s matches, in the whole Basic Multilingual Plane', () => {
    for (let code = 0; code < 0x10000; code += 1) {
      const text = `a${String.fromCharCode(code)}b`;
      const atoms = textAtoms(text, null);
      expect(atoms.map((atom) => atom.text), `U+${code.toString(16)}`).toEqual(bySplit(text));
      expect(atoms.map((atom) => atom.kind)).toEqual(bySplit(text).map((piece) => (/^\s/.test(piece) ? 'break' : 'word')));
    }
  });

  it('keeps runs whole, reads CR LF as a newline, ranks breaks by their newlines and wraps every atom', () => {
    const bold = { open: '<b>', close: '</b>' };
    const atoms = textAtoms(' Sigurna\u00a0kuća\r\n\r\n 😀 nasilje\u2028\tx ', bold);
    expect(atoms).toEqual([
      { kind: 'break', text: ' ', wrap: bold, priority: BREAK.space },
      { kind: 'word', text: 'Sigurna', wrap: bold },
      { kind: 'break', text: '\u00a0', wrap: bold, priority: BREAK.space },
      { kind: 'word', text: 'kuća', wrap: bold },
      { kind: 'break', text: '\n\n ', wrap: bold, priority: BREAK.block },
      { kind: 'word', text: '😀', wrap: bold },
      { kind: 'break', text: ' ', wrap: bold, priority: BREAK.space },
      { kind: 'word', text: 'nasilje', wrap: bold },
      { kind: 'break', text: '\u2028\t', wrap: bold, priority: BREAK.space },
      { kind: 'word', text: 'x', wrap: bold },
      { kind: 'break', text: ' ', wrap: bold, priority: BREAK.space },
    ]);
    expect(textAtoms('a\nb', null)[1]).toMatchObject({ priority: BREAK.line });
    expect(textAtoms('', null)).toEqual([]);
  });
});
