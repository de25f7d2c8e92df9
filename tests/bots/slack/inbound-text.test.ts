import { describe, expect, it } from 'vitest';
import { fromSlackText } from '../../../bots/slack/inbound.ts';

describe('fromSlackText: Slack\'s escaped text as the member typed it', () => {
  it('turns a user mention into the account core names members by, and unescapes the rest', () => {
    expect(fromSlackText('role <@U0123ABCD|ana> expert')).toBe('role slack:U0123ABCD expert');
    expect(fromSlackText('suspend <@W0123ABCD>')).toBe('suspend slack:W0123ABCD');
    expect(fromSlackText('search <#C0123|general> &lt;tag&gt; R&amp;D')).toBe('search #general <tag> R&D');
    expect(fromSlackText('doc <https://example.org/a?b=1&amp;c=2|example.org>')).toBe('doc https://example.org/a?b=1&c=2');
    // Special mentions stay as they were: never a member, never a ping.
    expect(fromSlackText('<!channel> help')).toBe('<!channel> help');
  });
});
