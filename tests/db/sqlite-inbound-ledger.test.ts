import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open-database.ts';
import { FINISHED_EVENT_TTL_MS, SqliteInboundLedger } from '../../db/sqlite-inbound-ledger.ts';

function ledgerAt(start: Date) {
  let now = start;
  const db = openDatabase(':memory:');
  const ledger = new SqliteInboundLedger(db, { now: () => now });
  return { db, ledger, advance: (ms: number) => void (now = new Date(now.getTime() + ms)) };
}

describe('the inbound ledger', () => {
  it('hands out new and unfinished events, never finished ones, and keeps arrival order', async () => {
    const { ledger } = ledgerAt(new Date('2026-01-01T00:00:00Z'));
    const batch = ['3', '1', '2'].map((id) => ({ id, payload: `{"update_id":${id}}` }));
    expect(await ledger.receive('telegram', batch)).toEqual(['3', '1', '2']);
    await ledger.finish('telegram', '1');
    expect(await ledger.receive('telegram', batch)).toEqual(['3', '2']);
    expect(await ledger.unfinished('telegram')).toEqual([
      { id: '3', payload: '{"update_id":3}' },
      { id: '2', payload: '{"update_id":2}' },
    ]);
    // Platforms keep separate ids.
    expect(await ledger.receive('slack', [{ id: '1', payload: '{}' }])).toEqual(['1']);
  });

  it('marks several events finished at once, and only those', async () => {
    const { ledger } = ledgerAt(new Date('2026-01-01T00:00:00Z'));
    const batch = ['4', '5', '6'].map((id) => ({ id, payload: `{"update_id":${id}}` }));
    await ledger.receive('telegram', batch);
    await ledger.finish('telegram', '4', '6');
    expect(await ledger.unfinished('telegram')).toEqual([{ id: '5', payload: '{"update_id":5}' }]);
    expect(await ledger.receive('telegram', batch)).toEqual(['5']);
  });

  it('forgets finished events after the redelivery window', async () => {
    const { db, ledger, advance } = ledgerAt(new Date('2026-01-01T00:00:00Z'));
    await ledger.receive('telegram', [{ id: 'old', payload: '{}' }]);
    await ledger.finish('telegram', 'old');
    advance(FINISHED_EVENT_TTL_MS + 1000);
    for (let i = 0; i < 1000; i += 1) {
      await ledger.receive('telegram', [{ id: `n${i}`, payload: '{}' }]);
      await ledger.finish('telegram', `n${i}`);
    }
    const count = db.sqlite.prepare("SELECT count(*) AS n FROM inbound_events WHERE event_id = 'old'").get() as { n: number };
    expect(count.n).toBe(0);
  });
});
