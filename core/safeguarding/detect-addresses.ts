/**
 * Street addresses: a street word, a name and a house number, in either
 * order the region uses — "ul. Kneza Miloša 20", "улица Краља Петра 5",
 * "Rruga e Durrësit, nr. 45", "Str. Mihai Eminescu nr. 5", "бул. Витоша 15",
 * "Kossuth Lajos utca 12.", "Baker Street 221b", "221b Baker Street".
 *
 * The rule is ours (no library reads addresses in these languages): all
 * three parts must be there. A street word followed directly by a number is
 * not an address — "str. 45" is a page in BCMS —, a number that reads as a
 * year (1900–2099) is not a house number ("Rruga drejt 2030"), and words
 * that also mean "the way" need a capitalised name. What is deliberately not
 * reported: a street without a number ("lives on Ilica"), a town alone, a
 * block or flat without a street ("бл. 123"), a building's name.
 */
import { foldText } from '../search/fold.ts';
import { finding, type Finding } from './finding.ts';
import { HOUSE_NUMBER_WORDS, NAME_CONNECTORS, STREET_AFTER_NAME, STREET_BEFORE_NAME, type StreetWord } from './street-words.ts';
import { isCapitalised, tokenize, type Token } from './text-tokens.ts';

const foldKeys = (table: Record<string, StreetWord>): Map<string, StreetWord> =>
  new Map(Object.entries(table).map(([word, meaning]) => [foldText(word), meaning]));
const BEFORE = foldKeys(STREET_BEFORE_NAME);
const AFTER = foldKeys(STREET_AFTER_NAME);
const NUMBER_WORDS = new Set(HOUSE_NUMBER_WORDS.map(foldText));
const CONNECTORS = new Set(NAME_CONNECTORS.map(foldText));
const MAX_NAME_WORDS = 5;

/** A street word at `index`: its meaning and the index after it (and after its dot). */
function streetWordAt(tokens: Token[], index: number, table: Map<string, StreetWord>): { word: StreetWord; next: number } | undefined {
  const token = tokens[index];
  const word = token?.kind === 'word' ? table.get(token.folded) : undefined;
  if (!word) return undefined;
  const dotted = tokens[index + 1]?.text === '.' && !tokens[index + 1]!.gapBefore;
  if (word.abbreviation && !dotted) return undefined;
  return { word, next: dotted ? index + 2 : index + 1 };
}

/** A house number from `index` ("20", "nr. 45", ", бр. 3", "12a", "5/3", "bb"): the index of its last token. */
function houseNumberAt(tokens: Token[], index: number): number | undefined {
  let at = index;
  if (tokens[at]?.text === ',') at++;
  if (tokens[at]?.kind === 'word' && NUMBER_WORDS.has(tokens[at]!.folded)) {
    at++;
    if (tokens[at]?.text === '.' && !tokens[at]!.gapBefore) at++;
  } else if (tokens[at]?.text === '№') at++;
  const token = tokens[at];
  if (token?.kind === 'word' && token.folded === 'bb') return at; // "bez broja": no number, still an address
  if (token?.kind !== 'number' || token.text.length > 4) return undefined;
  const value = Number(token.text);
  if (value === 0 || (token.text.length === 4 && value >= 1900 && value <= 2099)) return undefined;
  let last = at;
  const next = tokens[at + 1];
  if (next?.kind === 'word' && !next.gapBefore && next.text.length === 1) last = at + 1; // 12a
  if (tokens[last + 1]?.text === '/' && tokens[last + 2]?.kind === 'number' && tokens[last + 2]!.text.length <= 3) last += 2; // 5/3
  return last;
}

/** Quotes around a street's name: „Граф Игнатиев“, "Kneza Miloša", «Ștefan cel Mare». */
const QUOTES = new Set(['"', '„', '“', '”', '«', '»', "'", '‘', '’', '‚']);

/** The words of a street's name from `index`: where it ends, and whether a word is capitalised. */
function nameAt(tokens: Token[], index: number): { end: number; capitalised: boolean } | undefined {
  let at = index;
  if (QUOTES.has(tokens[at]?.text ?? '')) at++;
  // Streets named after a date: "ul. 27. marta 5", "Bulevar 29. novembra 12".
  if (tokens[at]?.kind === 'number' && tokens[at]!.text.length <= 2 && tokens[at + 1]?.text === '.' && tokens[at + 2]?.kind === 'word') at += 2;
  let words = 0;
  let realWords = 0;
  let capitalised = false;
  while (words < MAX_NAME_WORDS && tokens[at]?.kind === 'word' && !NUMBER_WORDS.has(tokens[at]!.folded) && tokens[at]!.folded !== 'bb') {
    capitalised ||= isCapitalised(tokens[at]);
    if (!CONNECTORS.has(tokens[at]!.folded)) realWords++;
    words++;
    at++;
  }
  if (QUOTES.has(tokens[at]?.text ?? '')) at++;
  // "Rruga e Durrësit" may start with a connector, "Kralja Petra I" end in one; a name is not connectors alone.
  return realWords > 0 ? { end: at, capitalised } : undefined;
}

function addressStartingAt(tokens: Token[], index: number): { first: number; last: number } | undefined {
  const street = streetWordAt(tokens, index, BEFORE);
  if (street) {
    const name = nameAt(tokens, street.next);
    if (!name || (street.word.figurative && !name.capitalised)) return undefined;
    const last = houseNumberAt(tokens, name.end);
    return last === undefined ? undefined : { first: index, last };
  }
  return addressEndingInStreetWord(tokens, index);
}

/** "Kossuth Lajos utca 12." and "Baker Street 221" (number after) or "221b Baker Street" (number before). */
function addressEndingInStreetWord(tokens: Token[], index: number): { first: number; last: number } | undefined {
  let at = index;
  let leadingNumber: number | undefined;
  if (tokens[at]?.kind === 'number' && tokens[at]!.text.length <= 4) {
    leadingNumber = at;
    at++;
    if (tokens[at]?.kind === 'word' && !tokens[at]!.gapBefore && tokens[at]!.text.length === 1) at++;
  }
  if (!isCapitalised(tokens[at])) return undefined;
  let words = 0;
  while (words < 4 && tokens[at]?.kind === 'word' && !AFTER.has(tokens[at]!.folded)) {
    words++;
    at++;
  }
  const street = words > 0 ? streetWordAt(tokens, at, AFTER) : undefined;
  if (!street) return undefined;
  if (leadingNumber !== undefined) return { first: leadingNumber, last: street.next - 1 };
  const last = houseNumberAt(tokens, street.next);
  return last === undefined ? undefined : { first: index, last };
}

export function detectAddresses(text: string): Finding[] {
  const tokens = tokenize(text);
  const found: Finding[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const address = addressStartingAt(tokens, index);
    if (!address) continue;
    found.push(finding(text, 'address', tokens[address.first]!.start, tokens[address.last]!.end));
    index = address.last;
  }
  return found;
}
