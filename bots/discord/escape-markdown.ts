/**
 * Member and document text → Discord markdown that shows it as written.
 * https://support.discord.com/hc/en-us/articles/210298617-Markdown-Text-101
 *
 * Descriptions and message content: every character that can start or end
 * formatting is backslash-escaped (Discord shows "\*" as "*"), so `**x**`,
 * `||spoiler||`, `> quote`, `# heading` and `[label](url)` stay literal text.
 * ("1." at the start of a line is left alone: at worst a member's own
 * numbered line shows as a list, which is what it is.)
 *
 * Mentions: messages go out with `allowed_mentions: { parse: [] }`, so nobody
 * is ever pinged. Discord still draws `<@123>`, `<@&456>`, `<#789>`, `<t:…>`
 * and custom emoji as pills and `@everyone` / `@here` highlighted, which
 * would let a document title look like a moderator ping. A zero-width space
 * after every `<` and `@` stops the parser (the text reads the same).
 *
 * Bare http(s) urls become autolinks, `<https://…>`: a backslash inside a
 * bare url would become part of the link (Discord's url rule runs before
 * escapes, and browsers read "\" as "/"), and the angle brackets also keep
 * Discord from unfurling a member's link into a preview.
 *
 * Also here: the escaped text as atoms for the packer, long words in pieces
 * that never part an escape from its character.
 */

import { piecedTextAtoms, type Atom, type Wrap } from '../shared/split-message.ts';
import { parseHttpUrl } from '../shared/block-text.ts';

const ZWSP = '\u200b';
const MARKDOWN_CHARS = /[\\*_~`|>#\-[\]()]/g;
const MENTION_STARTS = /[<@]/g;
// Discord's url rule (simple-markdown's `url`) without `*`: a `*` inside an
// autolink could close a bold or italic span around it.
const BARE_URL = /https?:\/\/[^\s<>*]+[^\s<>*.,:;"')\]]/gi;
// A longer url is escaped as text: one autolink must fit comfortably in a part.
const AUTOLINK_MAX = 512;
// A code point that belongs to the grapheme before it: combining marks,
// variation selectors, skin tones, the second half of a ZWJ sequence.
const JOINS_PREVIOUS = /^[\p{M}\p{Emoji_Modifier}\u200c\u200d\ufe00-\ufe0f]$/u;
const REGIONAL_INDICATOR = /^\p{Regional_Indicator}$/u;

/** Text shown literally in a description or message content. */
export function escapeDiscordMarkdown(text: string): string {
  return escapedDiscordPieces(text).join('');
}

/**
 * The escaped text as pieces that must not be cut apart: an escape with its
 * character, a letter with its combining marks, a whole autolink. Joined,
 * they are `escapeDiscordMarkdown(text)`.
 */
export function escapedDiscordPieces(text: string): string[] {
  const pieces: string[] = [];
  let last = 0;
  for (const match of text.matchAll(BARE_URL)) {
    if (match[0].length > AUTOLINK_MAX) continue;
    for (const cluster of clusters(text.slice(last, match.index))) pieces.push(escapeCluster(cluster));
    pieces.push(`<${match[0]}>`);
    last = match.index + match[0].length;
  }
  for (const cluster of clusters(text.slice(last))) pieces.push(escapeCluster(cluster));
  return pieces;
}

function escapeCluster(cluster: string): string {
  return neutraliseDiscordMentions(cluster.replace(MARKDOWN_CHARS, '\\$&'));
}

/** A zero-width space after every `<` and `@`: no pill, no highlight. */
export function neutraliseDiscordMentions(text: string): string {
  return text.replace(MENTION_STARTS, `$&${ZWSP}`);
}

/**
 * An embed title. Titles do not honour backslash escapes (the backslashes
 * show), so none are added: mentions are neutralised, and a zero-width space
 * between `]` and `(` keeps a masked link from forming; other markdown in a
 * title is at worst a style.
 * https://github.com/autobrr/tqm/pull/59, https://github.com/discord/discord-api-docs/issues/6315
 */
export function toDiscordTitleText(text: string): string {
  return neutraliseDiscordMentions(text).replaceAll('](', `]${ZWSP}(`);
}

/**
 * A masked link's label. Discord disables escapes inside labels ("for
 * security reasons": the backslashes would show), so the label is not
 * escaped; brackets, which would end it early, become parentheses.
 * https://github.com/discord/discord-api-docs/issues/6185
 */
export function toDiscordLinkLabel(text: string): string {
  return neutraliseDiscordMentions(text.replace(/\[/g, '(').replace(/]/g, ')'));
}

/**
 * The backtick fence for an inline code span of `text`: longer than any
 * backtick run inside, padded with a space on both sides when the text holds
 * a backtick (a span split across messages may start or end with one).
 * Backslashes are literal inside code, so the text itself is not escaped.
 * A fence of three or more backticks shows as a code block.
 */
export function discordCodeFence(text: string): { open: string; close: string } {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = longestRun > 0 ? ' ' : '';
  return { open: fence + pad, close: pad + fence };
}

/** An http(s) url fit for a masked link: `(`, `)`, spaces and backslashes percent-encoded. */
export function discordLinkTarget(url: string): string | undefined {
  const parsed = parseHttpUrl(url);
  if (!parsed) return undefined;
  return parsed.href.replace(/[()\s\\]/g, percentEncode);
}

function percentEncode(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

/**
 * Code points grouped so that no cut falls inside a grapheme in practice.
 * Cheaper than Intl.Segmenter, whose cost grows with the whole string at
 * every step, on the rare megabyte-long word.
 */
export function clusters(text: string): string[] {
  const out: string[] = [];
  for (const point of text) {
    const previous = out[out.length - 1];
    if (previous !== undefined && joinsPrevious(previous, point)) out[out.length - 1] = previous + point;
    else out.push(point);
  }
  return out;
}

function joinsPrevious(previous: string, point: string): boolean {
  if (JOINS_PREVIOUS.test(point) || previous.endsWith('\u200d')) return true;
  // A flag is a pair of regional indicators.
  return REGIONAL_INDICATOR.test(point) && [...previous].length === 1 && REGIONAL_INDICATOR.test(previous);
}

/** Atoms of `text` in `wrap`, each word escaped into the uncuttable `pieces`. */
export function discordTextAtoms(text: string, wrap: Wrap | null, pieces: (text: string) => string[]): Atom[] {
  return piecedTextAtoms(text, wrap, pieces);
}
