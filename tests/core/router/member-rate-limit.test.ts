import { describe, expect, it } from 'vitest';
import { createCoreRouter } from '../../../core/commands/index.ts';
import type { Incoming } from '../../../core/model/incoming.ts';
import { blocksToPlain } from '../../../core/model/reply-builders.ts';
import { openDatabase } from '../../../db/open-database.ts';
import { createSqliteServices } from '../../../db/sqlite-services.ts';
import { createTranslator } from '../../../locales/translator.ts';

function paced() {
  let now = Date.parse('2026-03-14T09:00:00Z');
  const clock = { now: () => new Date(now) };
  const services = createSqliteServices(openDatabase(':memory:'), clock);
  const router = createCoreRouter({ ...services, documents: services.store, translator: createTranslator(), clock, logger: { info() {}, warn() {}, error() {} } });
  let sequence = 0;
  const send = async (userId: string, locale = 'en', content: Incoming['content'] = { kind: 'command', name: 'help', args: '' }, platform: Incoming['platform'] = 'telegram') =>
    (await router.handle({ eventId: `e${++sequence}`, platform, sender: { id: userId, locale }, conversation: { id: userId, kind: 'private' }, content }))
      .map((reply) => blocksToPlain(reply.blocks));
  return { send, advance: (ms: number) => void (now += ms) };
}

describe('the member command pace', () => {
  it('does not pace the local console: a piped script of many lines is answered line by line', async () => {
    const { send } = paced();
    for (let i = 0; i < 30; i += 1) expect((await send('local', 'en', undefined, 'console'))[0]).toContain('/search');
  });

  it('answers ten commands in a burst, warns once on the eleventh in the member\'s language, then ignores until the wait is over', async () => {
    const { send, advance } = paced();
    for (let i = 0; i < 10; i += 1) expect((await send('1', 'hr'))[0]).toContain('/search');
    expect(await send('1', 'hr')).toEqual(['Šaljete komande brže nego što mogu da odgovorim. Sačekajte 10 sekundi i pokušajte ponovo.']);
    expect(await send('1', 'hr')).toEqual([]);
    // Another member is not held up by the first.
    expect((await send('2'))[0]).toContain('/search');
    advance(10_001);
    expect((await send('1', 'hr'))[0]).toContain('/search');
  });

  it('holds a steady stream to 60 commands in ten minutes', async () => {
    const { send, advance } = paced();
    let answered = 0;
    for (let i = 0; i < 80; i += 1) {
      const replies = await send('3');
      if (replies[0]?.includes('/search')) answered += 1;
      advance(2_000);
    }
    // 80 commands in 160 s: the first 60 pass, the next 20 are held (warned once).
    expect(answered).toBe(60);
  });

  it('does not count chat events (the bot added to a group)', async () => {
    const { send } = paced();
    for (let i = 0; i < 12; i += 1) await send('4', 'en', { kind: 'joined' });
    expect((await send('4'))[0]).toContain('/search');
  });
});
