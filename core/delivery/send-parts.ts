/** The parts of one split reply, sent in order with the ledger's progress hooks (see SendProgress in core/ports.ts). */
import type { SendProgress } from '../ports.ts';

/**
 * Whether the part an earlier sender left unconfirmed arrived: true, it is
 * not sent again; false, it is sent (again). A platform that cannot tell
 * answers true: the request went out right after its mark, so the platform
 * almost surely has it, and sending it again is a duplicate the member sees.
 */
export type SettleUnconfirmed<T> = (part: T, index: number, since: Date) => Promise<boolean>;

const assumeDelivered = async (): Promise<boolean> => true;

/** Sends `parts` in order through `post`, skipping, settling and reporting as `progress` asks. */
export async function sendParts<T>(
  parts: readonly T[],
  post: (part: T, index: number) => Promise<unknown>,
  progress: SendProgress = {},
  settle: SettleUnconfirmed<T> = assumeDelivered,
): Promise<void> {
  for (const [index, part] of parts.entries()) {
    if (index < (progress.skipParts ?? 0)) continue;
    const unconfirmed = progress.unconfirmed?.index === index ? progress.unconfirmed : undefined;
    if (unconfirmed && (await settle(part, index, unconfirmed.since))) {
      await progress.afterPart?.(index);
      continue;
    }
    await progress.beforePart?.(index);
    await post(part, index);
    await progress.afterPart?.(index);
  }
}
