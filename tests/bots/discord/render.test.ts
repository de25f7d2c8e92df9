import { describe, expect, it } from 'vitest';
import { discordCodeFence, escapeDiscordMarkdown } from '../../../bots/discord/escape-markdown.ts';
import * as L from '../../../bots/discord/limits.ts';
import { renderDiscordMessages, renderDiscordPlain, type DiscordMessagePayload } from '../../../bots/discord/render.ts';
import { bold, code, heading, italic, link, paragraph, reply, text } from '../../../core/model/reply-builders.ts';
import type { Block, Button, Reply } from '../../../core/model/reply.ts';

const ZWSP = '\u200b';
const byAction = (button: Button): string => `${button.actionId}:${button.value}`;
const render = (r: Reply): DiscordMessagePayload[] => renderDiscordMessages(r, byAction);
const button = (n: number, label = `Button ${n}`): Button => ({ actionId: 'act', label, value: String(n) });

/** Fails unless `payload` keeps every Discord limit in limits.ts. */
function expectWithinLimits(payload: DiscordMessagePayload): void {
  expect(payload.allowed_mentions).toEqual({ parse: [] });
  expect(payload.content !== undefined || (payload.embeds?.length ?? 0) > 0 || (payload.components?.length ?? 0) > 0).toBe(true);
  if (payload.content !== undefined) {
    expect(payload.content.length).toBeGreaterThan(0);
    expect(payload.content.length).toBeLessThanOrEqual(L.MESSAGE_CONTENT_MAX);
  }
  expectEmbedsWithinLimits(payload.embeds ?? []);
  expectComponentsWithinLimits(payload.components ?? []);
}

type Embed = NonNullable<DiscordMessagePayload['embeds']>[number] & { footer?: { text: string }; author?: { name: string } };

/** Each embed's own limits, and the 6000 total over all the embeds of the message. */
function expectEmbedsWithinLimits(embeds: Embed[]): void {
  expect(embeds.length).toBeLessThanOrEqual(L.EMBEDS_PER_MESSAGE_MAX);
  let total = 0;
  for (const embed of embeds) {
    expect(embed.title !== undefined || embed.description !== undefined || (embed.fields?.length ?? 0) > 0).toBe(true);
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(L.EMBED_TITLE_MAX);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(L.EMBED_DESCRIPTION_MAX);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(L.EMBED_FIELDS_MAX);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(L.EMBED_FOOTER_TEXT_MAX);
    total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
    total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(L.EMBED_FIELD_NAME_MAX);
      expect(field.value.length).toBeLessThanOrEqual(L.EMBED_FIELD_VALUE_MAX);
      total += field.name.length + field.value.length;
    }
  }
  expect(total).toBeLessThanOrEqual(L.EMBED_TOTAL_MAX);
}

function expectComponentsWithinLimits(rows: NonNullable<DiscordMessagePayload['components']>): void {
  expect(rows.length).toBeLessThanOrEqual(L.ACTION_ROWS_MAX);
  const ids = new Set<string>();
  for (const row of rows) {
    expect(row.type).toBe(1);
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(L.BUTTONS_PER_ROW_MAX);
    for (const b of row.components) {
      expect(b.type).toBe(2);
      expect(b.label.length).toBeGreaterThan(0);
      expect(b.label.length).toBeLessThanOrEqual(L.BUTTON_LABEL_MAX);
      expect(b.custom_id.length).toBeGreaterThan(0);
      expect(b.custom_id.length).toBeLessThanOrEqual(L.CUSTOM_ID_MAX);
      expect(ids.has(b.custom_id), `duplicate custom_id ${b.custom_id}`).toBe(false);
      ids.add(b.custom_id);
    }
  }
}

/** Every text Discord would show of a payload. */
const textsOf = (payload: DiscordMessagePayload): string[] =>
  [payload.content, ...(payload.embeds ?? []).flatMap((embed) => [embed.title, embed.description])].filter(
    (value): value is string => value !== undefined,
  );

