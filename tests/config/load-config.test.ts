import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from '../../config.ts';

const TOKEN = '123456789:AAExampleExampleExample';

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('loadConfig', () => {
  it('treats a set-but-empty token as unset and trims a pasted one', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '' }).telegram).toBeUndefined();
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: `  ${TOKEN}\n` }).telegram?.token).toBe(TOKEN);
  });

  it('reports every bad variable at once, by name', () => {
    expect(problems({ TELEGRAM_BOT_TOKEN: 'nonsense', TELEGRAM_WEBHOOK_URL: 'http://bot.example.org/hook', TELEGRAM_WEBHOOK_PORT: 'x' })).toEqual([
      expect.stringMatching(/^TELEGRAM_BOT_TOKEN: does not look like a token/),
      expect.stringMatching(/^TELEGRAM_WEBHOOK_URL: must be an https:\/\/ address/),
      expect.stringMatching(/^TELEGRAM_WEBHOOK_PORT: /),
    ]);
  });

  it('webhook mode derives a stable secret that is not the token, and never logs the token', () => {
    const env = { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram' };
    const config = loadConfig(env);
    expect(config.telegram?.webhook?.secret).toMatch(/^[\w-]{20,256}$/);
    expect(config.telegram?.webhook?.secret).toBe(loadConfig(env).telegram?.webhook?.secret);
    expect(config.telegram?.webhook?.secret).not.toContain(TOKEN.split(':')[1]);
    expect(JSON.stringify(describeConfig(config))).not.toContain(TOKEN);
  });

  it('half a platform is reported with every other problem at once, not after them', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', DISCORD_TOKEN: 'x'.repeat(70), TELEGRAM_BOT_TOKEN: 'nonsense' })).toEqual([
      expect.stringMatching(/^TELEGRAM_BOT_TOKEN: /),
      'DISCORD_APPLICATION_ID: is needed with DISCORD_TOKEN',
      expect.stringMatching(/^SLACK_APP_TOKEN: is needed with SLACK_BOT_TOKEN/),
    ]);
    expect(problems({ SLACK_APP_TOKEN: 'xapp-1' })).toEqual(['SLACK_BOT_TOKEN: is needed with SLACK_APP_TOKEN']);
    expect(problems({ SLACK_SIGNING_SECRET: 'abcdefgh12' })).toEqual(['SLACK_BOT_TOKEN: is needed with SLACK_SIGNING_SECRET']);
  });

  it('reads the first administrators from CPHUB_ADMINS', () => {
    expect(loadConfig({ CPHUB_ADMINS: 'telegram:123, slack:U0123ABCD,discord:456' }).admins).toEqual([
      { platform: 'telegram', userId: '123' },
      { platform: 'slack', userId: 'U0123ABCD' },
      { platform: 'discord', userId: '456' },
    ]);
    expect(loadConfig({}).admins).toEqual([]);
    expect(loadConfig({}).membership).toBe('open');
    expect(problems({ CPHUB_MEMBERSHIP: 'closed' })).toEqual([expect.stringMatching(/^CPHUB_MEMBERSHIP: /)]);
    expect(problems({ CPHUB_ADMINS: 'irc:1' })).toEqual([expect.stringMatching(/^CPHUB_ADMINS: is a comma-separated list of platform:user-id/)]);
  });

  it('Discord needs its token and its application id together', () => {
    expect(problems({ DISCORD_TOKEN: 'x'.repeat(70) })).toEqual(['DISCORD_APPLICATION_ID: is needed with DISCORD_TOKEN']);
    expect(problems({ DISCORD_APPLICATION_ID: '1457469483726667777' })).toEqual(['DISCORD_TOKEN: is needed with DISCORD_APPLICATION_ID']);
    const config = loadConfig({ DISCORD_TOKEN: 'x'.repeat(70), DISCORD_APPLICATION_ID: '1457469483726667777', DISCORD_API_URL: 'http://127.0.0.1:9/api/' });
    expect(config.discord).toEqual({ token: 'x'.repeat(70), applicationId: '1457469483726667777', apiUrl: 'http://127.0.0.1:9/api' });
  });
  it('SEARCH_BACKEND=typesense needs the nodes and the key, and reads one node or a cluster', () => {
    expect(loadConfig({}).search).toEqual({ backend: 'sqlite' });
    expect(problems({ SEARCH_BACKEND: 'typesense' })).toEqual([
      'TYPESENSE_NODES: is needed with SEARCH_BACKEND=typesense, e.g. http://localhost:8108',
      'TYPESENSE_API_KEY: is needed with TYPESENSE_NODES (the key the Typesense server was started with)',
    ]);
    expect(problems({ SEARCH_BACKEND: 'elastic', TYPESENSE_NODES: 'localhost:8108', TYPESENSE_API_KEY: 'k', TYPESENSE_COLLECTION: 'a b' })).toEqual([
      expect.stringMatching(/^SEARCH_BACKEND: /),
      expect.stringMatching(/^TYPESENSE_NODES: is a comma-separated list of node addresses/),
      expect.stringMatching(/^TYPESENSE_COLLECTION: is 1-60 of/),
    ]);
    const cluster = loadConfig({ SEARCH_BACKEND: 'typesense', TYPESENSE_NODES: 'http://ts1:8108, http://ts2:8108,https://ts3.example.org', TYPESENSE_API_KEY: 'secret-key' });
    expect(cluster.search).toEqual({
      backend: 'typesense',
      typesense: {
        nodes: [
          { protocol: 'http', host: 'ts1', port: 8108, path: '' },
          { protocol: 'http', host: 'ts2', port: 8108, path: '' },
          { protocol: 'https', host: 'ts3.example.org', port: 443, path: '' },
        ],
        apiKey: 'secret-key',
        collection: 'cphub_documents',
        timeoutSeconds: 2,
      },
    });
    expect(JSON.stringify(describeConfig(cluster))).not.toContain('secret-key');
    expect(describeConfig(cluster).search).toEqual({
      backend: 'typesense',
      typesense: { nodes: ['http://ts1:8108', 'http://ts2:8108', 'https://ts3.example.org:443'], collection: 'cphub_documents' },
    });
  });

  it('TYPESENSE_NODES alone keeps members on SQLite while the collection is built and synced', () => {
    expect(problems({ TYPESENSE_NODES: 'http://localhost:8108' })).toEqual([
      'TYPESENSE_API_KEY: is needed with TYPESENSE_NODES (the key the Typesense server was started with)',
    ]);
    const config = loadConfig({ TYPESENSE_NODES: 'http://localhost:8108', TYPESENSE_API_KEY: 'k' });
    expect(config.search.backend).toBe('sqlite');
    expect(config.search.typesense?.nodes).toEqual([{ protocol: 'http', host: 'localhost', port: 8108, path: '' }]);
  });
});

