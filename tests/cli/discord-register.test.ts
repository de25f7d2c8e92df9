/**
 * `cphub discord register` as an operator runs it: a child process whose
 * DISCORD_API_URL points at the fake Discord; the commands Discord would
 * receive are checked for options, choices and localizations within limits.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord.ts';
import { coreCommandNames } from '../support/command-names.ts';

const REPO = join(import.meta.dirname, '..', '..');
const tmpDirs: string[] = [];
let fake: FakeDiscord | undefined;
afterEach(async () => fake?.close());
afterAll(() => tmpDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cphub-discord-'));
  tmpDirs.push(dir);
  const childEnv: NodeJS.ProcessEnv = { ...process.env, CPHUB_DB: join(dir, 'cphub.db'), ...env };
  const child = spawn(process.execPath, ['bin/cphub.js', ...args], { cwd: REPO, env: childEnv, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('cphub discord register', () => {
  it('puts the slash commands on one server, typed and localized, every text within Discord\'s limits', async () => {
    fake = await startFakeDiscord();
    const env = { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl };
    const result = await run(['discord', 'register', '--guild', '290926798626095108'], env);
    expect(result.code, result.stderr).toBe(0);
    const names = coreCommandNames();
    expect(names.slice(0, 4)).toEqual(['start', 'help', 'search', 'doc']);
    expect(result.stdout).toContain(`Registered ${names.length} commands (${names.map((name) => `/${name}`).join(', ')}) for server 290926798626095108`);
    const put = fake.requestsTo('PUT', `/applications/${fake.applicationId}/guilds/290926798626095108/commands`)[0]!;
    const search = put.body.find((command: { name: string }) => command.name === 'search');
    expect(search.name_localizations).toEqual({ bg: 'търсене', hr: 'pretraga', hu: 'keresés', ro: 'cautare' });
    expect(search.description_localizations.hr).toBe('pretraga biblioteke');
    expect(search.options[0]).toMatchObject({ type: 3, name: 'query', required: true });
    expect(search.options[1].choices.map((choice: { value: string }) => choice.value)).toEqual(['en', 'sq', 'sh', 'mk', 'bg', 'hu', 'ro']);
    const byName = (name: string) => put.body.find((command: { name: string }) => command.name === name);
    // Moderation names a member of the server by the user picker, anyone else by member id or platform:id.
    expect(byName('role').options.map((option: { name: string; type: number }) => [option.name, option.type])).toEqual([['member', 6], ['account', 3], ['role', 3]]);
    expect(byName('role').options[2].choices.map((choice: { value: string }) => choice.value)).toEqual(['member', 'expert', 'moderator', 'admin']);
    expect(byName('suspend').options.map((option: { name: string }) => option.name)).toEqual(['member', 'account']);
    expect(byName('experts').options.map((option: { name: string }) => option.name)).toEqual(['topic', 'country']);
    expect(byName('experts').options[0].choices[5]).toMatchObject({ value: 'online safety', name_localizations: { hr: 'sigurnost na internetu' } });
    // Questions and answers: the parts of a question or an answer are options of their own.
    expect(byName('ask').options.map((option: { name: string; type: number }) => [option.name, option.type])).toEqual([['question', 3], ['anonymous', 5]]);
    expect(byName('answer').options.map((option: { name: string; required?: boolean }) => [option.name, option.required])).toEqual([['question_id', true], ['answer', true]]);
    expect(byName('accept').options.map((option: { name: string; type: number }) => [option.name, option.type])).toEqual([['question_id', 3], ['number', 4]]);
    for (const command of put.body) {
      expect(command.name).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
      for (const name of Object.values(command.name_localizations) as string[]) expect(name).toMatch(/^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u);
      for (const text of [command.description, ...Object.values(command.description_localizations)] as string[]) expect(text.length).toBeLessThanOrEqual(100);
    }
  }, 60_000);

  it('without a guild registers globally; without credentials it says which variables are missing', async () => {
    fake = await startFakeDiscord();
    const env = { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl };
    expect((await run(['discord', 'register'], env)).code).toBe(0);
    expect(fake.requestsTo('PUT', `/applications/${fake.applicationId}/commands`)).toHaveLength(1);
    const missing = await run(['discord', 'register'], { DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('DISCORD_TOKEN and DISCORD_APPLICATION_ID');
  }, 60_000);
});