/** What Discord shows of escaped text: "\x" reads as "x", the zero-width spaces are invisible. */
const shown = (value: string): string => value.replace(/\\([^0-9A-Za-z\s])/g, '$1').replaceAll(ZWSP, '');
const description = (r: Reply): string => {
  const messages = render(r);
  expect(messages).toHaveLength(1);
  return messages[0]!.embeds![0]!.description!;
};

describe('escapeDiscordMarkdown', () => {
  it.each([
    ['**x**', '\\*\\*x\\*\\*'],
    ['_x_', '\\_x\\_'],
    ['~~x~~', '\\~\\~x\\~\\~'],
    ['||spoiler||', '\\|\\|spoiler\\|\\|'],
    ['> quote', '\\> quote'],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['`code`', '\\`code\\`'],
    ['a\\b \\*', 'a\\\\b \\\\\\*'],
    ['[click](https://evil)', '\\[click\\]\\(<https://evil>\\)'],
  ])('shows %s literally', (input, expected) => {
    expect(escapeDiscordMarkdown(input)).toBe(expected);
    expect(shown(expected.replace(/<(https:[^>]*)>/g, '$1'))).toBe(input);
  });

  it('leaves no markdown character unescaped outside autolinks', () => {
    const nasty = '\\\\*_~`|>#-[]()  ***a*** __u__ ||s|| [x](https://a.b/c_d) ```js\nx```';
    const out = escapeDiscordMarkdown(nasty).replace(/<https?:[^>]*>/g, '');
    expect(out.replace(/\\[\\*_~`|>#\-[\]()]/g, '')).not.toMatch(/[\\*_~`|>#\-[\]()]/);
  });

  it('keeps a bare url clickable as an autolink instead of escaping inside it', () => {
    expect(escapeDiscordMarkdown('see https://example.org/a_b*c, ok')).toBe('see <https://example.org/a_b>\\*c, ok');
    expect(escapeDiscordMarkdown('(https://example.org/x)')).toBe('\\(<https://example.org/x>\\)');
  });

  it('puts a zero-width space after every < and @', () => {
    expect(escapeDiscordMarkdown('@everyone <@123>')).toBe(`@${ZWSP}everyone <${ZWSP}@${ZWSP}123\\>`);
  });
});

describe('inline code', () => {
  it('chooses a fence longer than any backtick run and pads when the text holds one', () => {
    expect(discordCodeFence('plain')).toEqual({ open: '`', close: '`' });
    expect(discordCodeFence('a`b')).toEqual({ open: '`` ', close: ' ``' });
    expect(discordCodeFence('``x`')).toEqual({ open: '``` ', close: ' ```' });
  });

  it('renders code text without escapes, since backslashes are literal inside code', () => {
    expect(description(reply([paragraph(text('run '), code('a\\*b_c'))]))).toBe('run `a\\*b_c`');
    expect(description(reply([paragraph(code('`start'))]))).toBe('`` `start ``');
    expect(description(reply([paragraph(code('end`'))]))).toBe('`` end` ``');
  });
});

describe('renderDiscordMessages layout', () => {
  it('makes a first heading the title and the rest markdown description', () => {
    const blocks: Block[] = [
      heading('Safeguarding policy'),
      paragraph(text('Read '), bold('this'), text(' and '), italic('that'), text(' or '), link('the guide', 'https://example.org/a (b)')),
      { kind: 'list', ordered: true, start: 3, items: [[text('three')], [text('four')]] },
      { kind: 'divider' },
      { kind: 'list', items: [[text('dot')]] },
      { kind: 'fields', fields: [{ label: 'Author', value: [text('A. Person')] }] },
    ];
    const [message, ...rest] = render(reply(blocks));
    expect(rest).toEqual([]);
    expect(message!.embeds).toEqual([
      {
        title: 'Safeguarding policy',
        description:
          'Read **this** and *that* or [the guide](https://example.org/a%20%28b%29)\n\n3. three\n4. four\n───\n• dot\n\n**Author:** A. Person',
      },
    ]);
    expect(message!.allowed_mentions).toEqual({ parse: [] });
  });

  it('keeps whitespace and line breaks outside style markers and separates touching styles', () => {
    expect(description(reply([paragraph(italic('foo '), text('bar'))]))).toBe('*foo* bar');
    expect(description(reply([paragraph(bold('a\nb'))]))).toBe('**a**\n**b**');
    expect(description(reply([paragraph(bold('a'), italic('b'))]))).toBe(`**a**${ZWSP}*b*`);
    expect(description(reply([paragraph(bold('a'), bold('b'))]))).toBe('**ab**');
    expect(description(reply([paragraph(link('a', 'https://a.org/'), link('b', 'https://b.org/'))]))).toBe(
      `[a](https://a.org/)${ZWSP}[b](https://b.org/)`,
    );
  });

  it('links only http(s) urls and keeps other urls visible as text', () => {
    expect(description(reply([paragraph(link('x', 'javascript:alert(1)'))]))).toBe('x \\(javascript:alert\\(1\\)\\)');
    expect(description(reply([paragraph(link('[a] b', 'https://e.org/'))]))).toBe('[(a) b](https://e.org/)');
  });

  it('does not escape the title (Discord shows the backslashes there) but breaks masked links in it', () => {
    const [message] = render(reply([heading('a_b *c* [x](https://evil)'), paragraph(text('body'))]));
    expect(message!.embeds![0]!.title).toBe(`a_b *c* [x]${ZWSP}(https://evil)`);
  });

  it('falls back to the fallback text, or to buttons alone, when there are no blocks', () => {
    expect(render({ blocks: [], buttons: [], private: false, fallbackText: 'hi *there*' })).toEqual([
      { content: 'hi \\*there\\*', allowed_mentions: { parse: [] } },
    ]);
    const lone = render({ blocks: [], buttons: [[button(1)]], private: false, fallbackText: '' });
    expect(lone).toHaveLength(1);
    expect(lone[0]!.components).toHaveLength(1);
    lone.forEach(expectWithinLimits);
  });
});

describe('mention injection', () => {
  const injected = 'Hi @everyone and @here, <@123> <@!1> <@&456> <#789> <t:1700000000:R> <:e:1> </cmd:1>';
  const messages = [
    ...render(reply([heading(injected), paragraph(text(injected)), paragraph(bold(injected))])),
    ...renderDiscordPlain(reply([heading(injected), paragraph(italic(injected))])),
  ];

  it('renders no sequence Discord would draw as a mention, in titles and in text', () => {
    expect(messages.some((m) => m.embeds?.[0]?.title !== undefined)).toBe(true);
    for (const value of messages.flatMap(textsOf)) {
      expect(value).not.toMatch(/@(everyone|here)/);
      expect(value).not.toMatch(/<[@#:/t]/);
      expect(shown(value)).toContain('everyone');
    }
  });

  it('sends every payload with allowed_mentions parse []', () => {
    for (const message of messages) expect(message.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('limits', () => {
  const words = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${prefix}w${i}`);
  const line = (prefix: string, length: number): string => {
    let out = '';
    for (const word of words(prefix, length)) if (out.length + word.length + 1 <= length) out += (out ? ' ' : '') + word;
    return out;
  };
  const title = line('head', 300);
  const items = Array.from({ length: 100 }, (_, i) => [text(line(`i${i}`, 200))]);
  const fields = Array.from({ length: 40 }, (_, i) => ({ label: `Label${i}`, value: [text(line(`f${i}`, 200))] }));
  const big = reply(
    [heading(title), { kind: 'list', ordered: true, items }, { kind: 'fields', fields }, paragraph(text(line('end', 50)))],
    { buttons: [Array.from({ length: 7 }, (_, i) => button(i))] },
  );
  const inputWords = [title, ...items.map((item) => item[0]!.text), ...fields.map((f) => `${f.label} ${f.value[0]!.text}`)]
    .join(' ')
    .split(/\s+/);

  it.each([
    ['embeds', () => render(big)],
    ['plain', () => renderDiscordPlain(big, byAction)],
  ])('keeps every %s message within every limit and loses no word', (_, make) => {
    const messages = make();
    expect(messages.length).toBeGreaterThan(1);
    messages.forEach(expectWithinLimits);
    const shownWords = new Set(messages.flatMap(textsOf).flatMap((value) => shown(value).replace(/\*\*/g, ' ').split(/[\s:]+/)));
    for (const word of inputWords) expect(shownWords.has(word), word).toBe(true);
  });

  it('has a checker that catches an overlong description, a 6000 total over embeds and a missing allowed_mentions', () => {
    const ok: DiscordMessagePayload = { allowed_mentions: { parse: [] } };
    expect(() => expectWithinLimits({ ...ok, embeds: [{ description: 'x'.repeat(4097) }] })).toThrow();
    expect(() => expectWithinLimits({ ...ok, embeds: [{ description: 'x'.repeat(4000) }, { description: 'y'.repeat(2001) }] })).toThrow();
    expect(() => expectWithinLimits({ content: 'x' } as DiscordMessagePayload)).toThrow();
  });

  it('puts a heading longer than the title limit in the description instead', () => {
    const [first] = render(big);
    expect(title.length).toBeGreaterThan(L.EMBED_TITLE_MAX);
    expect(first!.embeds![0]!.title).toBeUndefined();
    expect(first!.embeds![0]!.description!.startsWith(`**${title}**`)).toBe(true);
  });

  it('cuts an overlong word between whole escapes, never after a lone backslash', () => {
    const stars = '*'.repeat(5000);
    const messages = [...render(reply([paragraph(bold(stars))])), ...renderDiscordPlain(reply([paragraph(text(stars))]))];
    messages.forEach(expectWithinLimits);
    const texts = messages.flatMap(textsOf);
    for (const value of texts) expect(value.replace(/\\./g, '')).not.toMatch(/\\/);
    const count = (value: string): number => (value.match(/\\\*/g) ?? []).length;
    expect(texts.reduce((sum, value) => sum + count(value), 0)).toBe(10000);
  });
});

describe('buttons', () => {
  const long = reply([paragraph(text('word '.repeat(1500)))], { buttons: [Array.from({ length: 7 }, (_, i) => button(i))] });

  it('wraps 7 buttons into rows of 5 and 2 on the last message only', () => {
    const messages = render(long);
    expect(messages.length).toBeGreaterThan(1);
    messages.slice(0, -1).forEach((m) => expect(m.components).toBeUndefined());
    const rows = messages.at(-1)!.components!;
    expect(rows.map((row) => row.components.length)).toEqual([5, 2]);
    expect(rows[0]!.components[0]).toEqual({ type: 2, style: 2, label: 'Button 0', custom_id: 'act:0' });
    messages.forEach(expectWithinLimits);
  });

  it('moves rows past the fifth onto a message of their own', () => {
    const messages = render(reply([paragraph(text('x'))], { buttons: [Array.from({ length: 30 }, (_, i) => button(i))] }));
    expect(messages.map((m) => m.components?.length)).toEqual([5, 1]);
    messages.forEach(expectWithinLimits);
  });

  it('throws on a custom id over 100 characters, an empty one or a repeated one', () => {
    const one = reply([paragraph(text('x'))], { buttons: [[button(1)]] });
    expect(() => renderDiscordMessages(one, () => 'x'.repeat(101))).toThrow(RangeError);
    expect(() => renderDiscordMessages(one, () => '')).toThrow(RangeError);
    expect(renderDiscordMessages(one, () => 'x'.repeat(100))[0]!.components![0]!.components[0]!.custom_id).toHaveLength(100);
    const two = reply([paragraph(text('x'))], { buttons: [[button(1), button(2)]] });
    expect(() => renderDiscordMessages(two, () => 'same')).toThrow(/two buttons/);
  });

  it('truncates labels to 80 characters with an ellipsis, between graphemes', () => {
    const labels = render(reply([paragraph(text('x'))], { buttons: [[button(1, 'L'.repeat(100)), button(2, '👍🏽'.repeat(40))]] }))[0]!
      .components![0]!.components.map((b) => b.label);
    expect(labels[0]).toBe(`${'L'.repeat(79)}…`);
    expect(labels[1]!.length).toBeLessThanOrEqual(L.BUTTON_LABEL_MAX);
    expect(labels[1]).toMatch(/^(👍🏽)+…$/u);
  });
});
