/**
 * A member's Slack locale (`users.info` with `include_locale`), for their
 * language on first contact. Asked once an hour per member at most: the
 * answer rarely changes and every call counts against Slack's rate limits.
 * https://api.slack.com/methods/users.info
 */
import type { webApi } from '@slack/bolt';

type WebClient = webApi.WebClient;
import { DEFAULT_LANGUAGE, memberLanguageFromLocale } from '../../core/library/language.ts';
import type { Logger } from '../../core/ports.ts';

const TTL_MS = 3600 * 1000;

export class SlackLocales {
  private readonly cache = new Map<string, { locale: string | undefined; at: number }>();

  constructor(
    private readonly client: WebClient,
    private readonly logger: Logger,
  ) {}

  async of(userId: string | undefined): Promise<string | undefined> {
    if (!userId) return undefined;
    const cached = this.cache.get(userId);
    if (cached && Date.now() - cached.at < TTL_MS) return cached.locale;
    let locale: string | undefined;
    try {
      const info = await this.client.users.info({ user: userId, include_locale: true });
      locale = info.user?.locale;
    } catch (error) {
      // Without it the member gets English until /hub lang; not worth failing the answer for.
      this.logger.warn({ err: error, platform: 'slack' }, 'slack: could not read the member locale');
    }
    this.cache.set(userId, { locale, at: Date.now() });
    return locale;
  }

  language(locale: string | undefined): string {
    return memberLanguageFromLocale(locale) ?? DEFAULT_LANGUAGE;
  }
}