describe('time zone, digest and feed variables', () => {
  it('defaults to Monday 09:00 in Europe/Belgrade and no feeds', () => {
    const config = loadConfig({});
    expect(config.hubTimeZone).toBe('Europe/Belgrade');
    expect(config.digest).toEqual({ weekday: 1, hour: 9, minute: 0, timeZone: 'Europe/Belgrade' });
    expect(config.feeds).toEqual([]);
    expect(config.feedTimeoutMs).toBe(10_000);
  });

  it('reads the schedule, the zone and the feeds with their language and country', () => {
    const config = loadConfig({
      CPHUB_TIME_ZONE: 'Europe/Sofia', CPHUB_DIGEST_DAY: 'friday', CPHUB_DIGEST_TIME: '7:30',
      CPHUB_FEEDS: 'https://a.example/rss.xml, sq AL https://b.example/atom?key=secret\nhttps://c.example/feed',
    });
    expect(config.digest).toEqual({ weekday: 5, hour: 7, minute: 30, timeZone: 'Europe/Sofia' });
    expect(config.feeds).toEqual([
      { url: 'https://a.example/rss.xml' },
      { url: 'https://b.example/atom?key=secret', language: 'sq', country: 'AL' },
      { url: 'https://c.example/feed' },
    ]);
    // A feed's query may hold a key: the log shows hosts only.
    expect(JSON.stringify(describeConfig(config))).not.toContain('secret');
    expect(loadConfig({ CPHUB_DIGEST_DAY: 'off' }).digest).toBeUndefined();
  });

  it('names every bad variable', () => {
    expect(problems({ CPHUB_TIME_ZONE: 'Mars/Base', CPHUB_DIGEST_TIME: '25:00', CPHUB_DIGEST_DAY: 'someday', CPHUB_FEEDS: 'ftp://x.example/feed, xx-bad https://ok.example/rss' })).toEqual([
      expect.stringMatching(/^CPHUB_TIME_ZONE: is not an IANA time zone/),
      expect.stringMatching(/^CPHUB_DIGEST_DAY: /),
      expect.stringMatching(/^CPHUB_DIGEST_TIME: is a time of day/),
      'CPHUB_FEEDS: "ftp://x.example/feed" does not end in an http(s) address',
      'CPHUB_FEEDS: "xx-bad" in "xx-bad https://ok.example/rss" is neither a language (sq, sr-Cyrl) nor a country (AL, RS)',
    ]);
  });
});
