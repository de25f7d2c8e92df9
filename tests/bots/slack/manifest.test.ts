/**
 * The app manifest a workspace admin pastes must ask for what the adapter
 * listens to: the command, the events, interactivity, the scopes they need.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SLACK_COMMAND } from '../../../bots/slack/slack-adapter.ts';

const manifest = readFileSync(new URL('../../../bots/slack/manifest.yml', import.meta.url), 'utf8');

describe('bots/slack/manifest.yml', () => {
  it('declares the command, the events, the scopes, interactivity, the Home tab and Socket Mode', () => {
    expect(manifest).toContain(`command: ${SLACK_COMMAND}`);
    for (const event of ['app_mention', 'message.channels', 'message.groups', 'message.im', 'app_home_opened']) expect(manifest).toMatch(new RegExp(`^\\s+- ${event}$`, 'm'));
    for (const scope of ['app_mentions:read', 'channels:history', 'groups:history', 'chat:write', 'commands', 'files:write', 'im:history', 'im:write', 'users:read']) {
      expect(manifest).toMatch(new RegExp(`^\\s+- ${scope}\\b`, 'm'));
    }
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
    expect(manifest).toMatch(/home_tab_enabled: true/);
    expect(manifest).toMatch(/socket_mode_enabled: true/);
    // Mentions in /hub text arrive as <@U…>: how /hub role and /hub suspend name a member.
    expect(manifest).toMatch(/should_escape: true/);
  });
});
