/**
 * Member and document text → Slack mrkdwn that shows it as written.
 * https://api.slack.com/reference/surfaces/formatting
 *
 * Control characters: Slack reads `&`, `<` and `>` as markup and wants only
 * those three as entities (https://api.slack.com/reference/surfaces/formatting#escaping).
 * That alone makes `<!channel>`, `<!here>`, `<@U123>`, `<#C1>` and
 * `<!subteam^S1>` inert: they arrive as `&lt;!channel&gt;` and show as typed.
 *
 * Formatting characters: Slack has no backslash escape. A zero-width space
 * next to a marker does NOT help: it counts as a word boundary, which is how
 * jsx-slack's "exact mode" *forces* formatting with `\u200b*\u200bx\u200b*\u200b`
 * (https://github.com/yhatt/jsx-slack/blob/main/docs/about-escape-and-exact-mode.md).
 * So a `*`, `_`, `~` or `` ` `` (and the full-width `＊ ＿ ｀` Slack also
 * reads) that could open or close a style becomes a look-alike — the ones
 * jsx-slack uses: ∗ ˍ ∼ ˋ. One between two ASCII letters or digits
 * (`snake_case`, `2*3`) cannot open or close a style and stays as typed, so
 * identifiers and sums copy back unchanged.
 * A `>` that starts a word gets a soft hyphen (U+00AD, invisible) before it:
 * `&gt;` at the start of a line would still be a block quote.
 */

import { piecedTextAtoms, type Atom, type Wrap } from '../shared/split-message.ts';
import { parseHttpUrl } from '../shared/block-text.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const LOOKALIKES: Record<string, string> = {
  '*': '\u2217',
  '＊': '\ufe61',
  _: '\u02cd',
  '＿': '\u2e0f',
  '~': '\u223c',
  '`': '\u02cb',
  '｀': '\u02cb',
};
const MARKERS = /[*＊_＿~`｀]/g;
const ASCII_ALNUM = /^[A-Za-z0-9]$/;
const ZWSP = '\u200b';
const SOFT_HYPHEN = '\u00ad';

/** `&`, `<`, `>` as entities: what every mrkdwn text, url and code span needs. */
export function escapeSlackControl(text: string): string {
  return text.replace(/[&<>]/g, (char) => ENTITIES[char] ?? char);
}

/** Each marker that could open or close a style, as its look-alike. */
export function neutraliseSlackFormatting(text: string): string {
  return text.replace(MARKERS, (marker, index: number) => {
    const inWord = ASCII_ALNUM.test(text[index - 1] ?? '') && ASCII_ALNUM.test(text[index + 1] ?? '');
    return inWord ? marker : (LOOKALIKES[marker] ?? marker);
  });
}

/** Text shown literally in mrkdwn: no mention, link, style or quote forms. */
export function escapeSlackMrkdwn(text: string): string {
  return escapeSlackControl(neutraliseSlackFormatting(text)).replace(/(^|\s)(&gt;|＞)/g, `$1${SOFT_HYPHEN}$2`);
}

/**
 * The inside of an inline code span. Slack styles nothing inside code, but a
 * backtick would end the span and there is no way to escape one, so it
 * becomes ˋ; the control characters are entities as everywhere.
 */
export function escapeSlackCode(text: string): string {
  return escapeSlackControl(text.replace(/[`｀]/g, '\u02cb'));
}

/**
 * A link label inside `<url|label>`. Slack's docs do not say how a second
 * `|` is read, so a `|` becomes ∣ (U+2223, "divides"), which looks the same;
 * `>` is an entity, so it cannot end the link early.
 */
export function toSlackLinkLabel(text: string): string {
  return escapeSlackMrkdwn(text.replace(/\|/g, '\u2223'));
}

/**
 * An http(s) url fit for `<url|label>`, or undefined for any other scheme
 * (`javascript:`, `file:`, …) or an unparsable url. WHATWG serialisation
 * percent-encodes spaces, quotes, `<` and `>`; `|` is encoded by hand (it
 * would end the url) and `&` becomes `&amp;` like everywhere in mrkdwn.
 */
export function slackLinkTarget(url: string): string | undefined {
  const parsed = parseHttpUrl(url);
  if (!parsed) return undefined;
  return escapeSlackControl(parsed.href.replace(/[|<>\s]/g, (char) => encodeURIComponent(char)));
}

/**
 * Text for a `plain_text` object (header, button). Slack parses no mrkdwn and
 * no mentions there, and its docs do not say whether entities are decoded,
 * so nothing is entity-escaped (a member's `&` must not show as `&amp;`).
 * A zero-width space after every `<` still keeps `<!channel>` and friends
 * from ever reading as a token, whatever a client does with the text.
 */
export function toSlackPlainText(text: string): string {
  return text.replace(/</g, `<${ZWSP}`);
}

// What must not be cut apart: an entity or a code point with the combining
// marks after it, and the soft hyphen before either.
const PIECE = /\u00ad?(?:&(?:amp|lt|gt);|[\s\S]\p{M}*)/gu;

/** Atoms of `text` in `wrap`, each word escaped by `escape` and kept whole between entities. */
export function slackTextAtoms(text: string, wrap: Wrap | null, escape: (text: string) => string): Atom[] {
  return piecedTextAtoms(text, wrap, (word) => escape(word).match(PIECE) ?? []);
}
