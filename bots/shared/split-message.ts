/**
 * Packs a message, given as atoms, into parts of at most `maxLength`
 * characters. Format-neutral: the caller gives the escape function and the
 * tag pairs, so the same packer serves the HTML and the plain rendering.
 *
 * An atom is a word or a run of whitespace (a "break"), each with the tag
 * pair it sits in. Parts end at a break — the strongest one that still fills
 * half a part — and only when none is in reach inside a word, between
 * graphemes. Tags and entities are written whole, and every part closes what
 * it opened, so each part is well-formed on its own; the break a part ends
 * at is dropped, so no part starts or ends with whitespace.
 */

export interface Wrap {
  open: string;
  close: string;
}

export type Atom =
  | { kind: 'word'; text: string; wrap: Wrap | null }
  | { kind: 'break'; text: string; wrap: Wrap | null; priority: number };

/** Where a part may end, weakest first. */
export const BREAK = { space: 1, line: 2, block: 3, section: 4 } as const;

export interface SplitOptions {
  maxLength: number;
  escape: (text: string) => string;
}

// The longest escape of one code point ("&quot;"): below this a part could
// not always hold even one character.
const MIN_PART_LENGTH = 6;

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// Room past what can fit, so the last grapheme that fits is seen whole.
const GRAPHEME_SLACK = 64;

/**
 * Words and whitespace runs of `text`, all inside `wrap`: what
 * `text.split(/(\s+)/)` gives, found by one scan of the characters (the
 * regular expressions and the arrays they built were most of a reply's
 * rendering time).
 */
export function textAtoms(text: string, wrap: Wrap | null): Atom[] {
  const source = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const atoms: Atom[] = [];
  let start = 0;
  let inSpace = false;
  let newlines = 0;
  for (let index = 0; index < source.length; index++) {
    const code = source.charCodeAt(index);
    const space = isWhitespace(code);
    if (space !== inSpace && index > start) {
      pushAtom(atoms, source.slice(start, index), inSpace, newlines, wrap);
      start = index;
      newlines = 0;
    }
    inSpace = space;
    if (code === 10) newlines++;
  }
  if (source.length > start) pushAtom(atoms, source.slice(start), inSpace, newlines, wrap);
  return atoms;
}

function pushAtom(atoms: Atom[], text: string, space: boolean, newlines: number, wrap: Wrap | null): void {
  if (space) atoms.push({ kind: 'break', text, wrap, priority: newlines >= 2 ? BREAK.block : newlines === 1 ? BREAK.line : BREAK.space });
  else atoms.push({ kind: 'word', text, wrap });
}

/** What `\s` matches: ASCII and Unicode white space, the line separators and the BOM (no astral code points). */
function isWhitespace(code: number): boolean {
  if (code > 32 && code < 0xa0) return false;
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a)
    || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

export function splitMessage(atoms: readonly Atom[], options: SplitOptions): string[] {
  if (!Number.isInteger(options.maxLength) || options.maxLength < MIN_PART_LENGTH) {
    throw new RangeError(`maxLength must be an integer of at least ${MIN_PART_LENGTH}, got ${options.maxLength}`);
  }
  const queue = tidy(atoms);
  if (queue.length === 0) return [];
  const whole = wholeText(queue, options);
  if (whole !== undefined) return [whole];
  const parts: string[] = [];
  let start = 0;
  while (start < queue.length) {
    const cut = nextCut(queue, start, options);
    parts.push(cut.text);
    if (cut.rest) queue[cut.next] = cut.rest;
    start = cut.next;
  }
  return parts;
}

/** No break at either end and never two in a row (the stronger one stays). */
function tidy(atoms: readonly Atom[]): Atom[] {
  const out: Atom[] = [];
  for (const atom of atoms) {
    const last = out[out.length - 1];
    if (atom.kind === 'break' && (last === undefined || last.kind === 'break')) {
      if (last !== undefined && atom.priority > last.priority) out[out.length - 1] = atom;
      continue;
    }
    out.push(atom);
  }
  if (out[out.length - 1]?.kind === 'break') out.pop();
  return out;
}

interface Mark {
  count: number;
  open: Wrap | null;
  length: number;
}

interface Candidate {
  index: number;
  priority: number;
  mark: Mark;
}

/** One part, starting at a word; `rest` is what is left of a word cut in two. */
interface Cut {
  text: string;
  next: number;
  rest?: Atom;
}

