/**
 * The member's text with each finding replaced by a placeholder the caller
 * chooses per finding (in the member's language: "[ID number removed]"),
 * the rest exactly as written.
 */
import type { Finding } from './finding.ts';

export function redact(text: string, findings: readonly Finding[], placeholder: (finding: Finding) => string): string {
  let out = '';
  let from = 0;
  for (const found of [...findings].sort((a, b) => a.start - b.start)) {
    if (found.start < from) continue;
    out += text.slice(from, found.start) + placeholder(found);
    from = found.end;
  }
  return out + text.slice(from);
}
