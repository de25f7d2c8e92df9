/**
 * Reply → Telegram message texts, as HTML (parse_mode "HTML") or as plain
 * text for when Telegram rejects the entities. Pure: one small function per
 * block kind builds atoms, ../shared/split-message.ts packs them into messages.
 *
 * Member and document text is data: every span text, label and url is
 * escaped, and only http(s), tg and mailto urls become links, so a
 * `javascript:` url stays visible text and never a link.
 * https://core.telegram.org/bots/api#html-style
 *
 * Layout: a heading is a bold line; paragraphs are their spans; list items
 * are "3. item" or "• item", one a line; fields are "<b>Label:</b> value",
 * one a line; blocks are apart by a blank line; a divider is a thin rule
 * between blank lines (dropped at the start or end of the reply).
 */
import type { Block, Field, Reply, Span } from '../../core/model/reply.ts';
import { listMarkers } from '../shared/block-text.ts';
import { MESSAGE_TEXT_MAX } from './limits.ts';
import { appendAtoms, BREAK, joinLines, oneLine, splitMessage, textAtoms, type Atom, type Wrap } from '../shared/split-message.ts';
import { fieldLineAtoms, joinBlocks, listLineAtoms } from '../shared/block-atoms.ts';

// Telegram's HTML knows only these named entities; `"` matters inside href.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

const SPECIAL = /[&<>"]/;

export function escapeTelegramHtml(text: string): string {
  // Most words hold none of the four: test before building a new string.
  return SPECIAL.test(text) ? text.replace(/[&<>"]/g, (char) => ENTITIES[char] ?? char) : text;
}

/** Messages in Telegram HTML, each at most `maxLength` characters of source. */
export function renderTelegramHtml(reply: Reply, maxLength = MESSAGE_TEXT_MAX): string[] {
  const atoms = replyAtoms(reply.blocks, { html: true, maxLength });
  return splitMessage(atoms, { maxLength, escape: escapeTelegramHtml });
}

/** The same messages without markup. */
export function renderTelegramPlain(reply: Reply, maxLength = MESSAGE_TEXT_MAX): string[] {
  const atoms = replyAtoms(reply.blocks, { html: false, maxLength });
  return splitMessage(atoms, { maxLength, escape: (text) => text });
}

interface Format {
  html: boolean;
  maxLength: number;
}

const DIVIDER = '─'.repeat(12);
const BLOCK: Atom = { kind: 'break', text: '\n\n', wrap: null, priority: BREAK.block };
const SECTION: Atom = { kind: 'break', text: `\n\n${DIVIDER}\n\n`, wrap: null, priority: BREAK.section };

function replyAtoms(blocks: readonly Block[], format: Format): Atom[] {
  return joinBlocks(blocks, (block) => blockAtoms(block, format), { block: BLOCK, section: SECTION });
}

function blockAtoms(block: Block, format: Format): Atom[] {
  switch (block.kind) {
    case 'heading':
      return textAtoms(oneLine(block.text), tagWrap('<b>', '</b>', format));
    case 'paragraph':
      return spansAtoms(block.spans, format);
    case 'list':
      return joinLines(listLines(block, format));
    case 'fields':
      return joinLines(block.fields.map((field) => fieldAtoms(field, format)));
    case 'divider':
      return [];
  }
}

function listLines(block: Extract<Block, { kind: 'list' }>, format: Format): Atom[][] {
  return listLineAtoms(listMarkers(block), block.items.map((item) => spansAtoms(item, format)));
}

function fieldAtoms(field: Field, format: Format): Atom[] {
  return fieldLineAtoms(field.label, spansAtoms(field.value, format), (label) => textAtoms(label, tagWrap('<b>', '</b>', format)));
}

function spansAtoms(spans: readonly Span[], format: Format): Atom[] {
  // A loop, not flatMap: flatMap was the costliest line of a reply's rendering.
  const atoms: Atom[] = [];
  for (const span of spans) appendAtoms(atoms, spanAtoms(span, format));
  return atoms;
}

function spanAtoms(span: Span, format: Format): Atom[] {
  switch (span.kind) {
    case 'text':
      return textAtoms(span.text, null);
    case 'bold':
      return textAtoms(span.text, tagWrap('<b>', '</b>', format));
    case 'italic':
      return textAtoms(span.text, tagWrap('<i>', '</i>', format));
    case 'code':
      return textAtoms(span.text, tagWrap('<code>', '</code>', format));
    case 'link':
      return linkAtoms(span.text, span.url, format);
  }
}

/** A link, or "label (url)" as text when the url is not one we let through. */
function linkAtoms(label: string, url: string, format: Format): Atom[] {
  const target = url.trim();
  const shown = label.trim() === '' ? target : label;
  const wrap = isLinkableUrl(target) ? tagWrap(`<a href="${escapeTelegramHtml(target)}">`, '</a>', format) : null;
  if (wrap) return textAtoms(shown, wrap);
  if (target === '' || shown.trim() === target) return textAtoms(shown, null);
  return textAtoms(`${shown} (${target})`, null);
}

const LINK_SCHEMES = /^(?:https?|tg|mailto):/i;
const URL_FORBIDDEN = /[\s\x00-\x1f\x7f]/;

function isLinkableUrl(url: string): boolean {
  if (!LINK_SCHEMES.test(url) || URL_FORBIDDEN.test(url)) return false;
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * The tag pair, or none in plain text. A pair longer than half a part is
 * dropped too (a link with a huge url then shows as text): every part that
 * repeats the pair keeps half its room for the words inside.
 */
function tagWrap(open: string, close: string, format: Format): Wrap | null {
  if (!format.html || (open.length + close.length) * 2 > format.maxLength) return null;
  return { open, close };
}



