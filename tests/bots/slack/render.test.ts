import { describe, expect, it } from 'vitest';
import { escapeSlackCode, escapeSlackMrkdwn, slackLinkTarget, toSlackPlainText } from '../../../bots/slack/escape-mrkdwn.ts';
import * as L from '../../../bots/slack/limits.ts';
import { renderSlackMessages, type SlackActionId, type SlackBlock, type SlackMessage } from '../../../bots/slack/render.ts';
import { bold, code, heading, italic, link, paragraph, reply, text } from '../../../core/model/reply-builders.ts';
import type { Block, Button, Reply } from '../../../core/model/reply.ts';

const ZWSP = '\u200b';
const SHY = '\u00ad';
const byAction: SlackActionId = (button) => ({ action_id: `${button.actionId}:${button.value}`, value: button.value });
const render = (r: Reply): SlackMessage[] => renderSlackMessages(r, byAction);
const button = (n: number, label = `Button ${n}`): Button => ({ actionId: 'act', label, value: String(n) });

/** Fails unless `message` keeps every Slack limit in limits.ts. */
function expectWithinLimits(message: SlackMessage): void {
  expect(message.text.trim().length).toBeGreaterThan(0);
  expect(message.text.length).toBeLessThanOrEqual(L.MESSAGE_TEXT_MAX);
  expect(message.blocks.length).toBeGreaterThan(0);
  expect(message.blocks.length).toBeLessThanOrEqual(L.BLOCKS_PER_MESSAGE_MAX);
  const ids = new Set<string>();
  for (const block of message.blocks) expectBlockWithinLimits(block, ids);
}

function expectBlockWithinLimits(block: SlackBlock, ids: Set<string>): void {
  if (block.type === 'header') {
    expect(block.text.type).toBe('plain_text');
    expect(block.text.text.length).toBeGreaterThan(0);
    expect(block.text.text.length).toBeLessThanOrEqual(L.HEADER_TEXT_MAX);
  } else if (block.type === 'section') {
    expect(block.text.type).toBe('mrkdwn');
    expect(block.text.text.length).toBeGreaterThan(0);
    expect(block.text.text.length).toBeLessThanOrEqual(L.SECTION_TEXT_MAX);
  } else if (block.type === 'actions') {
    expect(block.elements.length).toBeGreaterThan(0);
    expect(block.elements.length).toBeLessThanOrEqual(L.ACTIONS_ELEMENTS_MAX);
    for (const element of block.elements) {
      expect(element.text.type).toBe('plain_text');
      expect(element.text.text.length).toBeGreaterThan(0);
      expect(element.text.text.length).toBeLessThanOrEqual(L.BUTTON_TEXT_MAX);
      expect(element.action_id.length).toBeGreaterThan(0);
      expect(element.action_id.length).toBeLessThanOrEqual(L.ACTION_ID_MAX);
      expect(element.value?.length ?? 0).toBeLessThanOrEqual(L.BUTTON_VALUE_MAX);
      expect(ids.has(element.action_id), `duplicate action_id ${element.action_id}`).toBe(false);
      ids.add(element.action_id);
    }
  }
}

/** Every text of a message Slack would parse or show. */
const textsOf = (message: SlackMessage): string[] => [
  message.text,
  ...message.blocks.flatMap((block) => {
    if (block.type === 'header' || block.type === 'section') return [block.text.text];
    return block.type === 'actions' ? block.elements.map((element) => element.text.text) : [];
  }),
];
const sectionTexts = (messages: SlackMessage[]): string[] =>
  messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'section' ? [b.text.text] : [])));
const only = (r: Reply): SlackMessage => {
  const messages = render(r);
  expect(messages).toHaveLength(1);
  return messages[0]!;
};
const mrkdwnOf = (r: Reply): string => sectionTexts([only(r)]).join('\n--\n');

