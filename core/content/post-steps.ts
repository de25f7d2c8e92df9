/**
 * The guided form of `/post`: one question at a time — kind, title,
 * summary, link, language, country, topics, and for events, trainings and
 * webinars the start and end — then a preview with Publish and Cancel.
 * Buttons where there are choices; typed answers (the next plain message,
 * or `/post <field> <value>` where a platform has no plain messages) for
 * the rest. Pure: the command (core/commands/post.ts) stores the draft.
 */
import { MEMBER_LANGUAGES, parseLanguageTag } from '../library/language.ts';
import { REGION_COUNTRIES, TOPICS } from '../members/profile-options.ts';
import type { Button } from '../model/reply.ts';
import { UserError } from '../router/user-error.ts';
import { CONTENT_KINDS, isContentKind, isDated, type ContentItem } from './content-item.ts';
import type { PostDraft } from './content-ports.ts';
import { parseLocalDateTime, resolveTimeZone } from './time-zones.ts';

export const POST_ACTION = 'post';
export const POST_FIELDS = ['kind', 'title', 'summary', 'url', 'language', 'country', 'topics', 'start', 'end'] as const;
export type PostField = (typeof POST_FIELDS)[number];
/** Answered by typing (the others by buttons). */
export const TYPED_POST_FIELDS: ReadonlySet<PostField> = new Set(['title', 'summary', 'url', 'start', 'end']);
const REQUIRED: ReadonlySet<PostField> = new Set(['kind', 'title', 'start']);
export const POST_LANGUAGES = MEMBER_LANGUAGES.filter((code) => code !== 'sh-Cyrl');
export const TITLE_MAX = 300;
export const SUMMARY_MAX = 2000;
const PER_ROW = 4;

/** The next question, or undefined when the draft is ready for review. */
export function nextField(draft: PostDraft): PostField | undefined {
  return POST_FIELDS.find((field) => applies(draft, field) && !answered(draft, field));
}

function applies(draft: PostDraft, field: PostField): boolean {
  return field !== 'start' && field !== 'end' ? true : draft.kind !== undefined && isDated(draft.kind);
}

function answered(draft: PostDraft, field: PostField): boolean {
  if (draft.skipped?.includes(field)) return true;
  const value = field === 'start' ? draft.startsAt : field === 'end' ? draft.endsAt : draft[field];
  return value !== undefined;
}

export function isSkippable(field: PostField): boolean {
  return !REQUIRED.has(field);
}

export function skip(draft: PostDraft, field: PostField): PostDraft {
  if (!isSkippable(field)) throw new UserError('post.required');
  return { ...draft, skipped: [...new Set([...(draft.skipped ?? []), field])] };
}

/** Choice buttons of a field (the caller adds Skip and labels). */
export function choices(draft: PostDraft, field: PostField, label: (field: PostField, choice: string) => string): Button[][] {
  const button = (choice: string, prefix = ''): Button => ({ actionId: POST_ACTION, label: `${prefix}${label(field, choice)}`, value: `${field}:${choice}` });
  switch (field) {
    case 'kind': return [CONTENT_KINDS.map((kind) => button(kind))];
    case 'language': return rows(POST_LANGUAGES.map((code) => button(code)));
    case 'country': return rows([...REGION_COUNTRIES, 'none'].map((code) => button(code)));
    case 'topics': {
      const chosen = new Set(draft.topicsPicked ?? []);
      return rows([...TOPICS.map((topic, index) => button(String(index), chosen.has(topic) ? '✓ ' : '')), button('done')]);
    }
    default: return [];
  }
}

function rows(buttons: Button[]): Button[][] {
  const out: Button[][] = [];
  for (let index = 0; index < buttons.length; index += PER_ROW) out.push(buttons.slice(index, index + PER_ROW));
  return out;
}

