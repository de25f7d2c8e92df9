/**
 * One rendered HTML part back to plain text, for the rare message Telegram
 * refuses to parse: the same words, links written out, no markup. The HTML
 * is ours (render.ts), so its tags and entities are the few it writes.
 */
import { MESSAGE_TEXT_MAX } from './limits.ts';

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&amp;': '&' };

export function telegramHtmlToPlain(html: string): string {
  const withUrls = html.replace(/<a href="([^"]*)">([\s\S]*?)<\/a>/g, (_, url: string, label: string) => `${label} (${url})`);
  const plain = unescape(withUrls.replace(/<[^>]+>/g, ''));
  // Written-out links can make a full part longer than Telegram takes; then the labels alone.
  return plain.length <= MESSAGE_TEXT_MAX ? plain : unescape(html.replace(/<[^>]+>/g, ''));
}

function unescape(text: string): string {
  return text.replace(/&(lt|gt|quot|amp);/g, (entity) => ENTITIES[entity]!);
}
