/**
 * What the safeguarding check found in a member's text: a kind, where it is
 * (UTF-16 offsets into the text as given, `end` exclusive) and what it is,
 * so the caller can show the member what was found and offer a redacted
 * version with a placeholder per kind, in the member's language.
 */
export type FindingKind = 'id-number' | 'phone' | 'email' | 'address' | 'name-with-age' | 'birth-date';

/** Which national ID number an `id-number` finding is. */
export type IdScheme = 'jmbg' | 'egn' | 'cnp' | 'oib' | 'albanian-nid' | 'kosovo-personal-number';

export interface Finding {
  kind: FindingKind;
  start: number;
  end: number;
  /** The text found: `text.slice(start, end)`. */
  text: string;
  scheme?: IdScheme;
}

export function finding(source: string, kind: FindingKind, start: number, end: number, scheme?: IdScheme): Finding {
  return scheme ? { kind, start, end, text: source.slice(start, end), scheme } : { kind, start, end, text: source.slice(start, end) };
}

/** When two findings overlap, the more certain kind is kept. */
const PRIORITY: FindingKind[] = ['id-number', 'email', 'phone', 'address', 'birth-date', 'name-with-age'];

/** The findings in text order, no two overlapping. */
export function withoutOverlaps(findings: Finding[]): Finding[] {
  const byCertainty = [...findings].sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || a.start - b.start);
  const kept: Finding[] = [];
  for (const candidate of byCertainty) {
    if (!kept.some((other) => candidate.start < other.end && other.start < candidate.end)) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}
