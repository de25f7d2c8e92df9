/** Every language's topic keywords, one list per topic. */
import { TOPICS } from '../../members/profile-options.ts';
import { BG } from './bg.ts';
import { EN } from './en.ts';
import { HU } from './hu.ts';
import { MK } from './mk.ts';
import { RO } from './ro.ts';
import { SH } from './sh.ts';
import { SQ } from './sq.ts';
import type { Topic } from './topic-keywords.ts';

export type { Topic } from './topic-keywords.ts';

const LANGUAGES = [EN, SQ, SH, BG, HU, RO, MK];

export const TOPIC_KEYWORDS: ReadonlyArray<{ topic: Topic; keywords: string[] }> = TOPICS.map((topic) => ({
  topic,
  keywords: LANGUAGES.flatMap((language) => language[topic]),
}));
