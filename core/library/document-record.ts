/**
 * One record of a library file (a JSON Lines object or a CSV row), checked
 * and turned into a LibraryDocument. Pure: the file formats live in
 * library/; this file only knows the fields and their rules.
 *
 * Required: id, title, language. Optional: summary, body, country, type,
 * topics, publisher, year, url, url_is_mirror. Any other field is ignored on purpose, so
 * that a publisher's export with extra columns (isbn, pages, …) imports as
 * it is. Problems are English sentences for the admin, each naming its field.
 */
import { isCountryCode } from './country.ts';
import type { LibraryDocument } from './document.ts';
import { parseLanguageTag } from './language.ts';

export type RecordValidation = { ok: true; document: LibraryDocument } | { ok: false; problems: string[] };

export const MAX_ID_LENGTH = 200;
export const YEARS = { min: 1800, max: 2100 } as const;

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

export const valid = <T>(value: T): Checked<T> => ({ ok: true, value });
export const invalid = (problem: string): Checked<never> => ({ ok: false, problem });

export function validateDocumentRecord(raw: Record<string, unknown>): RecordValidation {
  const problems: string[] = [];
  const take = <T>(field: string, checked: Checked<T>, fallback: T): T => {
    if (checked.ok) return checked.value;
    problems.push(`${field}: ${checked.problem}`);
    return fallback;
  };
  const id = take('id', checkId(raw.id), '');
  const title = take('title', checkText(raw.title, true), '');
  const language = take('language', checkLanguage(raw.language), { tag: '', group: '' });
  const document: LibraryDocument = {
    id,
    title,
    summary: take('summary', checkText(raw.summary, false), ''),
    body: take('body', checkText(raw.body, false), ''),
    language: language.tag,
    languageGroup: language.group,
    country: take('country', checkCountry(raw.country), ''),
    type: take('type', checkType(raw.type), ''),
    topics: take('topics', checkTopics(raw.topics), []),
    publisher: take('publisher', checkText(raw.publisher, false), ''),
    year: take('year', checkYear(raw.year), null),
    url: take('url', checkUrl(raw.url), ''),
    urlIsMirror: take('url_is_mirror', checkFlag(raw.url_is_mirror), false),
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, document };
}

/** true / false, in JSON or as CSV text (also yes/no, 1/0); absent is false. */
function checkFlag(value: unknown): Checked<boolean> {
  if (value === undefined || value === null || value === '') return valid(false);
  if (typeof value === 'boolean') return valid(value);
  const text = String(value).trim().toLowerCase();
  if (['true', 'yes', '1'].includes(text)) return valid(true);
  if (['false', 'no', '0'].includes(text)) return valid(false);
  return invalid(`expected true or false, got ${describe(value)}`);
}

/** Trimmed text; absent and null are the empty string, which a required field refuses. */
export function checkText(value: unknown, required: boolean): Checked<string> {
  if (value === undefined || value === null) return required ? invalid('missing') : valid('');
  if (typeof value !== 'string') return invalid(`expected text, got ${describe(value)}`);
  const text = value.trim();
  return required && text === '' ? invalid('empty') : valid(text);
}

// Numeric ids are common in exports and have one obvious text form.
export function checkId(value: unknown): Checked<string> {
  const checked = Number.isSafeInteger(value) ? valid(String(value)) : checkText(value, true);
  if (!checked.ok) return checked;
  if (checked.value.length > MAX_ID_LENGTH) {
    return invalid(`longer than ${MAX_ID_LENGTH} characters (${checked.value.length})`);
  }
  // Members type ids in chat commands: a line break or control character cannot be typed.
  if (/\p{Cc}/u.test(checked.value)) return invalid('contains a line break or a control character');
  return checked;
}

export function checkLanguage(value: unknown): Checked<{ tag: string; group: string }> {
  const checked = checkText(value, true);
  if (!checked.ok) return checked;
  const parsed = parseLanguageTag(checked.value);
  if (!parsed) {
    return invalid(`${describe(checked.value)} is not a language code (expected ISO 639-1 such as "en" or BCP 47 such as "sr-Cyrl")`);
  }
  return valid({ tag: parsed.tag, group: parsed.group });
}

export function checkCountry(value: unknown): Checked<string> {
  const checked = checkText(value, false);
  if (!checked.ok || checked.value === '') return checked;
  const code = checked.value.toUpperCase();
  if (isCountryCode(code)) return valid(code);
  return invalid(`${describe(checked.value)} is not an ISO 3166 alpha-2 country code (such as "RS", or "XK" for Kosovo)`);
}

// An open vocabulary: one spelling per type so that `type:` filters match.
function checkType(value: unknown): Checked<string> {
  const checked = checkText(value, false);
  return checked.ok ? valid(checked.value.toLowerCase().replace(/\s+/g, ' ')) : checked;
}

/**
 * A list of strings, or one string separated by `;` or `|`. A topic may not
 * contain `|`: the topic filter keeps topics between bars (db/document-rows.ts).
 */
export function checkTopics(value: unknown): Checked<string[]> {
  if (value === undefined || value === null) return valid([]);
  if (typeof value === 'string') return valid(distinctTopics(value.split(/[;|]/)));
  if (!Array.isArray(value)) {
    return invalid(`expected a list of strings or text separated by ";", got ${describe(value)}`);
  }
  const wrong = value.findIndex((topic) => typeof topic !== 'string');
  if (wrong >= 0) return invalid(`item ${wrong + 1} is not text but ${describe(value[wrong])}`);
  const topics = value as string[];
  const barred = topics.find((topic) => topic.includes('|'));
  if (barred !== undefined) return invalid(`${describe(barred)} contains "|", which separates topics`);
  return valid(distinctTopics(topics));
}

function distinctTopics(topics: string[]): string[] {
  return [...new Set(topics.map((topic) => topic.trim()).filter((topic) => topic !== ''))];
}

/** A whole number or a string of digits; empty means unknown. */
function checkYear(value: unknown): Checked<number | null> {
  if (value === undefined || value === null) return valid(null);
  let year: number;
  if (typeof value === 'number' && Number.isInteger(value)) year = value;
  else if (typeof value === 'string' && value.trim() === '') return valid(null);
  else if (typeof value === 'string' && /^\d+$/.test(value.trim())) year = Number(value.trim());
  else return invalid(`expected a whole number, got ${describe(value)}`);
  if (year < YEARS.min || year > YEARS.max) return invalid(`${year} is not between ${YEARS.min} and ${YEARS.max}`);
  return valid(year);
}

// Kept as written (not re-serialised by URL): members see and copy it.
export function checkUrl(value: unknown): Checked<string> {
  const checked = checkText(value, false);
  if (!checked.ok || checked.value === '') return checked;
  const protocol = URL.canParse(checked.value) ? new URL(checked.value).protocol : '';
  if (protocol === 'http:' || protocol === 'https:') return checked;
  return invalid(`expected an http or https address, got ${describe(checked.value)}`);
}

/** A value as an admin would recognise it in their file, kept short. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
