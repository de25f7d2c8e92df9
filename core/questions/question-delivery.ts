/**
 * Posting about questions through the platforms' publishers, and keeping
 * where each message went (question_posts) so it can be marked or taken
 * down later. A platform that is not running, or refuses, costs that one
 * message, never the question: the failure is logged with the question id
 * and the platform — never who asked.
 */
import { failureCode } from '../delivery/platform-error.ts';
import { DEFAULT_LANGUAGE } from '../library/language.ts';
import type { PlatformName } from '../model/incoming.ts';
import type { Reply } from '../model/reply.ts';
import type { OutboundTarget } from '../ports.ts';
import type { CoreServices } from '../router/command.ts';
import type { Translate } from './question-cards.ts';
import type { Publisher, QuestionPost } from './question-ports.ts';

/** What posting needs: the publishers, the store that keeps the posts, a log. */
type Posting = Pick<CoreServices, 'publishers' | 'questions' | 'logger'>;

export interface PostPlace {
  questionId: string;
  answerNumber?: number;
  kind: QuestionPost['kind'];
  platform: PlatformName;
  target: OutboundTarget;
  language: string;
  /** The message this one answers (the question's post in that chat). */
  replyTo?: string;
}

/** Posts and records it; false when it could not go. */
export async function postAndRecord(services: Posting, place: PostPlace, message: Reply): Promise<boolean> {
  const publisher = services.publishers.for(place.platform);
  if (!publisher) return false;
  try {
    const posted = await publisher.post(place.target, { ...message, language: place.language }, place.replyTo);
    await services.questions.addPost({
      questionId: place.questionId,
      ...(place.answerNumber !== undefined ? { answerNumber: place.answerNumber } : {}),
      kind: place.kind,
      platform: place.platform,
      conversationId: posted.conversationId,
      language: place.language,
      messageIds: posted.messageIds,
    });
    return true;
  } catch (error) {
    // To the asker: the code alone, whose message would name their chat (see failureCode).
    const failure = place.kind === 'asker' ? { code: failureCode(error) } : { err: error };
    services.logger.warn({ ...failure, platform: place.platform, question: place.questionId, kind: place.kind }, 'questions: could not post');
    return false;
  }
}

/** Replaces every message cphub posted in `posts` (a member's own is theirs); one that fails is logged and the rest still change. */
export async function changePosts(services: Posting, posts: QuestionPost[], change: (post: QuestionPost) => Reply): Promise<number> {
  let changed = 0;
  for (const post of posts) {
    const publisher = services.publishers.for(post.platform);
    if (!publisher || post.kind === 'member') continue;
    const message = { conversationId: post.conversationId, messageIds: post.messageIds };
    try {
      await publisher.edit(message, { ...change(post), language: post.language });
      changed += 1;
    } catch (error) {
      services.logger.warn({ err: error, platform: post.platform, question: post.questionId, kind: post.kind }, 'questions: could not change a post');
    }
  }
  return changed;
}

/**
 * Takes every message in `posts` down; returns how many posts went. A
 * message the platform will not delete is edited into `placeholder` (in the
 * post's language) instead, so what it said still disappears: Telegram lets
 * a bot delete its messages for 48 hours only
 * (https://core.telegram.org/bots/api#deletemessage) but edit them for ever.
 * Each message of a long post is taken down on its own, so one that cannot
 * be deleted does not keep the others. A member's own message (kind
 * `member`) can only be deleted, by a bot with the right to delete messages
 * there; without it, it stays and the log says so.
 */
export async function removePosts(services: Posting & Pick<CoreServices, 'translator'>, posts: QuestionPost[], placeholder: (t: Translate) => Reply): Promise<number> {
  let removed = 0;
  for (const post of posts) {
    const publisher = services.publishers.for(post.platform);
    if (!publisher) continue;
    let gone = true;
    for (const messageId of post.messageIds) {
      if (!(await removeMessage(services, publisher, post, messageId, placeholder))) gone = false;
    }
    if (gone) removed += 1;
  }
  return removed;
}

async function removeMessage(services: Posting & Pick<CoreServices, 'translator'>, publisher: Publisher, post: QuestionPost, messageId: string, placeholder: (t: Translate) => Reply): Promise<boolean> {
  const message = { conversationId: post.conversationId, messageIds: [messageId] };
  const about = { platform: post.platform, question: post.questionId, kind: post.kind };
  try {
    await publisher.remove(message);
    return true;
  } catch (error) {
    if (post.kind === 'member') {
      services.logger.warn({ err: error, ...about }, "questions: could not delete the member's own message (the bot needs the right to delete messages there)");
      return false;
    }
    services.logger.warn({ err: error, ...about }, 'questions: could not delete a post, replacing its text');
  }
  try {
    await publisher.edit(message, { ...placeholder(translate(services, post.language)), language: post.language });
    return true;
  } catch (error) {
    services.logger.warn({ err: error, ...about }, 'questions: could not delete a post nor replace its text');
    return false;
  }
}

/** `t` in a language. */
export function translate(services: Pick<CoreServices, 'translator'>, language: string): Translate {
  return (key, params) => services.translator.t(language, key, params);
}

/** A member's language and the name other members see. */
export async function memberVoice(services: Pick<CoreServices, 'members'>, memberId: string): Promise<{ language: string; name?: string }> {
  const member = await services.members.findById(memberId);
  return { language: member?.language ?? DEFAULT_LANGUAGE, ...(member?.profile.displayName ? { name: member.profile.displayName } : {}) };
}

/** The language a chat is written in, else `fallback`. */
export async function chatLanguage(services: CoreServices, platform: PlatformName, conversationId: string, fallback: string): Promise<string> {
  return (await services.chats.find(platform, conversationId))?.language ?? fallback;
}