/**
 * The message as one part, or `undefined` when it does not fit one. Most
 * replies fit: written straight through, without keeping the breaks where
 * a part could end (nextCut's bookkeeping), the same text nextCut writes.
 */
function wholeText(atoms: readonly Atom[], options: SplitOptions): string | undefined {
  const writer = new PartWriter(options.escape);
  for (const atom of atoms) {
    if (atom.text.length > options.maxLength) return undefined;
    const next = writer.stepFor(atom);
    if (writer.lengthAfter(next) > options.maxLength) return undefined;
    writer.pushStep(next);
  }
  return writer.text();
}

function nextCut(atoms: readonly Atom[], start: number, options: SplitOptions): Cut {
  const writer = new PartWriter(options.escape);
  const breaks: Candidate[] = [];
  for (let index = start; index < atoms.length; index++) {
    const atom = atoms[index]!;
    if (atom.kind === 'break') breaks.push({ index, priority: atom.priority, mark: writer.mark() });
    // Escaping never shortens text, so an overlong word is known not to fit
    // without escaping all of it (a long token is cut many times).
    const next = atom.text.length > options.maxLength ? undefined : writer.stepFor(atom);
    if (next === undefined || writer.lengthAfter(next) > options.maxLength) {
      const chosen = chooseBreak(breaks, options.maxLength);
      if (chosen) return { text: writer.text(chosen.mark), next: chosen.index + 1 };
      return cutInsideWord(writer, atoms, index, options);
    }
    writer.pushStep(next);
  }
  return { text: writer.text(), next: atoms.length };
}

/**
 * The strongest break that still fills half a part, so a long section is not
 * left as a sliver just to end on a blank line; failing that, the last one.
 */
function chooseBreak(breaks: readonly Candidate[], maxLength: number): Candidate | undefined {
  for (let priority = BREAK.section; priority >= BREAK.space; priority--) {
    for (let i = breaks.length - 1; i >= 0; i--) {
      const candidate = breaks[i]!;
      if (candidate.priority >= priority && candidate.mark.length * 2 >= maxLength) return candidate;
    }
  }
  return breaks[breaks.length - 1];
}

/** No break in reach: fill the part with the start of the word at `index`. */
function cutInsideWord(writer: PartWriter, atoms: readonly Atom[], index: number, options: SplitOptions): Cut {
  const atom = atoms[index]!;
  const room = options.maxLength - writer.lengthWith({ ...atom, text: '' });
  const head = fittingPrefix(atom.text, room, options.escape, writer.isEmpty());
  if (head === '') {
    if (writer.isEmpty()) throw new Error(`a tag pair leaves no room for text within ${options.maxLength} characters`);
    return { text: writer.text(), next: index };
  }
  writer.push({ ...atom, text: head });
  return { text: writer.text(), next: index, rest: { ...atom, text: atom.text.slice(head.length) } };
}

/**
 * The longest start of `text` whose escaped form fits `room`, cut between
 * graphemes so an emoji or an accented letter stays whole; between code
 * points only when one grapheme alone overflows an empty part.
 */
function fittingPrefix(text: string, room: number, escape: SplitOptions['escape'], mayCutGrapheme: boolean): string {
  const whole = takeFitting(graphemesOf(text, room), room, escape);
  if (whole !== '' || !mayCutGrapheme) return whole;
  return takeFitting(text, room, escape);
}

/**
 * The graphemes of the start of `text` that could fit `room`. V8's segment
 * iterator costs time in proportion to the whole string at every step, so
 * only a window is segmented, and its last grapheme, maybe cut short by the
 * window, is left out.
 */
function* graphemesOf(text: string, room: number): Generator<string> {
  const window = text.slice(0, room + GRAPHEME_SLACK);
  // Words hold no CR LF, so in ASCII every character is a grapheme.
  if (/^[\x00-\x7f]*$/.test(window)) return yield* window;
  let pending: string | undefined;
  for (const { segment } of GRAPHEMES.segment(window)) {
    if (pending !== undefined) yield pending;
    pending = segment;
  }
  if (pending !== undefined && window.length === text.length) yield pending;
}

function takeFitting(units: Iterable<string>, room: number, escape: SplitOptions['escape']): string {
  let taken = '';
  let size = 0;
  for (const unit of units) {
    size += escape(unit).length;
    if (size > room) break;
    taken += unit;
  }
  return taken;
}