/** A pressed choice → the draft with it. */
export function pressed(draft: PostDraft, field: PostField, choice: string): PostDraft {
  switch (field) {
    case 'kind':
      if (!isContentKind(choice)) throw new UserError('errors.unknownButton');
      return { ...draft, kind: choice };
    case 'language':
      if (!(POST_LANGUAGES as readonly string[]).includes(choice)) throw new UserError('errors.unknownButton');
      return { ...draft, language: choice };
    case 'country':
      if (choice !== 'none' && !(REGION_COUNTRIES as readonly string[]).includes(choice)) throw new UserError('errors.unknownButton');
      return { ...draft, country: choice === 'none' ? '' : choice };
    case 'topics': {
      if (choice === 'done') return { ...draft, topics: draft.topicsPicked ?? [] };
      const topic = TOPICS[Number(choice)];
      if (!topic) throw new UserError('errors.unknownButton');
      const chosen = new Set(draft.topicsPicked ?? []);
      if (!chosen.delete(topic)) chosen.add(topic);
      // Pressing a topic keeps the question open until Done.
      return { ...draft, topicsPicked: TOPICS.filter((item) => chosen.has(item)) };
    }
    default:
      throw new UserError('errors.unknownButton');
  }
}

/** A typed answer → the draft with it; `zone` is the admin's, for a time typed without one. */
export function typed(draft: PostDraft, field: PostField, value: string, zone: string): PostDraft {
  const text = value.trim().replace(/\s+/g, ' ');
  switch (field) {
    case 'title':
      if (!text) throw new UserError('post.invalid.empty');
      if ([...text].length > TITLE_MAX) throw new UserError('post.invalid.tooLong', { max: TITLE_MAX });
      return { ...draft, title: text };
    case 'summary':
      if ([...value.trim()].length > SUMMARY_MAX) throw new UserError('post.invalid.tooLong', { max: SUMMARY_MAX });
      return { ...draft, summary: value.trim() };
    case 'url': {
      const protocol = URL.canParse(text) ? new URL(text).protocol : '';
      if (protocol !== 'http:' && protocol !== 'https:') throw new UserError('post.invalid.url', { value: text });
      return { ...draft, url: text };
    }
    case 'start':
    case 'end':
      return typedTime(draft, field, text, zone);
    case 'kind':
      if (!isContentKind(text.toLowerCase())) throw new UserError('post.invalid.kind', { list: CONTENT_KINDS.join(', ') });
      return { ...draft, kind: text.toLowerCase() as PostDraft['kind'] };
    default:
      throw new UserError('post.invalid.choose');
  }
}

/** `2026-04-02 10:00`, optionally followed by a zone or city (`Europe/Sofia`, `Sofia`). */
function typedTime(draft: PostDraft, field: 'start' | 'end', text: string, zone: string): PostDraft {
  const parts = text.split(' ');
  const named = parts.length > 2 ? resolveTimeZone(parts.slice(2).join(' ')) : undefined;
  const useZone = named ?? draft.timeZone ?? zone;
  const parsed = parseLocalDateTime(parts.slice(0, 2).join(' '), useZone);
  if (!parsed.ok) throw new UserError(parsed.problem === 'nonexistent' ? 'post.invalid.nonexistent' : 'post.invalid.time', { value: text, example: '2026-04-02 10:00' });
  const at = parsed.at.toISOString();
  if (field === 'end' && draft.startsAt && at <= draft.startsAt) throw new UserError('post.invalid.endBeforeStart');
  return field === 'start' ? { ...draft, startsAt: at, timeZone: useZone } : { ...draft, endsAt: at };
}

/** The item the draft describes, as it will be published. */
export function draftItem(draft: PostDraft, fallbackLanguage: string, now: Date): Omit<ContentItem, 'id'> {
  const language = parseLanguageTag(draft.language ?? fallbackLanguage) ?? parseLanguageTag('en')!;
  return {
    kind: draft.kind ?? 'news',
    title: draft.title ?? '',
    summary: draft.summary ?? '',
    url: draft.url ?? '',
    language: language.tag,
    languageGroup: language.group,
    country: draft.country ?? '',
    topics: draft.topics ?? [],
    ...(draft.startsAt ? { startsAt: new Date(draft.startsAt) } : {}),
    ...(draft.endsAt ? { endsAt: new Date(draft.endsAt) } : {}),
    ...(draft.timeZone ? { timeZone: draft.timeZone } : {}),
    publishedAt: now,
  };
}
