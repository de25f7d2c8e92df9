/**
 * Exactly once across processes: `cphub digest send` killed with SIGKILL in
 * the middle of the fan-out and run again, and two senders started at the
 * same moment, against the fake Bot API. The fake's request log is the
 * truth: every subscriber gets one digest, none twice, none missing.
 */
import { describe, expect, it } from 'vitest';
import { countsOf, digestSandbox, digestSend, prepareDigestHub } from '../support/digest-process.ts';

const MEMBERS = 20;
const everyone = Array.from({ length: MEMBERS }, (_, i) => String(7001 + i));

const sandbox = digestSandbox('cphub-digest-crash-');

const prepare = () => prepareDigestHub(sandbox.dir, 'telegram', everyone, { TELEGRAM_BOT_TOKEN: sandbox.fake.token, TELEGRAM_API_ROOT: sandbox.fake.url });
const deliveriesPerChat = () => countsOf(sandbox.fake.callsTo('sendMessage').map((call) => String(call.params.chat_id)));

describe('cphub digest send, exactly once', () => {
  it('killed half-way with SIGKILL and run again: no duplicate and no gap', async () => {
    const env = await prepare();
    const first = digestSend(env);
    // The 8th digest reaches Telegram, and the sender dies before it hears back.
    let calls = 0;
    sandbox.fake.script('sendMessage', (call) => {
      calls += 1;
      if (calls === 8) first.child.kill('SIGKILL');
      return { ok: true, result: { message_id: calls, date: 0, chat: { id: Number(call.params.chat_id), type: 'private' }, text: '' } };
    }, MEMBERS * 2);
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    const beforeResume = sandbox.fake.callsTo('sendMessage').length;
    expect(beforeResume).toBeGreaterThanOrEqual(8);
    expect(beforeResume).toBeLessThan(MEMBERS);

    const second = await digestSend(env).done;
    expect(second.code, second.stdout).toBe(0);
    expect(second.stdout).toMatch(/20 recipients — \d+ sent, 0 with nothing to send, \d+ sent before/);
    const counts = deliveriesPerChat();
    expect([...counts.keys()].sort()).toEqual(everyone);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);

    // A third run finds everything done.
    const third = await digestSend(env).done;
    expect(third.stdout).toContain('0 sent, 0 with nothing to send, 20 sent before');
    expect(sandbox.fake.callsTo('sendMessage')).toHaveLength(MEMBERS);
  }, 60_000);

  it('two senders started at the same moment share the work: each subscriber gets one digest', async () => {
    const env = await prepare();
    const [a, b] = await Promise.all([digestSend(env).done, digestSend(env).done]);
    expect(a.code, a.stdout).toBe(0);
    expect(b.code, b.stdout).toBe(0);
    const counts = deliveriesPerChat();
    expect([...counts.keys()].sort()).toEqual(everyone);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  }, 60_000);
});
