/** Members and content items for the content and digest tests. */
import { PRIVACY_VERSION } from '../../core/commands/privacy.ts';
import type { ContentItem } from '../../core/content/content-item.ts';
import type { PlatformName } from '../../core/model/incoming.ts';
import type { Member } from '../../core/ports.ts';
import type { SqliteServices } from '../../db/sqlite-services.ts';
import type { CoreHarness } from './core-harness.ts';

/** A joined member of the console harness ("I agree"), with a country and a language. */
export async function joinMember(hub: CoreHarness, userId: string, profile: { country?: string; language?: string; role?: Member['role'] } = {}): Promise<Member> {
  await hub.press({ actionId: 'consent', value: `agree:${PRIVACY_VERSION}` }, { userId });
  return setUpMember(hub.services, 'console', userId, profile);
}

/** Gives an existing member a country, language and role. */
export async function setUpMember(services: SqliteServices, platform: PlatformName, userId: string, profile: { country?: string; language?: string; role?: Member['role'] }): Promise<Member> {
  const member = (await services.members.findByAccount(platform, userId))!;
  await services.pendingInputs.clear({ platform, userId });
  if (profile.country) await services.members.updateProfile(member.id, { country: profile.country });
  if (profile.language) {
    await services.members.setLanguage(member.id, profile.language);
    await services.settings.setLanguage(platform, userId, profile.language);
  }
  if (profile.role) await services.members.setRole(member.id, profile.role, 'cli');
  return (await services.members.findByAccount(platform, userId))!;
}

export function contentItem(overrides: Partial<ContentItem> & { id: string; title: string }): ContentItem {
  return {
    kind: 'news',
    summary: '',
    url: '',
    language: 'en',
    languageGroup: 'en',
    country: '',
    topics: [],
    publishedAt: new Date('2026-03-10T08:00:00Z'),
    ...overrides,
  };
}
