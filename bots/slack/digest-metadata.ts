/**
 * A digest part on Slack carries message metadata naming its delivery and
 * part (https://api.slack.com/metadata/using). chat.postMessage has no
 * idempotency key, but the metadata can be read back: a sender that resumes
 * a dead one's delivery looks in the conversation for the part that was on
 * its way (conversations.history with include_all_metadata) and sends it
 * only if it is not there — no duplicate, no gap.
 *
 * Reading back needs the history scope of the conversation: `im:history`
 * (the app's DMs, where members' digests go) is in the manifest; channels'
 * (`channels:history`, `groups:history`) are not — cphub does not ask to read
 * every channel it is in — so there a part it cannot find counts as delivered
 * (the Telegram rule, core/delivery/send-parts.ts).
 */
import type { webApi } from '@slack/bolt';

export const DIGEST_EVENT_TYPE = 'cphub_digest_part';

export function digestMetadata(deliveryId: string, part: number): { event_type: string; event_payload: { delivery: string; part: number } } {
  return { event_type: DIGEST_EVENT_TYPE, event_payload: { delivery: deliveryId, part } };
}

/** How far before the in-flight mark to look: clocks of this host and Slack's differ a little. */
const LOOK_BACK_SECONDS = 60;

/** Whether the part is in the conversation already; true too when Slack will not say (no history scope, a thread). */
export async function isPartPosted(client: webApi.WebClient, channel: string, deliveryId: string, part: number, since: Date): Promise<boolean> {
  try {
    const history = await client.conversations.history({
      channel, oldest: String(Math.floor(since.getTime() / 1000) - LOOK_BACK_SECONDS), include_all_metadata: true, limit: 200,
    });
    return (history.messages ?? []).some((message) => {
      const metadata = message.metadata as { event_type?: string; event_payload?: Record<string, unknown> } | undefined;
      return metadata?.event_type === DIGEST_EVENT_TYPE && metadata.event_payload?.delivery === deliveryId && Number(metadata.event_payload?.part) === part;
    });
  } catch {
    return true;
  }
}
