import type { Attachment, Block, Button, Reply, Span } from './reply.ts';

/** Small constructors so handlers read as what they say. */
export const text = (value: string): Span => ({ kind: 'text', text: value });
export const bold = (value: string): Span => ({ kind: 'bold', text: value });
export const italic = (value: string): Span => ({ kind: 'italic', text: value });
export const code = (value: string): Span => ({ kind: 'code', text: value });
export const link = (label: string, url: string): Span => ({ kind: 'link', text: label, url });

export const heading = (value: string): Block => ({ kind: 'heading', text: value });
export const paragraph = (...spans: Span[]): Block => ({ kind: 'paragraph', spans });

/** The plain text of a span list, for fallbacks and tests. */
export function spansToPlain(spans: Span[]): string {
  return spans.map((span) => span.text).join('');
}

/** The plain text of blocks, one line per paragraph / list item / field. */
export function blocksToPlain(blocks: Block[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        lines.push(block.text);
        break;
      case 'paragraph':
        lines.push(spansToPlain(block.spans));
        break;
      case 'list':
        block.items.forEach((item, index) =>
          lines.push(`${block.ordered ? `${(block.start ?? 1) + index}.` : '•'} ${spansToPlain(item)}`),
        );
        break;
      case 'fields':
        for (const field of block.fields) lines.push(`${field.label}: ${spansToPlain(field.value)}`);
        break;
      case 'divider':
        lines.push('');
        break;
    }
  }
  return lines.join('\n');
}

export function reply(blocks: Block[], options: { buttons?: Button[][]; private?: boolean; attachments?: Attachment[] } = {}): Reply {
  const attachments = options.attachments ?? [];
  return {
    blocks,
    buttons: options.buttons ?? [],
    // A file is never for the whole group to see.
    private: (options.private ?? false) || attachments.length > 0,
    fallbackText: blocksToPlain(blocks),
    ...(attachments.length > 0 ? { attachments } : {}),
  };
}
