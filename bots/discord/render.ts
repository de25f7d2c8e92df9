/**
 * Reply → Discord message payloads (the REST "Create Message" body). Pure:
 * one small function per block kind builds atoms, the format-neutral packer
 * of ../shared/split-message.ts packs them into descriptions or contents.
 *
 * Atoms carry text already escaped for Discord (escape-markdown.ts), and the
 * packer is given no escape of its own: escaping depends on where the text
 * sits (a code span is never escaped, a link label differently), which an
 * atom knows and the packer does not.
 *
 * Layout: one embed per message. A first heading becomes the embed title
 * when it fits (otherwise it is a bold line of the description); the rest is
 * the description: paragraphs apart by a blank line, list items "3. item" /
 * "• item" one a line, fields "**Label:** value" one a line, a divider a
 * "───" line. Fields are description lines rather than embed fields: embed
 * fields cap names at 256 and values at 1024, cannot be split across
 * messages, and are laid out in narrow columns on phones.
 * Every payload says `allowed_mentions: { parse: [] }`: nobody is pinged.
 */
import type { Block, Button, Field, Reply, Span } from '../../core/model/reply.ts';
import { appendAtoms, BREAK, joinLines, oneLine, splitMessage, type Atom, type Wrap } from '../shared/split-message.ts';
import { fieldLineAtoms, joinBlocks, listLineAtoms } from '../shared/block-atoms.ts';
import { clusters, discordCodeFence, discordLinkTarget, discordTextAtoms } from './escape-markdown.ts';
import { escapedDiscordPieces, toDiscordLinkLabel, toDiscordTitleText } from './escape-markdown.ts';
import { ACTION_ROWS_MAX, BUTTON_LABEL_MAX, BUTTONS_PER_ROW_MAX, CUSTOM_ID_MAX } from './limits.ts';
import { EMBED_DESCRIPTION_MAX, EMBED_TITLE_MAX, EMBED_TOTAL_MAX, MESSAGE_CONTENT_MAX } from './limits.ts';
import { listMarkers } from '../shared/block-text.ts';

export interface DiscordEmbed {
  title?: string;
  description?: string;
  fields?: Array<{ name: string; value: string; inline?: boolean }>;
  color?: number;
}

export interface DiscordButton {
  type: 2;
  /** 1 primary, 2 secondary. */
  style: 1 | 2;
  label: string;
  custom_id: string;
}

export interface DiscordActionRow {
  type: 1;
  components: DiscordButton[];
}

export interface DiscordMessagePayload {
  /** At most MESSAGE_CONTENT_MAX characters. */
  content?: string;
  embeds?: DiscordEmbed[];
  components?: DiscordActionRow[];
  /** Always present and empty: nobody is pinged, whatever the text says. */
  allowed_mentions: { parse: [] };
}

/** The caller's encoding of a button's custom id (it gets the reply's own Button objects). */
export type DiscordCustomId = (button: Button) => string;

// The only title-plus-description total one embed can reach stays under the
// all-embeds total, since a message carries a single embed.
const DESCRIPTION_ROOM = Math.min(EMBED_DESCRIPTION_MAX, EMBED_TOTAL_MAX - EMBED_TITLE_MAX);

/** One embed per message; buttons on the last. Throws when a custom id is empty or too long. */
export function renderDiscordMessages(reply: Reply, customId: DiscordCustomId): DiscordMessagePayload[] {
  const [first, ...rest] = reply.blocks;
  const title = first?.kind === 'heading' ? toDiscordTitleText(oneLine(first.text).trim()) : '';
  const hasTitle = title !== '' && title.length <= EMBED_TITLE_MAX;
  const atoms = replyAtoms(hasTitle ? rest : reply.blocks);
  const descriptions = splitMessage(atoms, { maxLength: DESCRIPTION_ROOM, escape: keep });
  let messages = descriptions.map((description, index): DiscordMessagePayload => {
    const embed: DiscordEmbed = index === 0 && hasTitle ? { title, description } : { description };
    return { embeds: [embed], allowed_mentions: noMentions() };
  });
  if (messages.length === 0 && hasTitle) messages = [{ embeds: [{ title }], allowed_mentions: noMentions() }];
  if (messages.length === 0) messages = fallbackMessages(reply.fallbackText);
  return withButtons(messages, buttonRows(reply.buttons, customId));
}

