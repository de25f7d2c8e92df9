import type { OpenDatabase } from '../../db/open-database.ts';

/** Resolves once the platform event was handled to the end (its `inbound_events` row is finished): nothing more will be sent for it. */
export async function handled(db: OpenDatabase, platform: string, eventId: string, timeoutMs = 3000): Promise<void> {
  const finished = db.sqlite.prepare('SELECT finished_at FROM inbound_events WHERE platform = ? AND event_id = ?');
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 10))) {
    if ((finished.get(platform, eventId) as { finished_at: string | null } | undefined)?.finished_at) return;
  }
  throw new Error(`${platform} event ${eventId} was not handled within ${timeoutMs} ms`);
}
