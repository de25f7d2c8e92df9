/**
 * The hub's topics a question is about, from its words, best first — so a
 * question can be routed to the experts of its topic and the asker asked
 * to confirm or correct it. Keywords per topic and language live in
 * topic-keywords/; they and the question go through search's folding and
 * stemming (core/search/fold.ts, stem.ts), so script, diacritics and word
 * endings do not matter ("насиље" = "nasilje" = "nasiljem").
 *
 * A keyword word matches a question word when the question word's stem
 * starts with the keyword's stem (stems of five letters or more; shorter
 * ones must be equal, so "azil" finds "azilul" but "vala" never finds
 * "valami"); a keyword ending in "=" must equal the folded word. Each
 * word of the question counts once per topic, a phrase as many points as
 * it has words, so "foster care" outweighs a passing "family". Topic names
 * are the library's topic vocabulary (`topicNames.<topic>` in the locales).
 */
import { foldedTokens } from '../search/fold.ts';
import { stem } from '../search/stem.ts';
import { TOPIC_KEYWORDS, type Topic } from './topic-keywords/index.ts';

export type { Topic } from './topic-keywords/index.ts';

export interface RankedTopic {
  topic: Topic;
  /** Points from the keywords found: a word 1, a phrase one per word. */
  score: number;
}

/** A stem this long or longer also matches the words it begins. */
const PREFIX_STEM = 5;

interface KeywordWord {
  key: string;
  exact: boolean;
}
interface Keyword {
  topic: Topic;
  words: KeywordWord[];
}

function keywordWord(token: string, exact: boolean): KeywordWord {
  return { key: exact ? token : stem(token), exact };
}

const KEYWORDS: Keyword[] = TOPIC_KEYWORDS.flatMap(({ topic, keywords }) =>
  keywords.map((keyword) => {
    const exact = keyword.endsWith('=');
    return { topic, words: foldedTokens(exact ? keyword.slice(0, -1) : keyword).map((token) => keywordWord(token, exact)) };
  }),
).filter((keyword) => keyword.words.length > 0);

/** Keywords by the first three letters of their first word, so a question word looks at a few, not all. */
const BY_START = new Map<string, Keyword[]>();
for (const keyword of KEYWORDS) {
  const start = keyword.words[0]!.key.slice(0, 3);
  BY_START.set(start, [...(BY_START.get(start) ?? []), keyword]);
}

function wordMatches(word: KeywordWord, folded: string, stemmed: string): boolean {
  if (word.exact) return folded === word.key;
  return word.key.length >= PREFIX_STEM ? stemmed.startsWith(word.key) : stemmed === word.key;
}

function keywordAt(keyword: Keyword, folded: string[], stemmed: string[], index: number): boolean {
  return keyword.words.every((word, offset) => index + offset < folded.length && wordMatches(word, folded[index + offset]!, stemmed[index + offset]!));
}

/**
 * The topics of a text, best first (ties in the hub's order of topics);
 * none when no keyword is found. Per topic, each word of the text counts
 * once: at each word the longest keyword found there scores its length, and
 * the words it covers are passed ("domestic violence" is 2, not 2 + 1 for
 * "violence"; "škola" listed in several forms still counts once).
 */
export function detectTopics(text: string): RankedTopic[] {
  const folded = foldedTokens(typeof text === 'string' ? text : '');
  const stemmed = folded.map(stem);
  // A stem keeps at least four letters of its word, so a word's and its stem's first three are the same.
  const longestAt = stemmed.map((word, index) => {
    const longest = new Map<Topic, number>();
    for (const keyword of BY_START.get(word.slice(0, 3)) ?? []) {
      if (keyword.words.length > (longest.get(keyword.topic) ?? 0) && keywordAt(keyword, folded, stemmed, index)) {
        longest.set(keyword.topic, keyword.words.length);
      }
    }
    return longest;
  });
  const ranked: RankedTopic[] = [];
  for (const { topic } of TOPIC_KEYWORDS) {
    let score = 0;
    for (let index = 0; index < longestAt.length; ) {
      const length = longestAt[index]!.get(topic) ?? 0;
      score += length;
      index += Math.max(length, 1);
    }
    if (score > 0) ranked.push({ topic, score });
  }
  // A stable sort keeps the hub's order of topics among equal scores.
  return ranked.sort((a, b) => b.score - a.score);
}
