/**
 * The safeguarding check: a person's identifying data in a member's text,
 * found before anything is posted (see "Safeguarding" in the README for
 * what is looked for and what is deliberately not). Pure and synchronous:
 * any text — emoji, mixed scripts, 5,000 characters, none at all — gives a
 * list, never an exception.
 */
import { detectAddresses } from './detect-addresses.ts';
import { detectEmails } from './detect-emails.ts';
import { detectIdNumbers } from './detect-id-numbers.ts';
import { detectNamesWithAges } from './detect-names-with-ages.ts';
import { detectPhones } from './detect-phones.ts';
import { withoutOverlaps, type Finding } from './finding.ts';

const DETECTORS: ReadonlyArray<(text: string) => Finding[]> = [detectIdNumbers, detectEmails, detectPhones, detectAddresses, detectNamesWithAges];

/**
 * Every finding in text order, none overlapping another. A detector that
 * fails (a bug, not an input: the tests feed them every kind of text) is
 * reported to `onError` and the others still run.
 */
export function detectPersonalData(text: string, onError?: (error: unknown) => void): Finding[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const findings: Finding[] = [];
  for (const detect of DETECTORS) {
    try {
      findings.push(...detect(text));
    } catch (error) {
      onError?.(error);
    }
  }
  return withoutOverlaps(findings);
}
