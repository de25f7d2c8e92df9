/**
 * BCMS Latin → Serbian Cyrillic, for the `sh-Cyrl` locale that is generated
 * from sh.json at load time (there is no sh-Cyrl.json to keep in step).
 *
 * Only our own resource strings go through here, never interpolated values:
 * member and document text is data and keeps the script it was written in.
 * Segments a member must type as shown stay Latin (see PROTECTED).
 */

/** Two-letter Latin spellings of one Cyrillic letter, checked first. */
const DIGRAPHS: Record<string, string> = {
  lj: 'љ', Lj: 'Љ', LJ: 'Љ', lJ: 'љ',
  nj: 'њ', Nj: 'Њ', NJ: 'Њ', nJ: 'њ',
  dž: 'џ', Dž: 'Џ', DŽ: 'Џ', dŽ: 'џ',
};

const LETTERS: Record<string, string> = {
  a: 'а', b: 'б', c: 'ц', č: 'ч', ć: 'ћ', d: 'д', đ: 'ђ', e: 'е', f: 'ф',
  g: 'г', h: 'х', i: 'и', j: 'ј', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о',
  p: 'п', r: 'р', s: 'с', š: 'ш', t: 'т', u: 'у', v: 'в', z: 'з', ž: 'ж',
};

/**
 * Words whose n+j or d+ž meet across a prefix and are two letters in
 * Cyrillic (инјекција, надживети), unlike konj → коњ or džep → џеп.
 * The bar marks where the two letters part.
 */
const SPLIT_DIGRAPH_STEMS = [
  'in|jek', 'kon|jug', 'kon|junk', 'van|jezič',
  'nad|živ', 'nad|žnj', 'od|živ', 'pod|žanr', 'pod|žup', 'pred|želud',
];

/**
 * Left as written: {{placeholders}} (whole, with their contents), URLs and
 * e-mail addresses, quoted example commands („/search nasilje lang:sq“),
 * /commands, search filter keywords with their value (lang:sq, year:),
 * and the product's and the platforms' names (brand names: Telegram is
 * Telegram in every script).
 */
const PROTECTED = new RegExp(
  [
    String.raw`\{\{.*?\}\}`,
    String.raw`\b(?:https?://|www\.)[^\s<>]+`,
    String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`,
    String.raw`[„“"«»]/[^„“”"«»]*[“”"«»]`,
    String.raw`(?<![\p{L}\p{N}])/[\p{L}\p{N}_-]+`,
    String.raw`\b(?:lang|type|country|year|topic):[^\s,;)]*`,
    String.raw`\bcphub\b`,
    String.raw`\b(?:Telegram|Discord|Slack)\b`,
  ].join('|'),
  'giu',
);

function isSplitDigraph(word: string, index: number): boolean {
  const lower = word.toLowerCase();
  return SPLIT_DIGRAPH_STEMS.some((stem) => {
    const split = stem.indexOf('|');
    const at = lower.indexOf(stem.replace('|', ''));
    return at !== -1 && index === at + split - 1;
  });
}

function transliterateWord(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const pair = word.slice(i, i + 2);
    const digraph = DIGRAPHS[pair];
    if (digraph !== undefined && !isSplitDigraph(word, i)) {
      out += digraph;
      i++;
      continue;
    }
    const char = word.charAt(i);
    const lower = char.toLowerCase();
    const cyrillic = LETTERS[lower];
    if (cyrillic === undefined) out += char;
    else out += char === lower ? cyrillic : cyrillic.toUpperCase();
  }
  return out;
}

/** Transliterates plain text with no protected segments in it. */
function transliteratePlain(text: string): string {
  return text.replace(/\p{L}+/gu, transliterateWord);
}

/** Latin BCMS text → Serbian Cyrillic, protected segments untouched. */
export function toSerbianCyrillic(text: string): string {
  const source = text.normalize('NFC');
  let out = '';
  let last = 0;
  for (const match of source.matchAll(PROTECTED)) {
    out += transliteratePlain(source.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + transliteratePlain(source.slice(last));
}

export type ResourceTree = { [key: string]: string | ResourceTree };

/** Transliterates every string value of a resource tree; keys stay as they are. */
export function transliterateResource(tree: ResourceTree): ResourceTree {
  const out: ResourceTree = {};
  for (const [key, value] of Object.entries(tree)) {
    out[key] = typeof value === 'string' ? toSerbianCyrillic(value) : transliterateResource(value);
  }
  return out;
}

/** The segments toSerbianCyrillic leaves as written (for tests and checks). */
export function protectedSegments(text: string): string[] {
  return [...text.normalize('NFC').matchAll(PROTECTED)].map((m) => m[0]);
}