/** Appends atoms, opening and closing tags as their wraps change. */
class PartWriter {
  private readonly pieces: string[] = [];
  private size = 0;
  private open: Wrap | null = null;

  constructor(private readonly escape: SplitOptions['escape']) {}

  isEmpty(): boolean {
    return this.pieces.length === 0;
  }

  /** The part's length with `atom` appended and its tag closed. */
  lengthWith(atom: Atom): number {
    return this.lengthAfter(this.stepFor(atom));
  }

  push(atom: Atom): void {
    this.pushStep(this.stepFor(atom));
  }

  /** What appending `atom` writes: computed once, then measured and pushed (escaping is the cost). */
  stepFor(atom: Atom): Step {
    return step(this.open, atom, this.escape);
  }

  lengthAfter(next: Step): number {
    return this.size + next.piece.length + closing(next.open).length;
  }

  pushStep(next: Step): void {
    this.pieces.push(next.piece);
    this.size += next.piece.length;
    this.open = next.open;
  }

  mark(): Mark {
    return { count: this.pieces.length, open: this.open, length: this.size + closing(this.open).length };
  }

  text(mark: Mark = this.mark()): string {
    const pieces = mark.count === this.pieces.length ? this.pieces : this.pieces.slice(0, mark.count);
    return pieces.join('') + closing(mark.open);
  }
}

interface Step {
  piece: string;
  open: Wrap | null;
}

function step(open: Wrap | null, atom: Atom, escape: SplitOptions['escape']): Step {
  const body = escape(atom.text);
  if (open?.open === atom.wrap?.open) return { piece: body, open };
  // Whitespace never opens a tag: it closes the one before and stays outside.
  if (atom.kind === 'break') return { piece: closing(open) + body, open: null };
  return { piece: closing(open) + (atom.wrap?.open ?? '') + body, open: atom.wrap };
}

function closing(open: Wrap | null): string {
  return open?.close ?? '';
}

/** A line break between lines of one block. */
export const LINE: Atom = { kind: 'break', text: '\n', wrap: null, priority: BREAK.line };

/** Lines (each a run of atoms) joined by line breaks; lines without a word are dropped. */
export function joinLines(lines: readonly Atom[][]): Atom[] {
  const atoms: Atom[] = [];
  for (const line of lines) {
    if (!line.some((atom) => atom.kind === 'word')) continue;
    if (atoms.length > 0) atoms.push(LINE);
    appendAtoms(atoms, line);
  }
  return atoms;
}

/** push(...many) overflows the call stack on very long texts. */
export function appendAtoms(target: Atom[], atoms: readonly Atom[]): void {
  for (const atom of atoms) target.push(atom);
}

/** Headings, labels and link labels stay on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * A word longer than this is packed in pieces of at most this length, so the
 * packer can end a part inside it between two pieces (whole escapes, whole
 * graphemes) rather than cut one.
 */
const LONG_WORD = 1000;

/**
 * Atoms of `text` in `wrap`, each word given as its escaped, uncuttable
 * `pieces`. Whitespace at the ends and line breaks stay outside the wrap:
 * markdown dialects (Discord, Slack) read `*a *` or a style across lines as
 * text, not style.
 */
export function piecedTextAtoms(text: string, wrap: Wrap | null, pieces: (word: string) => readonly string[]): Atom[] {
  const raw = textAtoms(text, wrap);
  const atoms: Atom[] = [];
  for (const [index, atom] of raw.entries()) {
    if (atom.kind === 'word') appendAtoms(atoms, wordFromPieces(pieces(atom.text), wrap));
    else if (index === 0 || index === raw.length - 1 || atom.text.includes('\n')) atoms.push({ ...atom, wrap: null });
    else atoms.push(atom);
  }
  return atoms;
}

/** One word, or a long one as pieces joined by zero-width breaks. */
function wordFromPieces(pieces: readonly string[], wrap: Wrap | null): Atom[] {
  const atoms: Atom[] = [];
  let chunk = '';
  for (const piece of pieces) {
    if (chunk !== '' && chunk.length + piece.length > LONG_WORD) {
      atoms.push({ kind: 'word', text: chunk, wrap }, { kind: 'break', text: '', wrap, priority: 0 });
      chunk = '';
    }
    chunk += piece;
  }
  if (chunk !== '') atoms.push({ kind: 'word', text: chunk, wrap });
  return atoms;
}

