/**
 * Words whose forms do not share a stem of four letters, so the prefix
 * search cannot join them. The most important word of the hub is one:
 * BCMS, Macedonian and Bulgarian "dete / dijete / deca / dece / deci / decu /
 * decom / децата" ("child, children"). A query word in a family matches
 * every form of it. Folded forms (ijekavian "djeca" folds to "deca").
 */
import { foldText } from './fold.ts';

const FAMILIES: string[][] = [
  ['dete', 'deteta', 'detetu', 'detetom', 'dijete', 'deca', 'dece', 'deci', 'decu', 'decom', 'deteto', 'decata', 'decinja'],
];

const FAMILY_OF = new Map<string, string[]>();
for (const family of FAMILIES) {
  const folded = family.map(foldText);
  for (const word of folded) FAMILY_OF.set(word, folded);
}

/** The other forms of a folded word, or undefined when it has no family. */
export function wordFamily(foldedWord: string): string[] | undefined {
  return FAMILY_OF.get(foldedWord);
}
