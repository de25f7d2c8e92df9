/**
 * Reply → Slack messages (chat.postMessage `text` + Block Kit `blocks`). Pure:
 * one small function per block kind builds atoms, the format-neutral packer
 * of ../shared/split-message.ts packs them into section texts of at most
 * SECTION_TEXT_MAX, ending at a block, then a line, then a word, never inside
 * a word or a style.
 *
 * Atoms carry text already escaped for mrkdwn (escape-mrkdwn.ts), since the
 * escape depends on where the text sits (code, link label, plain text).
 * Style markers are private-use sentinels of the same length while packing;
 * a packed part becomes the section's mrkdwn (sentinels → `*` `_` `` ` ``
 * `<url|` `>`) and its share of the fallback text (sentinels and link
 * targets dropped), so each message's `text` is exactly its own content.
 *
 * Layout, one reply block at a time:
 * - heading → `header` (plain_text, ≤ HEADER_TEXT_MAX); longer → a bold section;
 * - paragraph → section(s) of mrkdwn: `*bold*`, `_italic_`, `` `code` ``, `<url|label>`;
 * - list → section(s) of lines "3. item" / "• item";
 * - fields → section(s) of lines "*Label:* value". Lines rather than Slack's
 *   `fields`: those cap at 10 per section and 2000 characters each, sit in
 *   two narrow columns, and cannot be split across messages;
 * - divider → `divider`.
 * Every mrkdwn text object says `verbatim: true`, so Slack does not turn bare
 * `#channel`, `@here` or urls in member text into links or mentions.
 * More than BLOCKS_PER_MESSAGE_MAX blocks → further messages. Buttons: each
 * core row is one `actions` block (a row longer than ACTIONS_ELEMENTS_MAX
 * wraps), on the last message; when they do not fit beside its content they
 * get a message of their own. `reply.private` is the adapter's business
 * (chat.postEphemeral); it does not change the rendering.
 */
import type { Block, Button, Field, Reply, Span } from '../../core/model/reply.ts';
import { appendAtoms, joinLines, oneLine, splitMessage, type Atom, type Wrap } from '../shared/split-message.ts';
import { fieldLineAtoms, listLineAtoms } from '../shared/block-atoms.ts';
import { escapeSlackCode, escapeSlackMrkdwn, slackLinkTarget, slackTextAtoms } from './escape-mrkdwn.ts';
import { toSlackLinkLabel, toSlackPlainText } from './escape-mrkdwn.ts';
import { ACTION_ID_MAX, ACTIONS_ELEMENTS_MAX, BLOCKS_PER_MESSAGE_MAX, BUTTON_TEXT_MAX, BUTTON_VALUE_MAX } from './limits.ts';
import { HEADER_TEXT_MAX, MESSAGE_TEXT_MAX, SECTION_TEXT_MAX } from './limits.ts';
import { listMarkers } from '../shared/block-text.ts';

export interface SlackPlainText {
  type: 'plain_text';
  text: string;
  emoji: true;
}

export interface SlackMrkdwnText {
  type: 'mrkdwn';
  text: string;
  verbatim: true;
}

export interface SlackButtonElement {
  type: 'button';
  text: SlackPlainText;
  action_id: string;
  /** Left out when the callback gives an empty value. */
  value?: string;
}

export type SlackBlock =
  | { type: 'header'; text: SlackPlainText }
  | { type: 'section'; text: SlackMrkdwnText }
  | { type: 'divider' }
  | { type: 'actions'; elements: SlackButtonElement[] };

export interface SlackMessage {
  /** Notification fallback: plain, mrkdwn-escaped, at most MESSAGE_TEXT_MAX, never empty. */
  text: string;
  /** At most BLOCKS_PER_MESSAGE_MAX. */
  blocks: SlackBlock[];
}

/**
 * The caller's encoding of a button (it gets the reply's own Button objects).
 * It must give every button of a reply its own action_id: Bolt routes a press
 * by action_id alone, so the renderer throws on a repeat rather than rename it.
 */
export type SlackActionId = (button: Button) => { action_id: string; value: string };

/** A rendered block with its share of the message's fallback text. */
interface Rendered {
  block: SlackBlock;
  plain: string;
}

/**
 * The messages of a reply, in order; none for a reply with no block, no
 * button and no fallback text. Throws a RangeError when an action_id is
 * empty, over ACTION_ID_MAX or repeated, or a value is over BUTTON_VALUE_MAX.
 */
