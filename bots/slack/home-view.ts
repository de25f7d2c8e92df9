/**
 * The App Home tab: what cphub is, the member's language and how to change
 * it, and how to start. Published when the member opens the tab.
 * https://api.slack.com/surfaces/app-home
 */
import type { types } from '@slack/bolt';
import type { Translator } from '../../core/ports.ts';
import { escapeSlackMrkdwn } from './escape-mrkdwn.ts';

export function homeView(translator: Translator, language: string): types.HomeView {
  const t = (key: string, params?: Record<string, string>) => translator.t(language, key, params);
  const section = (text: string) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text: escapeSlackMrkdwn(text) } });
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'cphub', emoji: true } },
      section(t('start.welcome')),
      section(t('start.what')),
      section(t('start.language', { language: t(`languageNames.${language}`), command: '/hub lang' })),
      section(t('start.try', { example: `/hub search ${t('examples.query')}`, help: '/hub help' })),
    ],
  };
}
