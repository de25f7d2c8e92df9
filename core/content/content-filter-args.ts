/**
 * The filters a member types after /news, /events, /subscribe:
 * `country:RS,AL topic:online safety, trafficking lang:sq`. A value runs
 * until the next `name:`; values are separated by commas. Countries are
 * codes or names, topics the hub's topics by number, key, name or a word of
 * it (`trafficking`). Anything not understood is named back, never guessed.
 */
import { resolveCountry } from '../library/country.ts';
import { resolveLanguageName, languageGroupOf } from '../library/language.ts';
import { resolveChoice, TOPICS } from '../members/profile-options.ts';
import { foldText } from '../search/fold.ts';

export interface TypedFilter {
  countries: string[];
  topics: string[];
  languageGroups: string[];
}

export type FilterParse = { ok: true; filter: TypedFilter } | { ok: false; unknown: string };

const FIELD = /(?:^|\s)(country|countries|topic|topics|lang|language):/gi;

export function parseFilterArgs(args: string, topicName: (topic: string) => string): FilterParse {
  const filter: TypedFilter = { countries: [], topics: [], languageGroups: [] };
  const text = args.trim();
  if (!text) return { ok: true, filter };
  const marks = [...text.matchAll(FIELD)];
  if (marks.length === 0 || text.slice(0, marks[0]!.index).trim()) {
    return { ok: false, unknown: (marks.length ? text.slice(0, marks[0]!.index) : text).trim() };
  }
  for (const [index, mark] of marks.entries()) {
    const end = marks[index + 1]?.index ?? text.length;
    const values = text.slice(mark.index + mark[0].length, end).split(',').map((value) => value.trim()).filter(Boolean);
    const field = mark[1]!.toLowerCase();
    for (const value of values) {
      const resolved = field.startsWith('countr') ? resolveCountry(value) : field.startsWith('topic') ? resolveTopic(value, topicName) : resolveGroup(value);
      if (!resolved) return { ok: false, unknown: `${mark[1]}:${value}` };
      const list = field.startsWith('countr') ? filter.countries : field.startsWith('topic') ? filter.topics : filter.languageGroups;
      if (!list.includes(resolved)) list.push(resolved);
    }
  }
  return { ok: true, filter };
}

function resolveGroup(value: string): string | undefined {
  const language = resolveLanguageName(value);
  return language ? languageGroupOf(language) : undefined;
}

/** A topic by number, key or name; else the one topic a word of it names. */
export function resolveTopic(value: string, topicName: (topic: string) => string): string | undefined {
  const exact = resolveChoice(value, TOPICS, topicName);
  if (exact) return exact;
  const word = foldText(value).trim();
  if (word.length < 3) return undefined;
  const matches = TOPICS.filter((topic) => foldText(topic).includes(word) || foldText(topicName(topic)).includes(word));
  return matches.length === 1 ? matches[0] : undefined;
}

export function isEmptyFilter(filter: TypedFilter): boolean {
  return filter.countries.length + filter.topics.length + filter.languageGroups.length === 0;
}