/**
 * The same reply as message content only (for when embeds are refused, e.g.
 * no Embed Links permission), the same markdown, at most MESSAGE_CONTENT_MAX
 * characters each. Buttons only when the caller gives their custom ids.
 */
export function renderDiscordPlain(reply: Reply, customId?: DiscordCustomId): DiscordMessagePayload[] {
  const contents = splitMessage(replyAtoms(reply.blocks), { maxLength: MESSAGE_CONTENT_MAX, escape: keep });
  const messages = contents.length > 0 ? contents.map(contentMessage) : fallbackMessages(reply.fallbackText);
  return customId ? withButtons(messages, buttonRows(reply.buttons, customId)) : messages;
}

function fallbackMessages(fallbackText: string): DiscordMessagePayload[] {
  const atoms = spanAtoms({ kind: 'text', text: fallbackText });
  return splitMessage(atoms, { maxLength: MESSAGE_CONTENT_MAX, escape: keep }).map(contentMessage);
}

function contentMessage(content: string): DiscordMessagePayload {
  return { content, allowed_mentions: noMentions() };
}

// A fresh object each time: a caller that adds to one payload cannot touch another.
function noMentions(): { parse: [] } {
  return { parse: [] };
}

const keep = (text: string): string => text;

const DIVIDER = '───';
const ZWSP = '\u200b';
const BLOCK: Atom = { kind: 'break', text: '\n\n', wrap: null, priority: BREAK.block };
const SECTION: Atom = { kind: 'break', text: `\n${DIVIDER}\n`, wrap: null, priority: BREAK.section };
const BOLD: Wrap = { open: '**', close: '**' };
const ITALIC: Wrap = { open: '*', close: '*' };

function replyAtoms(blocks: readonly Block[]): Atom[] {
  return joinBlocks(blocks, blockAtoms, { block: BLOCK, section: SECTION });
}

function blockAtoms(block: Block): Atom[] {
  switch (block.kind) {
    case 'heading':
      return spanAtoms({ kind: 'bold', text: oneLine(block.text) });
    case 'paragraph':
      return spansAtoms(block.spans);
    case 'list':
      return joinLines(listLines(block));
    case 'fields':
      return joinLines(block.fields.map(fieldAtoms));
    case 'divider':
      return [];
  }
}

function listLines(block: Extract<Block, { kind: 'list' }>): Atom[][] {
  return listLineAtoms(listMarkers(block), block.items.map(spansAtoms));
}

function fieldAtoms(field: Field): Atom[] {
  return fieldLineAtoms(field.label, spansAtoms(field.value), (label) => spanAtoms({ kind: 'bold', text: label }));
}

/**
 * Spans one after another. Two wrapped spans that touch get a zero-width
 * space between them unless they share one wrap (two bold spans merge):
 * `**a***b*` or `` `a```b`` `` would run the markers together, and the
 * packer, which tells wraps apart by their opening, would merge two links.
 */
function spansAtoms(spans: readonly Span[]): Atom[] {
  const atoms: Atom[] = [];
  for (const span of spans) {
    const own = spanAtoms(span);
    const before = atoms[atoms.length - 1];
    const after = own[0];
    if (before?.kind === 'word' && after?.kind === 'word' && before.wrap && after.wrap && before.wrap !== after.wrap) {
      atoms.push({ kind: 'word', text: ZWSP, wrap: null });
    }
    appendAtoms(atoms, own);
  }
  return atoms;
}

