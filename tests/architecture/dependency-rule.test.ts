/**
 * The dependency rule of ../shared/DESIGN.md, checked on the sources:
 * core/ imports no platform, database, scheduler, i18n or network library,
 * nothing from the folders that implement its ports, and never reads
 * process.env; platform host names appear only in config.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(name) ? [path] : [];
  });
}

const FORBIDDEN_IN_CORE = [
  /^grammy/, /^@grammyjs\//, /^discord\.js/, /^@discordjs\//, /^@slack\//, /^drizzle-orm/, /^better-sqlite3/,
  /^node-cron/, /^i18next/, /^typesense/, /^pino/, /^(node:)?(http|https|net|tls|dgram|fs|fs\/promises|child_process)$/,
  /^\.\.?\/(\.\.\/)*(bots|db|jobs|locales|cli)\//,
];

export function importsOf(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)];
  return specifiers.map((match) => match[1]!);
}

/** The platforms' API and gateway addresses (not their documentation sites). */
const PLATFORM_API = /api\.telegram\.org|discord(?:app)?\.com\/api|gateway\.discord\.gg|slack\.com\/api|wss-[\w-]+\.slack\.com/;

describe('the dependency rule', () => {
  const coreFiles = sourceFiles(join(ROOT, 'core'));

  it('finds the core sources', () => {
    expect(coreFiles.length).toBeGreaterThan(5);
  });

  it('core imports no platform, database, scheduler, i18n or network code', () => {
    const offending = coreFiles.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((specifier) => FORBIDDEN_IN_CORE.some((pattern) => pattern.test(specifier)))
        .map((specifier) => `${relative(ROOT, file)} imports ${specifier}`),
    );
    expect(offending).toEqual([]);
  });

  it('core never reads process.env', () => {
    const offending = coreFiles.filter((file) => /process\s*\.\s*env|process\[['"]env/.test(readFileSync(file, 'utf8')));
    expect(offending.map((file) => relative(ROOT, file))).toEqual([]);
  });

  it('platform API addresses appear only in config.ts (links to their docs may appear anywhere)', () => {
    const files = ['bots', 'core', 'db', 'jobs', 'cli', 'locales'].flatMap((dir) => sourceFiles(join(ROOT, dir)));
    const offending = files.filter((file) => PLATFORM_API.test(readFileSync(file, 'utf8')));
    expect(offending.map((file) => relative(ROOT, file))).toEqual([]);
    expect(['https://discord.com/api/v10', 'https://api.telegram.org/bot', 'wss://gateway.discord.gg', 'https://slack.com/api/'].every((url) => PLATFORM_API.test(url))).toBe(true);
    expect(PLATFORM_API.test('https://discord.com/developers/docs/resources/message')).toBe(false);
  });

  it('the checker itself catches a forbidden import', () => {
    const sample = "import { Bot } from 'grammy';\nconst db = await import('../db/open-database.ts');";
    const caught = importsOf(sample).filter((specifier) => FORBIDDEN_IN_CORE.some((pattern) => pattern.test(specifier)));
    expect(caught).toEqual(['grammy', '../db/open-database.ts']);
  });
});
