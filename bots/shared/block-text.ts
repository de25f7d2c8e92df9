/** Small pieces every renderer needs the same way. */
import type { Block } from '../../core/model/reply.ts';

/** Only http(s) addresses become links: a `javascript:` or unparsable url is shown as text. */
export function parseHttpUrl(url: string): URL | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : undefined;
}

/** "3." for ordered lists (counting from `start`), "•" otherwise, one per item. */
export function listMarkers(block: Extract<Block, { kind: 'list' }>): string[] {
  const start = block.start ?? 1;
  return block.items.map((_, index) => (block.ordered ? `${start + index}.` : '•'));
}
