/**
 * E-mail addresses (ana.petrovic@gmail.com, info@sos-decija-sela.rs). Every
 * address is reported, an organisation's too: from the text alone a role
 * address cannot be told from a person's, and redacting one costs little.
 * The pattern is the practical subset of RFC 5322 that people type: a local
 * part of letters, digits and . _ % + -, an @, and a domain with a dot and
 * a top-level name of two letters or more (any script: IDN domains). A
 * Telegram or Discord mention (@ana) has no domain and is not an address.
 * Lengths are bounded (64 and 253, as in RFC 5321) so matching stays linear.
 */
import { finding, type Finding } from './finding.ts';

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@(?:[\p{L}\p{N}-]{1,63}\.){1,8}\p{L}{2,63}(?![\p{L}\p{N}-])/gu;

export function detectEmails(text: string): Finding[] {
  return [...text.matchAll(EMAIL)].map((match) => finding(text, 'email', match.index, match.index + match[0].length));
}