export function renderSlackMessages(reply: Reply, actionId: SlackActionId): SlackMessage[] {
  let content = reply.blocks.flatMap(renderBlock);
  if (!content.some((rendered) => rendered.plain !== '')) content = sections(textSpanAtoms(reply.fallbackText));
  const actions = actionsBlocks(reply.buttons, actionId).map((block): Rendered => ({ block, plain: '' }));
  const pages = chunk(content, BLOCKS_PER_MESSAGE_MAX);
  const last = pages[pages.length - 1];
  if (last && last.length + actions.length <= BLOCKS_PER_MESSAGE_MAX) appendAll(last, actions);
  else pages.push(...chunk(actions, BLOCKS_PER_MESSAGE_MAX));
  return pages.map((page) => ({ text: fallbackText(page, reply), blocks: page.map((rendered) => rendered.block) }));
}

function renderBlock(block: Block): Rendered[] {
  switch (block.kind) {
    case 'heading':
      return headingBlocks(block.text);
    case 'paragraph':
      return sections(spansAtoms(block.spans));
    case 'list':
      return sections(joinLines(listLines(block)));
    case 'fields':
      return sections(joinLines(block.fields.map(fieldAtoms)));
    case 'divider':
      return [{ block: { type: 'divider' }, plain: '' }];
  }
}

function headingBlocks(heading: string): Rendered[] {
  const line = oneLine(heading).trim();
  const shown = toSlackPlainText(line);
  if (shown.length > HEADER_TEXT_MAX) return sections(slackTextAtoms(line, BOLD, mrkdwn));
  if (line === '') return [];
  return [{ block: { type: 'header', text: plainText(shown) }, plain: mrkdwn(line) }];
}

/** Sections of at most SECTION_TEXT_MAX characters each. */
function sections(atoms: readonly Atom[]): Rendered[] {
  return splitMessage(atoms, { maxLength: SECTION_TEXT_MAX, escape: keep }).map((part) => ({
    block: { type: 'section', text: { type: 'mrkdwn', text: toMrkdwn(part), verbatim: true } },
    plain: toPlain(part),
  }));
}

// Private-use sentinels, one character like the markup each stands for.
const SENTINELS = /[\ue001-\ue006]/g;
const LINK_TARGET = /\ue004[^\ue005]*\ue005/g;
const MRKDWN_OF: Record<string, string> = {
  '\ue001': '*',
  '\ue002': '_',
  '\ue003': '`',
  '\ue004': '<',
  '\ue005': '|',
  '\ue006': '>',
};
const BOLD: Wrap = { open: '\ue001', close: '\ue001' };
const ITALIC: Wrap = { open: '\ue002', close: '\ue002' };
const CODE: Wrap = { open: '\ue003', close: '\ue003' };
const linkWrap = (target: string): Wrap => ({ open: `\ue004${target}\ue005`, close: '\ue006' });

const toMrkdwn = (part: string): string => part.replace(SENTINELS, (char) => MRKDWN_OF[char] ?? char);
const toPlain = (part: string): string => part.replace(LINK_TARGET, '').replace(SENTINELS, '');
/** Member text never holds a sentinel of ours. */
const clean = (text: string): string => text.replace(/[\ue000-\ue00f]/g, '\ufffd');
const mrkdwn = (text: string): string => escapeSlackMrkdwn(clean(text));
const keep = (text: string): string => text;

// A break, so it closes the style before it, and a long run of touching
// styles can still be split there (where it is dropped: no neighbour, no need).
const SEPARATOR: Atom = { kind: 'break', text: '\u200b', wrap: null, priority: 0 };

function listLines(block: Extract<Block, { kind: 'list' }>): Atom[][] {
  return listLineAtoms(listMarkers(block), block.items.map(spansAtoms));
}

function fieldAtoms(field: Field): Atom[] {
  return fieldLineAtoms(field.label, spansAtoms(field.value), (label) => slackTextAtoms(label, BOLD, mrkdwn));
}

/**
 * Spans one after another. A style marker only works at a word boundary
 * (`foo*bar*` is not bold), so a zero-width space goes between two touching
 * words of different styles: jsx-slack's "exact mode" trick
 * (https://github.com/yhatt/jsx-slack/blob/main/docs/about-escape-and-exact-mode.md).
 * Two spans of one style merge.
 */
function spansAtoms(spans: readonly Span[]): Atom[] {
  const atoms: Atom[] = [];
  for (const span of spans) {
    const own = spanAtoms(span);
    const before = atoms[atoms.length - 1];
    const after = own[0];
    if (before?.kind === 'word' && after?.kind === 'word' && before.wrap?.open !== after.wrap?.open) {
      atoms.push(SEPARATOR);
    }
    appendAtoms(atoms, own);
  }
  return atoms;
}

