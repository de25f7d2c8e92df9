/**
 * One record of a content file (news, event, training, webinar), checked
 * and turned into a ContentItem — the same rules and messages as library
 * documents (core/library/document-record.ts), plus the times.
 *
 * Required: id, kind, title, language; `start` for events, trainings and
 * webinars. Optional: summary, url, country, topics, end, time_zone,
 * published (news). A start or end without an offset is local to
 * `time_zone`, which it then needs. Other fields are ignored.
 */
import {
  checkCountry, checkId, checkLanguage, checkText, checkTopics, checkUrl, describe, invalid, valid, type Checked,
} from '../library/document-record.ts';
import { CONTENT_KINDS, isContentKind, isDated, type ContentItem, type ContentKind } from './content-item.ts';
import { isTimeZone, parseLocalDateTime } from './time-zones.ts';

export type ContentValidation = { ok: true; item: ContentItem } | { ok: false; problems: string[] };

/** `now`: the publication time of news that does not say. */
export function validateContentRecord(raw: Record<string, unknown>, now: Date): ContentValidation {
  const problems: string[] = [];
  const take = <T>(field: string, checked: Checked<T>, fallback: T): T => {
    if (checked.ok) return checked.value;
    problems.push(`${field}: ${checked.problem}`);
    return fallback;
  };
  const kind = take('kind', checkKind(raw.kind), 'news' as ContentKind);
  const language = take('language', checkLanguage(raw.language), { tag: '', group: '' });
  const zoneValue = raw.time_zone ?? raw.timezone;
  const timeZone = take('time_zone', checkZone(zoneValue), undefined);
  const zoneKnown = zoneValue === undefined || zoneValue === null || zoneValue === '' || timeZone !== undefined;
  const startsAt = take('start', checkTime(raw.start, timeZone, zoneKnown, isDated(kind)), undefined);
  const endsAt = take('end', checkTime(raw.end, timeZone, zoneKnown, false), undefined);
  if (startsAt && endsAt && endsAt < startsAt) problems.push('end: is before the start');
  if (!isDated(kind) && (raw.start ?? '') !== '') problems.push(`start: news has no start (use kind event, training or webinar)`);
  const item: ContentItem = {
    id: take('id', checkId(raw.id), ''),
    kind,
    title: take('title', checkText(raw.title, true), ''),
    summary: take('summary', checkText(raw.summary, false), ''),
    url: take('url', checkUrl(raw.url), ''),
    language: language.tag,
    languageGroup: language.group,
    country: take('country', checkCountry(raw.country), ''),
    topics: take('topics', checkTopics(raw.topics), []),
    ...(startsAt ? { startsAt } : {}),
    ...(endsAt ? { endsAt } : {}),
    ...(timeZone ? { timeZone } : {}),
    publishedAt: take('published', checkPublished(raw.published), undefined) ?? now,
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, item };
}

function checkKind(value: unknown): Checked<ContentKind> {
  const checked = checkText(value, true);
  if (!checked.ok) return checked;
  const kind = checked.value.toLowerCase();
  return isContentKind(kind) ? valid(kind) : invalid(`${describe(checked.value)} is not one of ${CONTENT_KINDS.join(', ')}`);
}

function checkZone(value: unknown): Checked<string | undefined> {
  const checked = checkText(value, false);
  if (!checked.ok) return checked;
  if (checked.value === '') return valid(undefined);
  return isTimeZone(checked.value) ? valid(checked.value) : invalid(`${describe(checked.value)} is not a time zone (such as "Europe/Belgrade")`);
}

/** A date and time; without an offset it needs the record's time zone. */
function checkTime(value: unknown, zone: string | undefined, zoneKnown: boolean, required: boolean): Checked<Date | undefined> {
  const checked = checkText(value, false);
  if (!checked.ok) return checked;
  if (checked.value === '') return required ? invalid('missing (events, trainings and webinars need one, e.g. "2026-04-02T10:00")') : valid(undefined);
  const parsed = parseLocalDateTime(checked.value, zone);
  if (parsed.ok) return valid(parsed.at);
  if (parsed.problem === 'zone') {
    // A bad time_zone is reported once, under its own name.
    return zoneKnown ? invalid(`${describe(checked.value)} has no offset: add one ("+02:00") or a time_zone field (a column in CSV)`) : valid(undefined);
  }
  if (parsed.problem === 'nonexistent') return invalid(`${describe(checked.value)} does not exist in ${zone} (the clocks skip that hour)`);
  return invalid(`expected a date and time such as "2026-04-02T10:00" or "2026-04-02T10:00+02:00", got ${describe(checked.value)}`);
}

/** A date (`2026-03-10`) or a date and time with an offset; absent is "when it was imported". */
function checkPublished(value: unknown): Checked<Date | undefined> {
  const checked = checkText(value, false);
  if (!checked.ok) return checked;
  if (checked.value === '') return valid(undefined);
  const text = /^\d{4}-\d{2}-\d{2}$/.test(checked.value) ? `${checked.value}T00:00:00Z` : checked.value;
  const parsed = parseLocalDateTime(text, 'UTC');
  return parsed.ok ? valid(parsed.at) : invalid(`expected a date such as "2026-03-10", got ${describe(checked.value)}`);
}