function spanAtoms(span: Span): Atom[] {
  switch (span.kind) {
    case 'text':
      return discordTextAtoms(span.text, null, escapedDiscordPieces);
    case 'bold':
      return discordTextAtoms(span.text, BOLD, escapedDiscordPieces);
    case 'italic':
      return discordTextAtoms(span.text, ITALIC, escapedDiscordPieces);
    case 'code':
      return discordTextAtoms(oneLine(span.text), discordCodeFence(oneLine(span.text)), clusters);
    case 'link':
      return linkAtoms(span.text, span.url);
  }
}

// A link whose markup is longer than this is shown as text and url: every
// part that carries a piece of the label repeats the whole markup.
const LINK_MARKUP_MAX = 600;

/** `[label](url)` for an http(s) url, otherwise "label (url)" as text. */
function linkAtoms(label: string, url: string): Atom[] {
  const target = discordLinkTarget(url);
  const shown = oneLine(label);
  const wrap = target === undefined ? null : { open: '[', close: `](${target})` };
  if (wrap && shown.trim() !== '' && wrap.open.length + wrap.close.length <= LINK_MARKUP_MAX) {
    return discordTextAtoms(shown, wrap, (text) => clusters(toDiscordLinkLabel(text)));
  }
  const shownUrl = url.trim();
  const text = shown.trim() === '' || shown.trim() === shownUrl ? shownUrl : `${shown} (${shownUrl})`;
  return discordTextAtoms(text, null, escapedDiscordPieces);
}


/**
 * Rows of at most BUTTONS_PER_ROW_MAX (a longer row wraps onto the next).
 * Every button is secondary (grey): a core Button says nothing about which
 * one matters most, and colouring the first by position would highlight
 * "‹ Previous" on a pager.
 */
function buttonRows(rows: readonly Button[][], customId: DiscordCustomId): DiscordActionRow[] {
  const seen = new Set<string>();
  return rows
    .flatMap((row) => chunk(row, BUTTONS_PER_ROW_MAX))
    .map((row): DiscordActionRow => ({ type: 1, components: row.map((button) => toDiscordButton(button, customId, seen)) }));
}

function toDiscordButton(button: Button, customId: DiscordCustomId, seen: Set<string>): DiscordButton {
  const id = customId(button);
  if (id.length === 0 || id.length > CUSTOM_ID_MAX) {
    throw new RangeError(`custom_id for "${button.actionId}" must be 1-${CUSTOM_ID_MAX} characters, got ${id.length}`);
  }
  // Discord refuses a message whose components share a custom_id.
  if (seen.has(id)) throw new RangeError(`custom_id "${id}" is used by two buttons of one reply`);
  seen.add(id);
  return { type: 2, style: 2, label: buttonLabel(button.label), custom_id: id };
}

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** One line, at most BUTTON_LABEL_MAX characters, cut between graphemes with "…". */
function buttonLabel(label: string): string {
  return shortLine(label, BUTTON_LABEL_MAX);
}

/** One line, at most `max` characters, cut between graphemes with "…" (button labels, modal titles). */
export function shortLine(value: string, max: number): string {
  const line = oneLine(value).trim();
  if (line === '') return '…';
  if (line.length <= max) return line;
  let kept = '';
  for (const { segment } of GRAPHEMES.segment(line.slice(0, max))) {
    if (kept.length + segment.length > max - 1) break;
    kept += segment;
  }
  return `${kept.trimEnd()}…`;
}

/**
 * Buttons go on the last message, ACTION_ROWS_MAX rows at most; further rows
 * follow on messages of their own rather than being dropped, so no action
 * of the reply is lost. Without any text the buttons stand alone, which
 * Discord allows (a message needs content, embeds or components).
 */
function withButtons(messages: DiscordMessagePayload[], rows: DiscordActionRow[]): DiscordMessagePayload[] {
  const groups = chunk(rows, ACTION_ROWS_MAX);
  if (groups.length === 0) return messages;
  const out = [...messages];
  const [own, ...extra] = groups;
  const last = out.pop() ?? { allowed_mentions: noMentions() };
  out.push({ ...last, components: own! });
  for (const components of extra) out.push({ components, allowed_mentions: noMentions() });
  return out;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}


