/** The parts of one split reply, sent in order with the ledger's progress hooks (see SendProgress in core/ports.ts). */
import type { SendProgress } from '../ports.ts';

/** Sends `parts` in order through `post`, skipping and reporting as `progress` asks. */
export async function sendParts<T>(parts: readonly T[], post: (part: T) => Promise<unknown>, progress: SendProgress = {}): Promise<void> {
  for (const [index, part] of parts.entries()) {
    if (index < (progress.skipParts ?? 0)) continue;
    await progress.beforePart?.(index);
    await post(part);
    await progress.afterPart?.(index);
  }
}
