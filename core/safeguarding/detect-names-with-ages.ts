/**
 * A person's name next to an age or a birth date — "Marko Petrović, 12
 * godina", "Ana (7)", "12-year-old Tom", "a 12 éves Kovács Anna", "Иван
 * Петров, на 12 години", "Arben, 7 vjeç", "Maria, în vârstă de 7 ani" — and
 * a birth date after "born" ("born 03.04.2015", "rođena 3. aprila 2015",
 * "lindur më 03.04.2015", "родена на 3 април 2015").
 *
 * The rule is ours. A name is one to three capitalised words (Latin or
 * Cyrillic) that are not a person noun, an institution, a document part or
 * one of the region's places (not-names.ts), and not right after "in"/"u"/
 * "në" (a place). The finding is the name, not the age: the redacted
 * question keeps "[name removed], 12 godina", which is what an expert needs.
 * A full birth date after "born" is a finding by itself; a birth year alone
 * ("born in 2014") only next to a name. Deliberately not reported: an age
 * without a name ("a girl, 12 years old"), a number in parentheses after a
 * word that is not a name ("Article (7)", "Serbia (12)"), a year in
 * parentheses ("UNICEF (2019)"), a date without "born" (dates are not
 * personal by themselves).
 */
import { foldText } from '../search/fold.ts';
import { AGE_ADJECTIVES, AGE_LEADS, AGE_NOUNS, AGE_WORDS, BIRTH_FILLERS, BIRTH_WORDS } from './age-words.ts';
import { dateAt } from './dates-in-text.ts';
import { finding, type Finding } from './finding.ts';
import { NOT_NAMES, PLACE_PREPOSITIONS } from './not-names.ts';
import { isCapitalised, tokenize, type Token } from './text-tokens.ts';

const folded = (words: string[]): Set<string> => new Set(words.map(foldText));
const AGE_AFTER = folded(AGE_WORDS);
const ADJECTIVES = folded(AGE_ADJECTIVES);
const NOUNS = folded(AGE_NOUNS);
const LEADS = folded(AGE_LEADS);
const BIRTH = folded(BIRTH_WORDS);
const FILLERS = folded(BIRTH_FILLERS);
const PREPOSITIONS = folded(PLACE_PREPOSITIONS);
// "tata=": only the word itself; others also stop the words they begin.
const NOT_NAME_EXACT = folded(NOT_NAMES.map((word) => word.replace(/=$/, '')));
const NOT_NAME_STEMS = NOT_NAMES.filter((word) => !word.endsWith('=')).map(foldText).filter((word) => word.length >= 4);
const SEPARATORS = new Set([',', '(', '-', '–', '—', ':']);
const MAX_NAME_WORDS = 3;

type Span = { first: number; last: number };

function isNameWord(token: Token | undefined): boolean {
  if (!isCapitalised(token)) return false;
  const word = token!.folded;
  return !NOT_NAME_EXACT.has(word) && !NOT_NAME_STEMS.some((stem) => word.startsWith(stem));
}

/** The name that ends at `last` (walking back), unless it is a place ("u Beogradu"). */
function nameEndingAt(tokens: Token[], last: number): Span | undefined {
  let first = last + 1;
  while (first > 0 && last - first + 1 < MAX_NAME_WORDS && isNameWord(tokens[first - 1])) first--;
  if (first > last) return undefined;
  const before = tokens[first - 1];
  return before?.kind === 'word' && PREPOSITIONS.has(before.folded) ? undefined : { first, last };
}

function nameStartingAt(tokens: Token[], first: number): Span | undefined {
  let last = first - 1;
  // "a 12 éves Kovács Anna", "12-годишната Мария"
  while (last + 1 < tokens.length && last - first + 1 < MAX_NAME_WORDS && isNameWord(tokens[last + 1])) last++;
  return last >= first ? { first, last } : undefined;
}

