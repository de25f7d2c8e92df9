/**
 * CPHUB_FEEDS: the RSS/Atom feeds to poll, separated by commas or new lines,
 * each an address optionally preceded by the items' language and country:
 * `https://a.example/rss, sq AL https://b.example/atom.xml`. Without a
 * language, the feed's own `<language>` is used, else English.
 */
import { isCountryCode } from '../../core/library/country.ts';
import { parseLanguageTag } from '../../core/library/language.ts';

export interface FeedSource {
  url: string;
  language?: string;
  country?: string;
}

export function parseFeedList(text: string): { feeds: FeedSource[]; problems: string[] } {
  const feeds: FeedSource[] = [];
  const problems: string[] = [];
  for (const entry of text.split(/[,\n]/).map((part) => part.trim()).filter(Boolean)) {
    const tokens = entry.split(/\s+/);
    const url = tokens.pop()!;
    const protocol = URL.canParse(url) ? new URL(url).protocol : '';
    if (protocol !== 'http:' && protocol !== 'https:') {
      problems.push(`"${entry}" does not end in an http(s) address`);
      continue;
    }
    const feed: FeedSource = { url };
    for (const token of tokens) {
      if (/^[A-Z]{2}$/.test(token) && isCountryCode(token)) feed.country = token;
      else if (parseLanguageTag(token)) feed.language = parseLanguageTag(token)!.tag;
      else problems.push(`"${token}" in "${entry}" is neither a language (sq, sr-Cyrl) nor a country (AL, RS)`);
    }
    feeds.push(feed);
  }
  return { feeds, problems };
}
