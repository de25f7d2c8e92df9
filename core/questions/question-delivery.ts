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
import type { QuestionPost } from './question-ports.ts';

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

/** Replaces or removes every message in `posts`; one that fails is logged and the rest still change. */
export async function changePosts(services: Posting, posts: QuestionPost[], change: (post: QuestionPost) => Reply | 'remove'): Promise<number> {
  let changed = 0;
  for (const post of posts) {
    const publisher = services.publishers.for(post.platform);
    if (!publisher) continue;
    const message = { conversationId: post.conversationId, messageIds: post.messageIds };
    try {
      const next = change(post);
      if (next === 'remove') await publisher.remove(message);
      else await publisher.edit(message, { ...next, language: post.language });
      changed += 1;
    } catch (error) {
      services.logger.warn({ err: error, platform: post.platform, question: post.questionId, kind: post.kind }, 'questions: could not change a post');
    }
  }
  return changed;
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