describe('escapeSlackMrkdwn', () => {
  it.each([
    ['&', '&amp;'],
    ['<script>', '&lt;script&gt;'],
    ['a<b>c', 'a&lt;b&gt;c'],
    ['&lt; stays as typed', '&amp;lt; stays as typed'],
    ['<!channel> <@U1>', '&lt;!channel&gt; &lt;@U1&gt;'],
  ])('escapes %s as %s', (input, expected) => {
    expect(escapeSlackMrkdwn(input)).toBe(expected);
  });

  it('turns markers that could pair into look-alikes and keeps them between ASCII letters and digits', () => {
    expect(escapeSlackMrkdwn('*bold* _it_ ~strike~ `code`')).toBe('∗bold∗ ˍitˍ ∼strike∼ ˋcodeˋ');
    expect(escapeSlackMrkdwn('＊x＊ ＿y＿ ```js')).toBe('﹡x﹡ ⸏y⸏ ˋˋˋjs');
    expect(escapeSlackMrkdwn('snake_case 2*3 a~b')).toBe('snake_case 2*3 a~b');
    expect(escapeSlackMrkdwn('é*x*é a_ _b')).toBe('é∗x∗é aˍ ˍb');
  });

  it('leaves no marker next to anything but an ASCII letter or digit', () => {
    const out = escapeSlackMrkdwn('***a*** __u__ ~~s~~ ``` x`y _*_ *_x_* a__b');
    for (const match of out.matchAll(/[*_~`]/g)) {
      expect(out[match.index - 1], out).toMatch(/[A-Za-z0-9]/);
      expect(out[match.index + 1], out).toMatch(/[A-Za-z0-9]/);
    }
  });

  it('puts a soft hyphen before a > that starts a word, so no line becomes a quote', () => {
    expect(escapeSlackMrkdwn('> quote\n>> more ＞x a>b')).toBe(`${SHY}&gt; quote\n${SHY}&gt;&gt; more ${SHY}＞x a&gt;b`);
  });

  it('escapes code without look-alikes except for the backtick, which would end the span', () => {
    expect(escapeSlackCode('a*b_c ~d `e` <f>')).toBe('a*b_c ~d ˋeˋ &lt;f&gt;');
  });

  it('links only http(s) urls, with |, <, > and spaces percent-encoded and & as an entity', () => {
    expect(slackLinkTarget(' https://e.org/a b?x=1&y=|<>')).toBe('https://e.org/a%20b?x=1&amp;y=%7C%3C%3E');
    expect(slackLinkTarget('javascript:alert(1)')).toBeUndefined();
    expect(slackLinkTarget('file:///etc/passwd')).toBeUndefined();
    expect(slackLinkTarget('not a url')).toBeUndefined();
  });

  it('breaks every < in plain_text with a zero-width space and entity-escapes nothing', () => {
    expect(toSlackPlainText('<!here> & <@U1>')).toBe(`<${ZWSP}!here> & <${ZWSP}@U1>`);
  });
});

describe('renderSlackMessages layout', () => {
  it('renders each block kind into its Block Kit block', () => {
    const blocks: Block[] = [
      heading('Safeguarding policy'),
      paragraph(text('Read '), bold('this'), text(' and '), italic('that'), text(' or '), code('x<y'), text(' '), link('the guide', 'https://e.org/a')),
      { kind: 'list', ordered: true, start: 3, items: [[text('three')], [text('four')]] },
      { kind: 'divider' },
      { kind: 'list', items: [[text('dot')]] },
      { kind: 'fields', fields: [{ label: 'Author', value: [text('A. Person')] }, { label: 'Year', value: [text('2024')] }] },
    ];
    const section = (value: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text: value, verbatim: true } });
    expect(only(reply(blocks))).toEqual({
      text: 'Safeguarding policy\n\nRead this and that or x&lt;y the guide\n\n3. three\n4. four\n\n• dot\n\nAuthor: A. Person\nYear: 2024',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Safeguarding policy', emoji: true } },
        section('Read *this* and _that_ or `x&lt;y` <https://e.org/a|the guide>'),
        section('3. three\n4. four'),
        { type: 'divider' },
        section('• dot'),
        section('*Author:* A. Person\n*Year:* 2024'),
      ],
    });
  });

  it('keeps whitespace and line breaks outside style markers and separates touching styles', () => {
    expect(mrkdwnOf(reply([paragraph(italic('foo '), text('bar'))]))).toBe('_foo_ bar');
    expect(mrkdwnOf(reply([paragraph(bold('a\nb'))]))).toBe('*a*\n*b*');
    expect(mrkdwnOf(reply([paragraph(text('x'), bold('a'), italic('b'), text('y'))]))).toBe(`x${ZWSP}*a*${ZWSP}_b_${ZWSP}y`);
    expect(mrkdwnOf(reply([paragraph(bold('a'), bold('b'))]))).toBe('*ab*');
  });

  it('keeps member formatting literal in text, bold, code and the fallback', () => {
    const typed = '*bold* _it_ ~strike~ `code` > quote';
    const message = only(reply([paragraph(text(typed)), paragraph(bold(typed)), paragraph(code('`x` *y*'))]));
    const [plain, inBold, inCode] = sectionTexts([message]);
    expect(plain).toBe(`∗bold∗ ˍitˍ ∼strike∼ ˋcodeˋ ${SHY}&gt; quote`);
    expect(inBold).toBe(`*∗bold∗ ˍitˍ ∼strike∼ ˋcodeˋ ${SHY}&gt; quote*`);
    expect(inCode).toBe('`ˋxˋ *y*`');
    expect(message.text.split('\n\n')[0]).toBe(plain);
  });

  it('links http(s) urls and shows any other url as text', () => {
    expect(mrkdwnOf(reply([paragraph(link('site', 'http://e.org/'))]))).toBe('<http://e.org/|site>');
    expect(mrkdwnOf(reply([paragraph(link('x', 'javascript:alert(1)'))]))).toBe('x (javascript:alert(1))');
    expect(mrkdwnOf(reply([paragraph(link('a|b>c <!here>', 'https://e.org/?q=a|b>'))]))).toBe(
      '<https://e.org/?q=a%7Cb%3E|a∣b&gt;c &lt;!here&gt;>',
    );
    expect(mrkdwnOf(reply([paragraph(link('', 'https://e.org/x'))]))).toBe('<https://e.org/x|https://e.org/x>');
    expect(only(reply([paragraph(link('site', 'https://e.org/'))])).text).toBe('site');
  });

  it('shows the fallback text when there are no blocks, buttons alone with it, and nothing for an empty reply', () => {
    const bare = render({ blocks: [], buttons: [], private: false, fallbackText: 'hi *there* <!here>' });
    expect(bare.map((m) => sectionTexts([m]))).toEqual([['hi ∗there∗ &lt;!here&gt;']]);
    const lone = render({ blocks: [{ kind: 'divider' }], buttons: [[button(1)]], private: false, fallbackText: '' });
    expect(lone).toEqual([{ text: '…', blocks: [expect.objectContaining({ type: 'actions' })] }]);
    expect(render({ blocks: [], buttons: [], private: false, fallbackText: '' })).toEqual([]);
  });
});

describe('mention injection', () => {
  const injected = 'Hi <!channel> <!here> <!everyone> <@U012AB3CD> <#C123> <!subteam^S1> <!date^1^{date}|x>';
  const messages = render(
    reply(
      [
        heading(injected),
        heading(`${injected} ${'long '.repeat(30)}`),
        paragraph(text(injected), bold(injected)),
        paragraph(link(injected, 'https://e.org/')),
        { kind: 'fields', fields: [{ label: injected, value: [text(injected)] }] },
      ],
      { buttons: [[button(1, injected)]] },
    ),
  );

  it('renders no <!, <@ or <# in a header, section, button or fallback text', () => {
    expect(messages.flatMap((m) => m.blocks.map((b) => b.type))).toEqual(['header', 'section', 'section', 'section', 'section', 'actions']);
    for (const value of messages.flatMap(textsOf)) {
      expect(value).not.toMatch(/<[!@#]/);
      expect(value).toContain('channel');
      expect(value).toContain('U012AB3CD');
    }
  });
});

describe('limits', () => {
  /** `length` characters of distinct numbered words starting with `prefix`. */
  const words = (prefix: string, length: number): string => {
    let out = '';
    for (let i = 0; out.length + `${prefix}w${i}`.length + 1 <= length; i++) out += `${out ? ' ' : ''}${prefix}w${i}`;
    return out;
  };
  const title = words('head', 200);
  const paragraphs = Array.from({ length: 120 }, (_, i) => words(`p${i}x`, 500));
  const huge = words('huge', 6000);
  const big = reply([heading(title), ...paragraphs.map((p) => paragraph(text(p))), paragraph(text(huge))], {
    buttons: [Array.from({ length: 40 }, (_, i) => button(i))],
  });
  const messages = render(big);

  it('keeps every message within every limit and loses no word', () => {
    expect(messages.length).toBe(3);
    messages.forEach(expectWithinLimits);
    const seen = new Set(messages.flatMap((m) => sectionTexts([m]).flatMap((value) => value.split(/[^A-Za-z0-9]+/))));
    for (const word of [title, ...paragraphs, huge].join(' ').split(' ')) expect(seen.has(word), word).toBe(true);
  });

  it('puts a 200-character heading in a bold section and splits a 6000-character paragraph', () => {
    const first = messages[0]!.blocks[0]!;
    expect(first).toEqual({ type: 'section', text: { type: 'mrkdwn', text: `*${title}*`, verbatim: true } });
    const hugeParts = sectionTexts(messages).filter((value) => value.includes('hugew'));
    expect(hugeParts.length).toBeGreaterThanOrEqual(2);
    expect(hugeParts.join(' ')).toBe(huge);
  });

  it('makes each message text of its own content', () => {
    for (const message of messages.slice(0, -1)) {
      expect(message.text).toBe(sectionTexts([message]).map((value) => value.replace(/^\*|\*$/g, '')).join('\n\n'));
    }
  });

  it('puts 40 buttons in actions blocks of 25 and 15 on the last message only', () => {
    messages.slice(0, -1).forEach((m) => expect(m.blocks.some((b) => b.type === 'actions')).toBe(false));
    const actions = messages.at(-1)!.blocks.filter((b) => b.type === 'actions');
    expect(actions.map((b) => b.elements.length)).toEqual([25, 15]);
    expect(actions[0]!.elements[0]).toEqual({
      type: 'button',
      text: { type: 'plain_text', text: 'Button 0', emoji: true },
      action_id: 'act:0',
      value: '0',
    });
  });

  it('gives buttons a message of their own when the last one is full', () => {
    const full = render(reply(Array.from({ length: 50 }, (_, i) => paragraph(text(`p${i}`))), { buttons: [[button(1)]] }));
    expect(full.map((m) => m.blocks.length)).toEqual([50, 1]);
    expect(full[1]!.text.startsWith('p0\np1')).toBe(true);
    full.forEach(expectWithinLimits);
  });

  it('cuts an overlong word between whole entities', () => {
    const parts = sectionTexts(render(reply([paragraph(bold('&'.repeat(5000)))])));
    expect(parts.length).toBeGreaterThan(1);
    for (const value of parts) expect(value).toMatch(/^\*(&amp;)+\*$/);
    expect(parts.join('').split('&amp;').length - 1).toBe(5000);
  });

  it('splits a long run of touching styles between spans, each part closing its markers', () => {
    const spans = Array.from({ length: 1500 }, (_, i) => (i % 2 ? bold('&') : text('&')));
    const parts = sectionTexts(render(reply([paragraph(...spans)])));
    expect(parts.length).toBeGreaterThan(1);
    for (const value of parts) {
      expect(value).toMatch(/^(\*&amp;\*|&amp;)(\u200b(\*&amp;\*|&amp;))*$/);
      expect(value.length).toBeLessThanOrEqual(L.SECTION_TEXT_MAX);
    }
    expect(parts.join('').split('&amp;').length - 1).toBe(1500);
  });

  it('keeps the fallback text within MESSAGE_TEXT_MAX, ending on a whole block', () => {
    const [message] = render(reply(Array.from({ length: 50 }, (_, i) => paragraph(text(words(`t${i}x`, 2990))))));
    expect(message!.text.length).toBeLessThanOrEqual(L.MESSAGE_TEXT_MAX);
    expect(message!.text.endsWith('\n\n…')).toBe(true);
    expectWithinLimits(message!);
  });

  it('has a checker that catches every overrun', () => {
    const ok: SlackMessage = { text: 'x', blocks: [{ type: 'divider' }] };
    const section = (value: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text: value, verbatim: true } });
    const buttons = (n: number, label = 'b'): SlackBlock => ({
      type: 'actions',
      elements: Array.from({ length: n }, (_, i) => ({ type: 'button', text: { type: 'plain_text', text: label, emoji: true }, action_id: `a${i}` })),
    });
    expectWithinLimits(ok);
    expect(() => expectWithinLimits({ ...ok, text: ' ' })).toThrow();
    expect(() => expectWithinLimits({ ...ok, blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) })).toThrow();
    expect(() => expectWithinLimits({ ...ok, blocks: [section('x'.repeat(3001))] })).toThrow();
    expect(() => expectWithinLimits({ ...ok, blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151), emoji: true } }] })).toThrow();
    expect(() => expectWithinLimits({ ...ok, blocks: [buttons(26)] })).toThrow();
    expect(() => expectWithinLimits({ ...ok, blocks: [buttons(1, 'x'.repeat(76))] })).toThrow();
    expect(() => expectWithinLimits({ ...ok, blocks: [buttons(1), buttons(1)] })).toThrow(/duplicate/);
  });
});

describe('buttons', () => {
  const one = reply([paragraph(text('x'))], { buttons: [[button(1)]] });

  it('throws on an action_id over 255 characters or empty, a value over 2000, or a repeated action_id', () => {
    expect(() => renderSlackMessages(one, () => ({ action_id: 'x'.repeat(256), value: '' }))).toThrow(RangeError);
    expect(() => renderSlackMessages(one, () => ({ action_id: '', value: '' }))).toThrow(RangeError);
    expect(() => renderSlackMessages(one, () => ({ action_id: 'a', value: 'v'.repeat(2001) }))).toThrow(RangeError);
    const two = reply([paragraph(text('x'))], { buttons: [[button(1)], [button(2)]] });
    expect(() => renderSlackMessages(two, () => ({ action_id: 'same', value: '' }))).toThrow(/two buttons/);
  });

  it('accepts the longest action_id and value and leaves out an empty value', () => {
    const [element] = (renderSlackMessages(one, () => ({ action_id: 'x'.repeat(255), value: 'v'.repeat(2000) }))[0]!.blocks[1] as Extract<
      SlackBlock,
      { type: 'actions' }
    >).elements;
    expect([element!.action_id.length, element!.value?.length]).toEqual([255, 2000]);
    const bare = renderSlackMessages(one, () => ({ action_id: 'a', value: '' }))[0]!.blocks[1]!;
    expect(bare).toEqual({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Button 1', emoji: true }, action_id: 'a' }] });
  });

  it('truncates button text to 75 characters with an ellipsis, between graphemes', () => {
    const [message] = render(reply([paragraph(text('x'))], { buttons: [[button(1, 'L'.repeat(100)), button(2, '👍🏽'.repeat(40)), button(3, ' ')]] }));
    const labels = (message!.blocks[1] as Extract<SlackBlock, { type: 'actions' }>).elements.map((e) => e.text.text);
    expect(labels[0]).toBe(`${'L'.repeat(74)}…`);
    expect(labels[1]!.length).toBeLessThanOrEqual(L.BUTTON_TEXT_MAX);
    expect(labels[1]).toMatch(/^(👍🏽)+…$/u);
    expect(labels[2]).toBe('…');
  });
});