/** Walk back over separators and lead words ("Marko, star 12"): the index of the name's last word, and whether "age" was said. */
function backOverLeads(tokens: Token[], index: number): { at: number; saidAge: boolean } {
  let at = index;
  let saidAge = false;
  for (let steps = 0; steps < 4 && at >= 0; steps++) {
    const token = tokens[at]!;
    if (token.kind === 'mark' && SEPARATORS.has(token.text)) at--;
    else if (token.kind === 'word' && !isCapitalised(token) && (LEADS.has(token.folded) || NOUNS.has(token.folded))) {
      saidAge ||= NOUNS.has(token.folded);
      at--;
    } else break;
  }
  return { at, saidAge };
}

/** A name with the age at number token `index`, if there is one. */
function nameWithAge(tokens: Token[], index: number): Span | undefined {
  const age = tokens[index]!;
  if (age.text.length > 3 || Number(age.text) > 120) return undefined;
  const next = tokens[index + 1];
  // "12.5", "12/3", "10-12": a number, not an age.
  if (next && !next.gapBefore && ['.', ',', '/'].includes(next.text) && tokens[index + 2]?.kind === 'number') return undefined;
  if (next?.text === '-' && tokens[index + 2]?.kind === 'number') return undefined;
  const adjective = next?.text === '-' && !next.gapBefore ? tokens[index + 2] : next;
  const afterAdjective = next?.text === '-' && !next.gapBefore ? index + 3 : index + 2;
  if (adjective?.kind === 'word' && ADJECTIVES.has(adjective.folded)) {
    const name = nameStartingAt(tokens, afterAdjective);
    if (name) return name;
  }
  // Romanian puts "de" between 20 and more and "ani": "34 de ani".
  const ageWordAt = next?.folded === 'de' ? index + 2 : index + 1;
  const ageWord = tokens[ageWordAt]?.kind === 'word' && AGE_AFTER.has(tokens[ageWordAt]!.folded);
  const inParentheses = tokens[index - 1]?.text === '(' && (next?.text === ')' || (ageWord && tokens[ageWordAt + 1]?.text === ')'));
  if (inParentheses) return nameEndingAt(tokens, index - 2);
  const { at, saidAge } = backOverLeads(tokens, index - 1);
  return ageWord || saidAge ? nameEndingAt(tokens, at) : undefined;
}

/** After "born" at `index`: the date's finding, and the name before it when there is one. */
function birthFindings(text: string, tokens: Token[], index: number): Finding[] {
  const word = tokens[index]!;
  let at = index + 1;
  if (tokens[at]?.text === '.' && !tokens[at]!.gapBefore) at++;
  else if (word.folded.length <= 3) return []; // "b.", "rođ.", "szül." only as abbreviations
  for (let steps = 0; steps < 3 && tokens[at] && (FILLERS.has(tokens[at]!.folded) || [',', ':'].includes(tokens[at]!.text)); steps++) at++;
  const date = dateAt(tokens, at);
  if (!date) return [];
  const found: Finding[] = [];
  if (date.full) found.push(finding(text, 'birth-date', tokens[at]!.start, tokens[date.last]!.end));
  const { at: nameEnd } = backOverLeads(tokens, index - 1);
  const name = nameEnd >= 0 ? nameEndingAt(tokens, nameEnd) : undefined;
  if (name) found.push(finding(text, 'name-with-age', tokens[name.first]!.start, tokens[name.last]!.end));
  return found;
}

export function detectNamesWithAges(text: string): Finding[] {
  const tokens = tokenize(text);
  const found: Finding[] = [];
  tokens.forEach((token, index) => {
    if (token.kind === 'number') {
      const name = nameWithAge(tokens, index);
      if (name) found.push(finding(text, 'name-with-age', tokens[name.first]!.start, tokens[name.last]!.end));
    } else if (token.kind === 'word' && BIRTH.has(token.folded)) {
      found.push(...birthFindings(text, tokens, index));
    }
  });
  return found;
}
