/**
 * Does a label stand right before a number? ("tel. 3234-567", "numri
 * personal 1234567890"). Labels and the text before the number are both
 * folded (no case, no diacritics, Cyrillic as Latin), so one list serves
 * every script and every way of typing.
 */
import { foldText } from '../search/fold.ts';

/** How far before a number its label may start. */
const WINDOW = 40;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// "is" between a label and its number: "his personal number is", "numri personal është", "broj je", "este".
const COPULA = ['is', 'je', 'e', 'është', 'este', 'е', 'ist'].map(foldText).join('|');

/** A pattern that matches text ending in one of the labels (then a colon, a dot, "#", "№", "no.", "is"). */
export function labelPattern(labels: readonly string[]): RegExp {
  const folded = [...new Set(labels.map((label) => escape(foldText(label))))].sort((a, b) => b.length - a.length);
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${folded.join('|')})[\\s:.#№-]*(?:(?:no|nr|br)\\.?\\s*)?(?:(?:${COPULA})[\\s:]+)?$`, 'u');
}

export function labelBefore(text: string, start: number, label: RegExp): boolean {
  return label.test(foldText(text.slice(Math.max(0, start - WINDOW), start)));
}
