import { describe, expect, it } from 'vitest';
import { renderConsoleReply, sanitizeConsoleText } from '../../../bots/console/render.ts';
import { bold, code, heading, italic, link, paragraph, reply, text } from '../../../core/model/reply-builders.ts';
import type { Block, Button, Reply } from '../../../core/model/reply.ts';

const plain = (value: Reply, buttonNumberStart = 1): string =>
  renderConsoleReply(value, { color: false, buttonNumberStart });
const colored = (value: Reply, buttonNumberStart = 1): string =>
  renderConsoleReply(value, { color: true, buttonNumberStart });

const ANSI = /[\x1b\x9b]/;
const CONTROL_EXCEPT_NEWLINE = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;
const HOSTILE = 'A\x1b[31mred\x1b[0m\x1b]0;pwned\x07\x1b[2J\x07\x08\r\x00\x9b1mB\u202eZ';

const pager = (token: string): Button[][] => [
  [
    { actionId: 'search.page', label: '‹ Previous', value: `${token}:0` },
    { actionId: 'search.page', label: 'Next ›', value: `${token}:2` },
  ],
];

describe('renderConsoleReply, plain', () => {
  it('renders a heading and a paragraph of spans as text', () => {
    const out = plain(reply([heading('Results'), paragraph(text('a '), bold('b'), text(' '), italic('c'), text(' '), code('/doc x'))]));
    expect(out).toBe('Results\na b c /doc x');
  });

  it('renders a link as label <url>, and a bare url once', () => {
    expect(plain(reply([paragraph(link('Open', 'https://example.org/a'))]))).toBe('Open <https://example.org/a>');
    expect(plain(reply([paragraph(link('https://x.org', 'https://x.org'))]))).toBe('<https://x.org>');
  });

  it('renders ordered lists from their start, unordered lists with bullets', () => {
    const ordered: Block = { kind: 'list', ordered: true, start: 6, items: [[text('six')], [text('seven')]] };
    const bullets: Block = { kind: 'list', items: [[text('one')], [text('two\nmore')]] };
    expect(plain(reply([ordered]))).toBe('  6. six\n  7. seven');
    expect(plain(reply([bullets]))).toBe('  • one\n  • two\n    more');
  });

  it('renders fields as Label: value and a divider as a line', () => {
    const fields: Block = { kind: 'fields', fields: [{ label: 'Publisher', value: [text('UNICEF')] }, { label: 'Year', value: [text('2017')] }] };
    expect(plain(reply([fields, { kind: 'divider' }]))).toBe(`Publisher: UNICEF\nYear: 2017\n${'─'.repeat(40)}`);
  });

  it('numbers buttons on one line per row, from buttonNumberStart', () => {
    expect(plain(reply([paragraph(text('p'))], { buttons: pager('t') }))).toBe('p\n[1] ‹ Previous   [2] Next ›');
    const rows = [...pager('t'), [{ actionId: 'x', label: 'Third', value: 'v' }]];
    expect(plain(reply([], { buttons: rows }), 4)).toBe('[4] ‹ Previous   [5] Next ›\n[6] Third');
  });

  it('writes no ANSI at all when colour is off', () => {
    const out = plain(reply([heading('H'), paragraph(bold('b'), italic('i'), code('c'), link('l', 'https://u')), { kind: 'divider' }], { buttons: pager('t') }));
    expect(out).not.toMatch(ANSI);
  });
});

describe('renderConsoleReply, colour', () => {
  it('styles bold, italic, code and headings with their own resets', () => {
    const out = colored(reply([heading('Title'), paragraph(bold('b'), italic('i'), code('c'))]));
    expect(out).toBe('\x1b[1;4mTitle\x1b[22;24m\n\x1b[1mb\x1b[22m\x1b[3mi\x1b[23m\x1b[7mc\x1b[27m');
  });

  it('keeps the link target visible as <url>', () => {
    const out = colored(reply([paragraph(link('Open', 'https://example.org'))]));
    expect(out).toContain('Open');
    expect(out).toContain('<https://example.org>');
  });
});

describe('member and document text is data', () => {
  it('strips escape sequences and control characters from span texts, keeping newlines', () => {
    expect(sanitizeConsoleText(HOSTILE)).toBe('AredBZ');
    expect(sanitizeConsoleText('line one\r\nline two\tend')).toBe('line one\nline two end');
  });

  it('cleans titles, link labels and urls before styling', () => {
    const hostile = reply([
      heading(`Title ${HOSTILE}`),
      paragraph(bold(`\x1b[31mViolence\x1b[0m`), text(HOSTILE), link(`\x1b]8;;https://evil\x07label`, `https://ok\x1b[2J\n/fake`)),
    ]);
    for (const out of [plain(hostile), colored(hostile)]) {
      expect(out).not.toContain('\x1b[31m');
      expect(out).not.toContain('\x1b[2J');
      expect(out).not.toContain('\x1b]');
      expect(out).not.toMatch(/[\x07\x08\r\x00\x9b\u202e]/);
    }
    expect(plain(hostile)).toBe('Title AredBZ\nViolenceAredBZlabel <https://ok /fake>');
  });

  it('cleans field labels, list items and button labels', () => {
    const out = plain(
      reply(
        [
          { kind: 'fields', fields: [{ label: `Pub\x1b[31mlisher`, value: [text(`UNI\x1b[1mCEF`)] }] },
          { kind: 'list', items: [[text(`item\x1b[5m\x07`)]] },
        ],
        { buttons: [[{ actionId: 'a', label: `Next\x1b[2K\r\n[9] Fake`, value: 'v' }]] },
      ),
    );
    expect(out).toBe('Publisher: UNICEF\n  • item\n[1] Next [9] Fake');
    expect(out).not.toMatch(/\x1b/);
  });

  it('leaves only its own escape codes in coloured output', () => {
    const out = colored(reply([paragraph(text(HOSTILE), bold(HOSTILE))]));
    const foreign = out.replace(/\x1b\[(?:1|22|3|23|7|27|1;4|22;24|4|24|2)m/g, '');
    expect(foreign).not.toMatch(/[\x1b\x9b]/);
    expect(foreign).not.toMatch(CONTROL_EXCEPT_NEWLINE);
  });
});
