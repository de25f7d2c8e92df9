/** What /news and /events share: the typed filters and the list of items. */
import { parseFilterArgs, type TypedFilter } from '../content/content-filter-args.ts';
import type { ContentItem } from '../content/content-item.ts';
import { itemSpans, type ItemView } from '../content/format-content.ts';
import { topicName } from '../library/display-names.ts';
import { timeZoneOf } from '../members/member-preferences.ts';
import { paragraph, text } from '../model/reply-builders.ts';
import type { Block } from '../model/reply.ts';
import { fail, ok, type CommandContext, type ParseResult } from '../router/command.ts';
import { UserError } from '../router/user-error.ts';

/**
 * Parsed without the member's language (parsers are pure): topic names are
 * matched in English and by their keys here; /subscribe reads them in the
 * member's language too.
 */
export function parseListingFilter(args: string, usage: string): ParseResult<TypedFilter> {
  const parsed = parseFilterArgs(args, (topic) => topic);
  return parsed.ok ? ok(parsed.filter) : fail(new UserError('content.unknownFilter', { value: parsed.unknown, example: usage }));
}

export async function itemView(context: CommandContext): Promise<ItemView> {
  return { t: context.t, language: context.language, timeZone: await timeZoneOf(context) };
}

export function itemList(view: ItemView, items: ContentItem[]): Block {
  return { kind: 'list', items: items.map((item) => itemSpans(view, item)) };
}

/** Said when the list is empty: with filters, how to widen it. */
export function emptyListing(context: CommandContext, key: string, filter: TypedFilter, command: string): Block {
  const filtered = filter.countries.length + filter.topics.length + filter.languageGroups.length > 0;
  return paragraph(text(context.t(filtered ? 'content.noneFiltered' : key, { command: context.command(command) })));
}

export function topicLabel(context: CommandContext) {
  return (topic: string) => topicName(context.t, topic);
}
