/**
 * `/subscribe`, `/unsubscribe` and `/digest` (a preview of this week's).
 * In a private chat, or with `me` anywhere, they are about the member's own
 * digest (one per member, sent to the account they subscribed from). In a
 * group they are about the group's digest, which only an administrator
 * decides; the group's digest is written in the language of the
 * administrator who subscribed it.
 */
import { parseFilterArgs } from '../content/content-filter-args.ts';
import { composeDigest } from '../digest/compose-digest.ts';
import { recipientKeyOfChat, recipientKeyOfMember, type DigestFilter } from '../digest/digest-ports.ts';
import { loadDigestWeek } from '../digest/digest-week.ts';
import { countryName, topicName } from '../library/display-names.ts';
import { requireMember } from '../members/member-context.ts';
import { timeZoneOf } from '../members/member-preferences.ts';
import { paragraph, reply, text } from '../model/reply-builders.ts';
import type { Reply } from '../model/reply.ts';
import type { TranslationParams } from '../ports.ts';
import { ok, type CommandContext, type CommandSpec } from '../router/command.ts';
import { UserError } from '../router/user-error.ts';
import { weeklyWhen } from './digest-when.ts';

interface Scope {
  /** The member's own digest, or this group's. */
  own: boolean;
  rest: string;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

function scopeOf(context: CommandContext, args: string): Scope {
  const me = /^me\b\s*/i.exec(args);
  const own = Boolean(me) || context.incoming.conversation.kind === 'private';
  return { own, rest: me ? args.slice(me[0].length) : args };
}

/** Another of these commands about the same digest: with `me` when it is the member's own, asked in a group. */
function sameScope(context: CommandContext, scope: Scope, name: string): string {
  return context.command(name, scope.own && context.incoming.conversation.kind === 'group' ? 'me' : undefined);
}

function chatKey(context: CommandContext): string {
  return recipientKeyOfChat(context.incoming.platform, context.incoming.conversation.id);
}

/** A group's digest is an administrator's decision; the refusal points to the member's own. */
function requireGroupAdmin(context: CommandContext, name: string): string {
  const member = context.member;
  if (member?.status === 'active' && member.role === 'admin') return member.id;
  throw new UserError('subscribe.groupAdminOnly', { command: context.command(name), own: context.command(name, 'me') });
}

function typedFilter(context: CommandContext, args: string): DigestFilter {
  const parsed = parseFilterArgs(args, (topic) => topicName(context.t, topic));
  if (!parsed.ok) throw new UserError('content.unknownFilter', { value: parsed.unknown, example: context.command('subscribe', 'country: RS, AL topic: online safety') });
  // A digest is written in the reader's language and reads its items and English ones: a language filter would say nothing.
  if (parsed.filter.languageGroups.length > 0) throw new UserError('subscribe.noLanguageFilter', { language: context.t(`languageNames.${context.language}`), lang: context.command('lang') });
  return { topics: parsed.filter.topics, countries: parsed.filter.countries };
}

export function describeFilter(context: CommandContext, filter: DigestFilter): string {
  const parts = [
    ...(filter.topics.length ? [context.t('digest.filterTopics', { list: filter.topics.map((topic) => topicName(context.t, topic)).join(', ') })] : []),
    ...(filter.countries.length ? [context.t('digest.filterCountries', { list: filter.countries.map((code) => countryName(context.language, code)).join(', ') })] : []),
  ];
  return parts.length ? parts.join('; ') : context.t('digest.filterNone');
}

export const subscribeCommand: CommandSpec<string> = {
  name: 'subscribe',
  descriptionKey: 'help.commands.subscribe',
  parse: (args) => ok(args),
  async run(context, args) {
    const scope = scopeOf(context, args);
    const filter = typedFilter(context, scope.rest);
    const params = {
      when: weeklyWhen(context),
      language: context.t(`languageNames.${context.language}`),
      filters: describeFilter(context, filter),
      preview: sameScope(context, scope, 'digest'),
      stop: sameScope(context, scope, 'unsubscribe'),
    };
    if (scope.own) {
      const member = requireMember(context);
      const { platform } = context.incoming;
      await context.services.subscriptions.subscribeMember(member.id, { platform, userId: context.incoming.sender.id }, filter);
      return reply([paragraph(text(context.t('subscribe.done', params)))], { private: true });
    }
    const by = requireGroupAdmin(context, 'subscribe');
    const { platform, conversation } = context.incoming;
    // Only a Telegram forum topic is a place of its own; a Slack or Discord thread is a conversation's side line.
    const threadId = platform === 'telegram' ? conversation.threadId : undefined;
    await context.services.subscriptions.subscribeChat({ platform, conversationId: conversation.id, ...(threadId ? { threadId } : {}) }, context.language, filter, by);
    return reply([paragraph(text(context.t('subscribe.groupDone', params)))]);
  },
};

export const unsubscribeCommand: CommandSpec<string> = {
  name: 'unsubscribe',
  descriptionKey: 'help.commands.unsubscribe',
  parse: (args) => ok(args),
  async run(context, args) {
    const scope = scopeOf(context, args);
    const again = sameScope(context, scope, 'subscribe');
    if (scope.own) {
      const member = requireMember(context);
      const removed = await context.services.subscriptions.unsubscribe(recipientKeyOfMember(member.id));
      return reply([paragraph(text(context.t(removed ? 'unsubscribe.done' : 'unsubscribe.none', { again })))], { private: true });
    }
    requireGroupAdmin(context, 'unsubscribe');
    const removed = await context.services.subscriptions.unsubscribe(chatKey(context));
    return reply([paragraph(text(context.t(removed ? 'unsubscribe.groupDone' : 'unsubscribe.groupNone', { again })))]);
  },
};

export const digestCommand: CommandSpec<string> = {
  name: 'digest',
  repeatsOnEdit: true,
  descriptionKey: 'help.commands.digest',
  parse: (args) => ok(args),
  async run(context, args) {
    const scope = scopeOf(context, args);
    const key = scope.own ? (context.member ? recipientKeyOfMember(context.member.id) : undefined) : chatKey(context);
    const subscription = key ? await context.services.subscriptions.find(key) : undefined;
    const now = context.services.clock.now();
    const week = await loadDigestWeek(context.services.digestSources, new Date(now.getTime() - WEEK_MS), now);
    // A group's digest is written in the group's language (chosen when it subscribed), the member's in theirs.
    const language = !scope.own && subscription?.language ? subscription.language : context.language;
    const t = (key: string, params?: TranslationParams) => context.services.translator.t(language, key, params);
    const reader = {
      language,
      timeZone: await timeZoneOf(context),
      filter: subscription?.filter ?? { topics: [], countries: [] },
      command: context.command,
    };
    const digest = composeDigest(week, reader, context.services.translator);
    const note = paragraph(text(t(subscription ? 'digest.previewSubscribed' : 'digest.previewNotSubscribed', { when: weeklyWhen({ ...context, language, t }), subscribe: sameScope(context, scope, 'subscribe') })));
    if (!digest) return { ...reply([paragraph(text(t('digest.nothing'))), note], { private: scope.own }), language };
    const preview: Reply = { ...digest, blocks: [...digest.blocks, note], private: scope.own };
    return preview;
  },
};
