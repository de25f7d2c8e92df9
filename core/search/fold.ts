/**
 * Folding: one search key for every way a word can be written.
 *
 * Members type without diacritics, in Latin or Cyrillic, with `ș` or `ş`.
 * Both the indexed text and the query go through the same `foldText`, so
 * "zaštita", "zastita", "ЗАШТИТА" and "zaŝtita" all become `zastita`.
 * The key is only ever compared with other keys, never shown.
 */

// Cyrillic → Latin, chosen so that Serbian/Bosnian/Montenegrin Cyrillic meets
// its own Latin alphabet letter for letter, and Macedonian and Bulgarian meet
// their usual Latin spellings once the digraph rules below have run.
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'dj', е: 'e', ж: 'z', з: 'z', и: 'i',
  ј: 'j', к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', ћ: 'c', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'c', џ: 'dz', ш: 's',
  // Macedonian
  ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
  // Bulgarian (Streamlined System: ъ → a, щ → sht, ю → yu, я → ya, й → y)
  щ: 'st', ъ: 'a', ь: 'j', ю: 'ju', я: 'ja', й: 'j',
  // Russian and Ukrainian letters that appear in names and references
  ё: 'e', ы: 'i', э: 'e', є: 'e', і: 'i', ї: 'i', ґ: 'g',
};

// Letters that Unicode does not decompose into a base letter and a mark.
const SPECIAL_LATIN: Record<string, string> = {
  đ: 'dj', ð: 'd', ħ: 'h', ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th',
};

// Latin spellings of the same sound that members use interchangeably:
// Bulgarian "zh/ch/sh" for ж/ч/ш, "dj" or plain "d" for đ, "y" for й/ј.
// "dj" → "d" also lets ijekavian "djeca" meet ekavian "deca".
const DIGRAPHS: Record<string, string> = { dj: 'd', zh: 'z', ch: 'c', sh: 's', y: 'j' };
const DIGRAPH_LIST = Object.entries(DIGRAPHS);

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** One character, the slow and obviously right way; cached by `foldChar`. */
function foldCharUncached(char: string): string {
  let folded = char.toLowerCase();
  folded = [...folded].map((c) => CYRILLIC[c] ?? c).join('');
  folded = folded.normalize('NFD').replace(COMBINING_MARKS, '');
  return [...folded].map((c) => SPECIAL_LATIN[c] ?? c).join('');
}

// Folding runs over every imported text (megabytes at an import), so the
// letters of the region's scripts (Latin, its diacritics, Greek, Cyrillic:
// everything below U+0530) come from a table made once; a character-by-
// character loop over it measured 5x faster than a regex with a callback.
const TABLE_END = 0x530;
const TABLE: string[] = Array.from({ length: TABLE_END }, (_, code) => foldCharUncached(String.fromCharCode(code)));
const RARE_CACHE = new Map<string, string>();

function foldRare(char: string): string {
  let folded = RARE_CACHE.get(char);
  if (folded === undefined) {
    folded = foldCharUncached(char);
    RARE_CACHE.set(char, folded);
  }
  return folded;
}

/**
 * Each table letter as one UTF-16 code when it folds to exactly one
 * (almost all do), NONE when it folds to nothing (combining marks), MANY
 * when to several (đ → dj): the fold loop writes codes into a buffer and
 * decodes it once, instead of growing a string a letter at a time
 * (measured: 27 -> 13 us CPU a document of the generated library).
 */
const NONE = -1;
const MANY = -2;
const SINGLE = Int32Array.from(TABLE, (folded) => (folded.length === 1 ? folded.charCodeAt(0) : folded.length === 0 ? NONE : MANY));
const UTF16 = new TextDecoder('utf-16le');
let buffer = new Uint16Array(1024);

function reserve(length: number, used: number): void {
  if (length <= buffer.length) return;
  const grown = new Uint16Array(Math.max(length, buffer.length * 2));
  grown.set(buffer.subarray(0, used));
  buffer = grown;
}

/** Writes several codes, keeping room for one code per letter still to come. */
function append(folded: string, used: number, remaining: number): number {
  reserve(used + folded.length + remaining, used);
  for (let index = 0; index < folded.length; index++) buffer[used + index] = folded.charCodeAt(index);
  return used + folded.length;
}

/** Up to this many letters, a plain string append (the decoder's call costs more on a word or a label). */
const SHORT = 64;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The buffer as a string; a lone surrogate (broken text) is kept as it is, where the decoder would replace it. */
function decode(used: number, checkSurrogates: string | undefined): string {
  if (checkSurrogates === undefined || !LONE_SURROGATE.test(checkSurrogates)) return UTF16.decode(buffer.subarray(0, used));
  let out = '';
  for (let start = 0; start < used; start += 4096) {
    out += String.fromCharCode.apply(null, buffer.subarray(start, Math.min(used, start + 4096)) as unknown as number[]);
  }
  return out;
}

/** Fold a whole text (words and separators) into its search key. */
export function foldText(input: string): string {
  // NFC first, so "s" + combining comma meets "ș" and "и" + breve meets "й".
  const text = input.normalize('NFC');
  let out = text.length > SHORT ? foldLong(text) : foldShort(text);
  // Five native replaceAll passes beat one regex with a callback.
  for (const [digraph, letter] of DIGRAPH_LIST) out = out.replaceAll(digraph, letter);
  return out;
}

function foldShort(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < TABLE_END) out += TABLE[code]!;
    else if (code >= 0xd800 && code <= 0xdfff) out += text[index]!; // halves of emoji and rare scripts
    else out += foldRare(text[index]!);
  }
  return out;
}

function foldLong(text: string): string {
  reserve(text.length, 0);
  let used = 0;
  let surrogates = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < TABLE_END) {
      const single = SINGLE[code]!;
      if (single >= 0) buffer[used++] = single;
      else if (single === MANY) used = append(TABLE[code]!, used, text.length - index);
    } else if (code >= 0xd800 && code <= 0xdfff) {
      buffer[used++] = code; // halves of emoji and rare scripts
      surrogates = true;
    } else {
      used = append(foldRare(text[index]!), used, text.length - index);
    }
  }
  return decode(used, surrogates ? text : undefined);
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/** Split into folded words, the same way FTS5's unicode61 splits folded text. */
export function foldedTokens(input: string): string[] {
  return foldText(input).match(TOKEN) ?? [];
}

/**
 * Labels (topics, types, publishers) repeat across a whole library, so an
 * import folds each distinct one once: a bounded memo of `foldText`.
 */
const LABELS = new Map<string, string>();
const MAX_LABELS = 10_000;

export function foldLabel(label: string): string {
  let folded = LABELS.get(label);
  if (folded === undefined) {
    if (LABELS.size >= MAX_LABELS) LABELS.clear();
    folded = foldText(label);
    LABELS.set(label, folded);
  }
  return folded;
}

/** `foldedTokens` of a label, through the memo. */
export function foldedLabelTokens(label: string): string[] {
  return foldLabel(label).match(TOKEN) ?? [];
}
