/**
 * Reply → terminal text. Pure: one small function per block kind, ANSI
 * styling only when the caller says the output is a colour terminal.
 *
 * Member and document text is data: every span text, url and label is
 * cleaned of escape sequences and control characters before it is styled,
 * so a document title such as "\x1b[2J\x1b]0;pwned\x07" cannot clear the
 * screen, retitle the window or fake a prompt.
 */
import type { Block, Button, Field, Reply, Span } from '../../core/model/reply.ts';

export interface ConsoleRenderOptions {
  color: boolean;
  /** The number shown on the first button; later replies of one turn continue it. */
  buttonNumberStart: number;
}

// The escape sequences terminals act on, including the 8-bit CSI and OSC
// introducers (U+009B, U+009D) that some terminals still honour.
const ESCAPE_SEQUENCES = new RegExp(
  [
    String.raw`\x1b\[[0-?]*[ -/]*[@-~]`, // CSI: colours, cursor moves, clear screen
    String.raw`\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?`, // OSC: window title, hyperlinks, clipboard
    String.raw`\x1b[PX^_][^\x1b]*(?:\x1b\\)?`, // DCS, SOS, PM, APC strings
    String.raw`\x1b[ -~]`, // two-byte ESC sequences
    String.raw`\x9b[0-?]*[ -/]*[@-~]`,
    String.raw`\x9d[^\x07\x9c]*[\x07\x9c]?`,
  ].join('|'),
  'g',
);
// Every other C0 and C1 control and DEL; newline is handled by the callers.
const CONTROLS = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/g;
// Bidirectional overrides and isolates reorder what the terminal shows
// ("Trojan Source", CVE-2021-42574); no title of the region needs them.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print: no escape sequences, no control characters but newline. */
export function sanitizeConsoleText(value: string): string {
  return value
    .replace(/\r\n/g, '\n')
    .replace(/\t/g, ' ')
    .replace(ESCAPE_SEQUENCES, '')
    .replace(CONTROLS, '')
    .replace(BIDI_CONTROLS, '');
}

/** For urls, labels and headings: one line, so nothing can fake a new line. */
function sanitizeLine(value: string): string {
  return sanitizeConsoleText(value).replace(/\n+/g, ' ');
}

type Style = 'bold' | 'italic' | 'code' | 'heading' | 'underline' | 'dim';

// Each style ends with its own reset (not \x1b[0m) so styles can nest.
const ANSI: Record<Style, [string, string]> = {
  bold: ['\x1b[1m', '\x1b[22m'],
  italic: ['\x1b[3m', '\x1b[23m'],
  code: ['\x1b[7m', '\x1b[27m'],
  heading: ['\x1b[1;4m', '\x1b[22;24m'],
  underline: ['\x1b[4m', '\x1b[24m'],
  dim: ['\x1b[2m', '\x1b[22m'],
};

function style(value: string, kind: Style, color: boolean): string {
  if (!color || value === '') return value;
  const [open, close] = ANSI[kind];
  return `${open}${value}${close}`;
}

function renderSpan(span: Span, color: boolean): string {
  switch (span.kind) {
    case 'text':
      return sanitizeConsoleText(span.text);
    case 'bold':
    case 'italic':
    case 'code':
      return style(sanitizeConsoleText(span.text), span.kind, color);
    case 'link':
      return renderLink(span.text, span.url, color);
  }
}

/** `label <url>`; a link whose label is its url shows the url once. */
function renderLink(label: string, url: string, color: boolean): string {
  const cleanLabel = sanitizeLine(label).trim();
  const target = style(`<${sanitizeLine(url)}>`, 'dim', color);
  if (!cleanLabel || cleanLabel === sanitizeLine(url)) return target;
  return `${style(cleanLabel, 'underline', color)} ${target}`;
}

export function renderConsoleSpans(spans: Span[], color: boolean): string {
  return spans.map((span) => renderSpan(span, color)).join('');
}

function renderHeading(text: string, color: boolean): string {
  return style(sanitizeLine(text), 'heading', color);
}

/** Continuation lines of an item line up under its first character. */
function hangingIndent(marker: string, body: string): string {
  const pad = ' '.repeat(marker.length);
  return marker + body.split('\n').join(`\n${pad}`);
}

function renderList(block: Extract<Block, { kind: 'list' }>, color: boolean): string {
  const start = block.start ?? 1;
  return block.items
    .map((item, index) => {
      const marker = block.ordered ? `${start + index}. ` : '• ';
      return hangingIndent(`  ${marker}`, renderConsoleSpans(item, color));
    })
    .join('\n');
}

function renderField(field: Field, color: boolean): string {
  const label = style(`${sanitizeLine(field.label)}:`, 'bold', color);
  return hangingIndent(`${label} `, renderConsoleSpans(field.value, color));
}

const DIVIDER = '─'.repeat(40);

function renderBlock(block: Block, color: boolean): string {
  switch (block.kind) {
    case 'heading':
      return renderHeading(block.text, color);
    case 'paragraph':
      return renderConsoleSpans(block.spans, color);
    case 'list':
      return renderList(block, color);
    case 'fields':
      return block.fields.map((field) => renderField(field, color)).join('\n');
    case 'divider':
      return style(DIVIDER, 'dim', color);
  }
}

/** One line per row: `[1] ‹ Previous   [2] Next ›`, numbered across rows. */
function renderButtons(rows: Button[][], options: ConsoleRenderOptions): string[] {
  let number = options.buttonNumberStart;
  return rows
    .filter((row) => row.length > 0)
    .map((row) =>
      row.map((button) => `${style(`[${number++}]`, 'bold', options.color)} ${sanitizeLine(button.label)}`).join('   '),
    );
}

export function renderConsoleReply(reply: Reply, options: ConsoleRenderOptions): string {
  const lines = reply.blocks.map((block) => renderBlock(block, options.color));
  return [...lines, ...renderButtons(reply.buttons, options)].join('\n');
}
