import { describe, expect, it } from 'vitest';
import { escapeTelegramHtml, renderTelegramHtml, renderTelegramPlain } from '../../../bots/telegram/render.ts';
import { MESSAGE_TEXT_MAX } from '../../../bots/telegram/limits.ts';
import { blocksToPlain, bold, code, heading, italic, link, paragraph, reply, text } from '../../../core/model/reply-builders.ts';
import type { Block, Reply, Span } from '../../../core/model/reply.ts';

const RULE = '─'.repeat(12);
const TAG = /<(\/?)([a-z]+)(?:\s[^<>]*)?>/g;
const ALLOWED_TAGS = new Set(['b', 'i', 'code', 'a']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Fails unless `html` is balanced Telegram HTML with whole entities only. */
function expectWellFormed(html: string): void {
  const stack: string[] = [];
  for (const [, closing, name] of html.matchAll(TAG)) {
    expect(ALLOWED_TAGS.has(name!), `tag <${name}> in ${html}`).toBe(true);
    if (closing) expect(stack.pop(), `unbalanced </${name}> in ${html}`).toBe(name);
    else stack.push(name!);
  }
  expect(stack, `unclosed tags in ${html}`).toEqual([]);
  const outside = html.replace(TAG, '');
  expect(outside).not.toMatch(/[<>]/);
  expect(outside.replace(/&(?:amp|lt|gt|quot);/g, '')).not.toContain('&');
}

function toPlain(html: string): string {
  return html
    .replace(TAG, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Every part within the limit, non-empty, trimmed, starting on a whole grapheme. */
function expectGoodParts(parts: string[], maxLength: number): void {
  expect(parts.length).toBeGreaterThan(0);
  for (const part of parts) {
    expect(part.length).toBeLessThanOrEqual(maxLength);
    expect(part.trim()).toBe(part);
    expect(part).not.toBe('');
    expect(part).not.toMatch(LONE_SURROGATE);
    expect(part, 'a grapheme cut in two').not.toMatch(/^[\p{M}\p{Emoji_Modifier}]/u);
  }
}

const words = (value: string): string[] => value.split(/\s+/).filter(Boolean);
const squeeze = (value: string): string => value.replace(/\s+/g, '');
// A divider at a part boundary is dropped with the break it stands for.
const squeezeText = (value: string): string => squeeze(value).replaceAll(RULE, '');
const html = (blocks: Block[], maxLength?: number): string[] => renderTelegramHtml(reply(blocks), maxLength);
const one = (blocks: Block[]): string => {
  const parts = html(blocks);
  expect(parts).toHaveLength(1);
  return parts[0]!;
};

describe('escapeTelegramHtml', () => {
  it('escapes the four characters Telegram HTML needs and nothing else', () => {
    expect(escapeTelegramHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeTelegramHtml('Save & Protect')).toBe('Save &amp; Protect');
    expect(escapeTelegramHtml('a<b>c')).toBe('a&lt;b&gt;c');
    expect(escapeTelegramHtml('say "hi" \'there\'')).toBe('say &quot;hi&quot; \'there\'');
    expect(escapeTelegramHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('renderTelegramHtml, layout', () => {
  it('renders each span kind with its tag', () => {
    const out = one([paragraph(text('a '), bold('b c'), text(' '), italic('i'), text(' '), code('x<y'), text(' '), link('Open', 'https://e.org/?a=1&b="2"'))]);
    expect(out).toBe('a <b>b c</b> <i>i</i> <code>x&lt;y</code> <a href="https://e.org/?a=1&amp;b=&quot;2&quot;">Open</a>');
  });

  it('escapes member text, including a document title that tries to close the tag', () => {
    const out = one([heading('Title </b><i>x'), paragraph(bold('Report </b><script>alert(1)</script> & more'), text(' a<b>c'))]);
    expect(out).toBe(
      '<b>Title &lt;/b&gt;&lt;i&gt;x</b>\n\n<b>Report &lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</b> a&lt;b&gt;c',
    );
    expectWellFormed(out);
  });

  it('never turns a javascript: or data: url into a link, and shows it as text', () => {
    const out = one([paragraph(link('click', 'javascript:alert(1)'), text(' '), link('img', 'data:text/html,<b>x'))]);
    expect(out).not.toContain('<a');
    expect(out).toBe('click (javascript:alert(1)) img (data:text/html,&lt;b&gt;x)');
  });

  it('links http, https, tg and mailto urls; an empty label shows the url', () => {
    expect(one([paragraph(link('me', 'tg://resolve?domain=x'))])).toBe('<a href="tg://resolve?domain=x">me</a>');
    expect(one([paragraph(link('mail', 'mailto:a@b.org'))])).toBe('<a href="mailto:a@b.org">mail</a>');
    expect(one([paragraph(link('', 'http://x.org/a'))])).toBe('<a href="http://x.org/a">http://x.org/a</a>');
  });

  it('numbers ordered lists from start, bullets the others, one item a line', () => {
    const ordered: Block = { kind: 'list', ordered: true, start: 7, items: [[text('seven')], [bold('eight')]] };
    const bullets: Block = { kind: 'list', items: [[text('one')], [text('two')]] };
    expect(one([ordered, bullets])).toBe('7. seven\n8. <b>eight</b>\n\n• one\n• two');
  });

  it('renders fields with a bold label, and a divider as a rule between blocks only', () => {
    const fields: Block = { kind: 'fields', fields: [{ label: 'Author', value: [text('Ann')] }, { label: 'Year', value: [code('2020')] }] };
    const divider: Block = { kind: 'divider' };
    const out = one([divider, heading('H'), divider, divider, fields, divider]);
    expect(out).toBe(`<b>H</b>\n\n${RULE}\n\n<b>Author:</b> Ann\n<b>Year:</b> <code>2020</code>`);
  });

  it('renders an empty reply as no message at all', () => {
    expect(html([])).toEqual([]);
    expect(html([{ kind: 'divider' }, paragraph(text('  '))])).toEqual([]);
  });
});

describe('renderTelegramHtml, splitting at 4096', () => {
  const sentence = (n: number): string => `Paragraph ${n} about safeguarding & <care> of children in the region.`;

  it('splits 60 long paragraphs between paragraphs, each part well-formed, no word lost', () => {
    const texts = Array.from({ length: 60 }, (_, n) => Array.from({ length: 8 }, () => sentence(n)).join(' '));
    const parts = html(texts.map((value, n) => paragraph(n % 2 ? bold(value) : text(value))));
    expect(parts.length).toBeGreaterThan(1);
    expectGoodParts(parts, MESSAGE_TEXT_MAX);
    parts.forEach(expectWellFormed);
    const plainParts = parts.map(toPlain);
    for (const part of plainParts) for (const chunk of part.split('\n\n')) expect(texts).toContain(chunk);
    expect(words(plainParts.join(' '))).toEqual(words(texts.join(' ')));
  });

  it('splits one paragraph longer than a message between words', () => {
    const value = Array.from({ length: 900 }, (_, n) => `word${n}`).join(' ');
    const parts = html([paragraph(text(value))]);
    expect(parts.length).toBe(2);
    expectGoodParts(parts, MESSAGE_TEXT_MAX);
    expect(words(parts.join(' '))).toEqual(words(value));
  });

  it('closes and reopens a bold span that is split across parts', () => {
    const value = Array.from({ length: 1200 }, (_, n) => `b${n}`).join(' ');
    const parts = html([paragraph(text('Lead:'), text(' '), bold(value))]);
    expect(parts.length).toBeGreaterThan(1);
    expectGoodParts(parts, MESSAGE_TEXT_MAX);
    parts.forEach(expectWellFormed);
    parts.slice(1).forEach((part) => expect(part.startsWith('<b>')).toBe(true));
    parts.forEach((part) => expect(part.endsWith('</b>')).toBe(true));
    expect(words(parts.map(toPlain).join(' '))).toEqual(['Lead:', ...words(value)]);
  });

  it('cuts a 5000-character token without spaces only because it must', () => {
    const token = 'x'.repeat(5000);
    const parts = html([paragraph(text('before')), paragraph(code(token))]);
    expectGoodParts(parts, MESSAGE_TEXT_MAX);
    parts.forEach(expectWellFormed);
    expect(parts[0]).toBe('before');
    expect(parts.slice(1).map(toPlain).join('')).toBe(token);
  });

  it('never cuts an entity, an emoji or an accented letter in half', () => {
    const token = 'a&😀<👍🏽e\u0301'.repeat(1000);
    const parts = html([paragraph(italic(token))]);
    expect(parts.length).toBeGreaterThan(1);
    expectGoodParts(parts, MESSAGE_TEXT_MAX);
    parts.forEach(expectWellFormed);
    expect(parts.map(toPlain).join('')).toBe(token);
  });

  it('refuses a maxLength too small to hold one escaped character', () => {
    expect(() => html([paragraph(text('x'))], 5)).toThrow(RangeError);
  });
});

/** A small seeded generator, so the property run is the same every time. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const VOCABULARY = ['child', 'care', '<b>', 'a<b>c', '&', '"q"', 'Дети', '😀👍🏽', 'e\u0301té', 'x'.repeat(70), '&amp;', '</a>'];

function randomReply(random: () => number): Reply {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const phrase = (): string => Array.from({ length: 1 + Math.floor(random() * 12) }, () => pick(VOCABULARY)).join(pick([' ', ' ', '\n']));
  const span = (): Span =>
    pick<() => Span>([
      () => text(phrase()),
      () => bold(phrase()),
      () => italic(phrase()),
      () => code(phrase()),
      () => link(phrase(), `https://example.org/${pick(VOCABULARY)}/documents?id=42`),
      () => link(phrase(), 'javascript:alert(1)'),
    ])();
  const spans = (): Span[] => Array.from({ length: 1 + Math.floor(random() * 4) }, () => span());
  const block = (): Block =>
    pick<() => Block>([
      () => heading(phrase()),
      () => paragraph(...spans()),
      () => ({ kind: 'list', ordered: random() < 0.5, start: 9, items: [spans(), spans()] }),
      () => ({ kind: 'fields', fields: [{ label: phrase(), value: spans() }] }),
      () => ({ kind: 'divider' }),
    ])();
  return reply(Array.from({ length: 1 + Math.floor(random() * 6) }, () => block()));
}

describe('small maxLength, property style', () => {
  it('keeps every part within 50, well-formed and trimmed, and loses no text', () => {
    const random = seeded(20240611);
    for (let run = 0; run < 200; run++) {
      const value = randomReply(random);
      const whole = renderTelegramPlain(value, 1_000_000).join('');
      const htmlParts = renderTelegramHtml(value, 50);
      const plainParts = renderTelegramPlain(value, 50);
      if (whole === '') {
        expect([htmlParts, plainParts]).toEqual([[], []]);
        continue;
      }
      expectGoodParts(htmlParts, 50);
      expectGoodParts(plainParts, 50);
      htmlParts.forEach(expectWellFormed);
      expect(squeezeText(htmlParts.map(toPlain).join(''))).toBe(squeezeText(whole));
      expect(squeezeText(plainParts.join(''))).toBe(squeezeText(whole));
    }
  });
});

describe('renderTelegramPlain', () => {
  it('writes no tags and keeps the text characters as they are', () => {
    const value = reply([heading('Title'), paragraph(text('a<b>c & '), bold('"bold"'), text(' '), code('<code>'))]);
    expect(renderTelegramPlain(value)).toEqual(['Title\n\na<b>c & "bold" <code>']);
  });

  it('shows a link as label (url), a bare url once', () => {
    const value = reply([paragraph(link('Open', 'https://e.org/a'), text(' '), link('https://x.org', 'https://x.org'))]);
    expect(renderTelegramPlain(value)).toEqual(['Open (https://e.org/a) https://x.org']);
  });

  it('has the words of blocksToPlain, in the same layout as the HTML', () => {
    const blocks: Block[] = [
      heading('Results'),
      { kind: 'list', ordered: true, start: 2, items: [[text('one')], [italic('two')]] },
      { kind: 'fields', fields: [{ label: 'Year', value: [text('2017')] }] },
    ];
    const [out] = renderTelegramPlain(reply(blocks));
    expect(out).toBe('Results\n\n2. one\n3. two\n\nYear: 2017');
    expect(words(out!)).toEqual(words(blocksToPlain(blocks)));
    expect(out).toBe(toPlain(one(blocks)));
  });

  it('splits long text by the same rules', () => {
    const value = Array.from({ length: 900 }, (_, n) => `<w${n}>`).join(' ');
    const parts = renderTelegramPlain(reply([paragraph(bold(value))]));
    expect(parts.length).toBe(2);
    expectGoodParts(parts, MESSAGE_TEXT_MAX);
    expect(words(parts.join(' '))).toEqual(words(value));
  });
});
