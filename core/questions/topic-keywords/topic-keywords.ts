/**
 * Words and phrases that point to each of the hub's topics, per language,
 * as people write them: the matcher folds and stems them the way search
 * does (core/search/fold.ts, stem.ts), so Serbian Cyrillic needs no list of
 * its own (it folds onto the Latin one), diacritics are optional, and
 * "nasilje" also finds "nasilja", "nasiljem". A word ending in "=" matches
 * only exactly (acronyms: "adhd=", "ces="). Phrases weigh more than words.
 */
import type { TOPICS } from '../../members/profile-options.ts';

export type Topic = (typeof TOPICS)[number];
export type TopicKeywords = Record<Topic, string[]>;
