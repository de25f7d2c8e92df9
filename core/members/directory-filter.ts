/**
 * `/experts [topic] [country]` as members type it: `trafficking RS`,
 * `Srbija online safety`, `3`, `North Macedonia`. The whole text is a topic
 * when it names one; otherwise a country is looked for in the last or first
 * one to three words, and the rest must name a topic. A topic is named by
 * its number, its name, or a word of its name (`trafficking`).
 */
import { foldText } from '../search/fold.ts';
import { OTHER_COUNTRY, resolveChoice, resolveMemberCountry, TOPICS } from './profile-options.ts';

export interface DirectoryFilter {
  topic?: string;
  country?: string;
}

/** Longest country name members type, in words (`Bosna i Hercegovina`). */
const COUNTRY_WORDS = 3;

export function resolveDirectoryFilter(
  typed: string,
  topicName: (topic: string) => string,
  countryName: (code: string) => string,
): DirectoryFilter | undefined {
  const words = typed.split(/\s+/).filter(Boolean);
  if (words.length === 0) return {};
  const whole = resolveTopic(words.join(' '), topicName);
  if (whole) return { topic: whole };
  for (let count = Math.min(COUNTRY_WORDS, words.length); count >= 1; count -= 1) {
    for (const [countryWords, rest] of [[words.slice(-count), words.slice(0, -count)], [words.slice(0, count), words.slice(count)]]) {
      const country = resolveMemberCountry(countryWords!.join(' '), countryName);
      if (!country || country === OTHER_COUNTRY) continue;
      if (rest!.length === 0) return { country };
      const topic = resolveTopic(rest!.join(' '), topicName);
      if (topic) return { topic, country };
    }
  }
  return undefined;
}

function resolveTopic(typed: string, topicName: (topic: string) => string): string | undefined {
  const exact = resolveChoice(typed, TOPICS, topicName);
  if (exact) return exact;
  const wanted = foldText(typed).trim();
  if (wanted.length < 3) return undefined;
  // A word of the name, from its start: `traffick` finds "trafficking and exploitation".
  const startsAWord = (name: string) => ` ${foldText(name)}`.includes(` ${wanted}`);
  return TOPICS.find((topic) => startsAWord(topicName(topic)) || startsAWord(topic));
}