function spanAtoms(span: Span): Atom[] {
  switch (span.kind) {
    case 'text':
      return textSpanAtoms(span.text);
    case 'bold':
      return slackTextAtoms(span.text, BOLD, mrkdwn);
    case 'italic':
      return slackTextAtoms(span.text, ITALIC, mrkdwn);
    case 'code':
      return slackTextAtoms(oneLine(span.text), CODE, (text) => escapeSlackCode(clean(text)));
    case 'link':
      return linkAtoms(span.text, span.url);
  }
}

const textSpanAtoms = (text: string): Atom[] => slackTextAtoms(text, null, mrkdwn);

// A link whose target is longer than this is shown as text and url: every
// section that carries a piece of the label repeats the whole target.
const LINK_TARGET_MAX = 600;

/** `<url|label>` for an http(s) url, otherwise "label (url)" as text. */
function linkAtoms(label: string, url: string): Atom[] {
  const target = slackLinkTarget(url);
  const shown = oneLine(label).trim() === '' ? url.trim() : oneLine(label);
  if (target !== undefined && target.length <= LINK_TARGET_MAX) {
    return slackTextAtoms(shown, linkWrap(target), (text) => toSlackLinkLabel(clean(text)));
  }
  return textSpanAtoms(shown.trim() === url.trim() ? shown : `${shown} (${url.trim()})`);
}

function plainText(text: string): SlackPlainText {
  return { type: 'plain_text', text, emoji: true };
}

/** One actions block per core row, wrapped at ACTIONS_ELEMENTS_MAX buttons. */
function actionsBlocks(rows: readonly Button[][], actionId: SlackActionId): SlackBlock[] {
  const seen = new Set<string>();
  return rows
    .flatMap((row) => chunk(row, ACTIONS_ELEMENTS_MAX))
    .map((row): SlackBlock => ({ type: 'actions', elements: row.map((button) => toSlackButton(button, actionId, seen)) }));
}

function toSlackButton(button: Button, actionId: SlackActionId, seen: Set<string>): SlackButtonElement {
  const { action_id, value } = actionId(button);
  if (action_id.length === 0 || action_id.length > ACTION_ID_MAX) {
    throw new RangeError(`action_id for "${button.actionId}" must be 1-${ACTION_ID_MAX} characters, got ${action_id.length}`);
  }
  if (value.length > BUTTON_VALUE_MAX) {
    throw new RangeError(`value for "${button.actionId}" must be at most ${BUTTON_VALUE_MAX} characters, got ${value.length}`);
  }
  if (seen.has(action_id)) throw new RangeError(`action_id "${action_id}" is used by two buttons of one reply`);
  seen.add(action_id);
  const element: SlackButtonElement = { type: 'button', text: plainText(buttonText(button.label)), action_id };
  return value === '' ? element : { ...element, value };
}

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// Room past the limit, so the last grapheme that could fit is seen whole.
const GRAPHEME_SLACK = 32;

/** One line, at most BUTTON_TEXT_MAX characters, cut between graphemes with "…". */
function buttonText(label: string): string {
  return shortPlainText(label, BUTTON_TEXT_MAX);
}

/** One line of plain_text, at most `max` characters, cut between graphemes with "…" (button texts, modal titles). */
export function shortPlainText(value: string, max: number): string {
  const line = toSlackPlainText(oneLine(value).trim());
  if (line === '') return PLACEHOLDER;
  if (line.length <= max) return line;
  let kept = '';
  for (const { segment } of GRAPHEMES.segment(line.slice(0, max + GRAPHEME_SLACK))) {
    if (kept.length + segment.length > max - 1) break;
    kept += segment;
  }
  return `${kept.trimEnd()}…`;
}

const PLACEHOLDER = '…';
const TRUNCATED = '\n\n…';

/**
 * The message's own blocks as text, whole blocks only, within
 * MESSAGE_TEXT_MAX; a message of buttons alone says the reply's fallback
 * text (its start), or "…".
 */
function fallbackText(page: readonly Rendered[], reply: Reply): string {
  let text = '';
  for (const { plain } of page) {
    if (plain === '') continue;
    const joined = text === '' ? plain : `${text}\n\n${plain}`;
    if (joined.length > MESSAGE_TEXT_MAX - TRUNCATED.length) return `${text}${TRUNCATED}`;
    text = joined;
  }
  if (text !== '') return text;
  const [start] = splitMessage(textSpanAtoms(reply.fallbackText), { maxLength: MESSAGE_TEXT_MAX, escape: keep });
  return start ?? PLACEHOLDER;
}

function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}
