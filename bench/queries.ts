/**
 * The benchmark's query mix: what members type, in every language and
 * script of the generated library (bench/corpus.ts samples the UDHR, so the
 * words come from it), plus the syntax and the hostile input the parser
 * must survive. Fixed, so runs compare.
 */
import { languageTexts } from './corpus.ts';

export interface BenchQuery {
  /** What the member typed. */
  text: string;
  /** The shape, for grouping the slow ones. */
  kind:
    | 'common word'
    | 'rare word'
    | 'inflected'
    | 'no diacritics'
    | 'cross-script'
    | 'two-three words'
    | 'phrase'
    | 'exclusion'
    | 'filter'
    | 'filter only'
    | 'hostile';
}

/** A pasted page: the Serbian declaration from its start, 5,000 characters. */
function longPaste(): string {
  const sentences = languageTexts().find((text) => text.code === 'srp_latn')!.sentences;
  let text = '';
  for (let index = 0; text.length < 5000; index += 1) text += `${sentences[index % sentences.length]} `;
  return text.slice(0, 5000);
}
const LONG_PASTE = longPaste();

export const QUERIES: BenchQuery[] = [
  // Single common words (stemmed, searched as a prefix).
  { text: 'right', kind: 'common word' },
  { text: 'education', kind: 'common word' },
  { text: 'pravo', kind: 'common word' },
  { text: 'gjithkush', kind: 'common word' },
  { text: 'dreptul', kind: 'common word' },
  { text: 'személynek', kind: 'common word' },
  { text: 'право', kind: 'common word' },
  { text: 'свобода', kind: 'common word' },
  // Rare words.
  { text: 'brotherhood', kind: 'rare word' },
  { text: 'jurisdictional', kind: 'rare word' },
  { text: 'vëllazërimi', kind: 'rare word' },
  { text: 'dostojanstvu', kind: 'rare word' },
  { text: 'fraternității', kind: 'rare word' },
  { text: 'lelkiismerettel', kind: 'rare word' },
  { text: 'суштества', kind: 'rare word' },
  { text: 'помежду', kind: 'rare word' },
  // Inflected forms of words the text has in other forms.
  { text: 'children', kind: 'inflected' },
  { text: 'families', kind: 'inflected' },
  { text: 'obrazovanjem', kind: 'inflected' },
  { text: 'martesës', kind: 'inflected' },
  { text: 'drepturile', kind: 'inflected' },
  { text: 'házasságot', kind: 'inflected' },
  { text: 'образованието', kind: 'inflected' },
  // Without diacritics.
  { text: 'zastita', kind: 'no diacritics' },
  { text: 'femijet', kind: 'no diacritics' },
  { text: 'persoana', kind: 'no diacritics' },
  { text: 'casatoria', kind: 'no diacritics' },
  { text: 'szabadsag', kind: 'no diacritics' },
  { text: 'vedelmehez', kind: 'no diacritics' },
  // Latin for Cyrillic text and back.
  { text: 'zakrila', kind: 'cross-script' },
  { text: 'semejstvo', kind: 'cross-script' },
  { text: 'obrazovanje', kind: 'cross-script' },
  { text: 'заштита', kind: 'cross-script' },
  { text: 'djeca', kind: 'cross-script' },
  // Two or three words.
  { text: 'social security', kind: 'two-three words' },
  { text: 'pravo na obrazovanje', kind: 'two-three words' },
  { text: 'dreptul la educatie', kind: 'two-three words' },
  { text: 'asylum persecution countries', kind: 'two-three words' },
  { text: 'család védelmére', kind: 'two-three words' },
  { text: 'брак семейство', kind: 'two-three words' },
  // Phrases.
  { text: '"human rights"', kind: 'phrase' },
  { text: '"fair and public hearing"', kind: 'phrase' },
  { text: '"pravo na"', kind: 'phrase' },
  { text: '„dreptul la viață”', kind: 'phrase' },
  // Exclusions.
  { text: 'education -higher', kind: 'exclusion' },
  { text: 'pravo -rad', kind: 'exclusion' },
  { text: 'rights -"human rights"', kind: 'exclusion' },
  // Filters with words.
  { text: 'zaštita lang:sr', kind: 'filter' },
  { text: 'education year:2010-2020', kind: 'filter' },
  { text: 'type:report rights', kind: 'filter' },
  { text: 'family country:RS', kind: 'filter' },
  { text: 'право lang:mk year:2020', kind: 'filter' },
  // Filters alone (list the library, newest first).
  { text: 'country:RS', kind: 'filter only' },
  { text: 'type:report', kind: 'filter only' },
  { text: 'lang:ro year:2010-2020', kind: 'filter only' },
  { text: 'country:AL -drejtë', kind: 'filter only' },
  // Hostile.
  { text: '"child*', kind: 'hostile' },
  { text: 'NOT', kind: 'hostile' },
  { text: 'AND OR NEAR( a:b -', kind: 'hostile' },
  { text: '-right', kind: 'hostile' },
  { text: LONG_PASTE, kind: 'hostile' },
];

/** Short enough to print: the 5,000-character paste is shown by its length. */
export function queryLabel(text: string): string {
  return text.length > 40 ? `${text.slice(0, 24)}… (${text.length} chars)` : text;
}
