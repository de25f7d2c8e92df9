/**
 * The console chat end to end: the real `cphub start` as a child process,
 * stdin piped, a fresh SQLite file, the bundled sample library. A test sees
 * exactly what a member at the terminal would see on stdout.
 *
 * The last block drives the adapter in-process with a scripted router, for
 * what a child process cannot show (order under a fast pipe, a crashing router).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../../bots/console/console-adapter.ts';
import { createTranslator } from '../../../locales/translator.ts';
import type { Incoming } from '../../../core/model/incoming.ts';
import { paragraph, reply, text } from '../../../core/model/reply-builders.ts';

const REPO = join(import.meta.dirname, '..', '..', '..');
const PUB_001 = 'Violence Against Children in Serbia: Determinants, Factors and Interventions';
const PUB_002 = 'Nasilje prema deci u Srbiji';
const FOUND = /^\d+ documents? found for “violence”\.$/m;
const APOLOGY = 'Sorry, something went wrong';
const TIMEOUT = 60_000;

const tmpDirs: string[] = [];
afterAll(() => tmpDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function freshDatabase(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cphub-console-'));
  tmpDirs.push(dir);
  return join(dir, 'cphub.db');
}

interface Session {
  /** Resolves when stdout contains `pattern`, with everything printed so far. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  write(line: string): void;
  /** Ends stdin and resolves with the exit code and the whole output. */
  end(): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function startCli(database: string, extraEnv: Record<string, string> = {}): Session {
  const env: NodeJS.ProcessEnv = { ...process.env, CPHUB_DB: database, LANG: 'en_US.UTF-8' };
  for (const name of ['LC_ALL', 'CPHUB_LANG', 'CPHUB_SAMPLE_LIBRARY', 'LOG_LEVEL']) delete env[name];
  // A platform token in the developer's shell would make `start` run that platform instead.
  for (const name of Object.keys(env)) if (/^(TELEGRAM|DISCORD|SLACK)_/.test(name)) delete env[name];
  Object.assign(env, extraEnv);
  const child = spawn(process.execPath, ['bin/cphub.js', 'start'], { cwd: REPO, env, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  const waiters: Array<() => void> = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    waiters.splice(0).forEach((wake) => wake());
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      waiters.splice(0).forEach((wake) => wake());
      resolve(code);
    }),
  );
  return {
    async waitFor(pattern) {
      for (;;) {
        const match = stdout.match(pattern);
        if (match) return match;
        if (child.exitCode !== null) throw new Error(`exited before ${pattern}:\n${stdout}\n${stderr}`);
        await new Promise<void>((wake) => waiters.push(wake));
      }
    },
    write: (line) => child.stdin.write(`${line}\n`),
    async end() {
      child.stdin.end();
      return { code: await exited, stdout, stderr };
    },
  };
}

/** `printf 'a\nb\n' | cphub start`: all lines at once, then end of input. */
async function runCli(database: string, lines: string[], env: Record<string, string> = {}) {
  const session = startCli(database, env);
  lines.forEach((line) => session.write(line));
  return session.end();
}

/** The titles of a result page: the bold part of each numbered item. */
function resultTitles(output: string): string[] {
  return [...output.matchAll(/^ {2}\d+\. (.+?) — /gm)].map((match) => match[1]!);
}

describe('cphub start, piped', () => {
  const database = freshDatabase();

  it('seeds the sample library, answers /search and exits at end of input', async () => {
    const { code, stdout, stderr } = await runCli(database, ['/search violence']);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(FOUND);
    expect(stdout).toContain(PUB_001);
    expect(stdout).not.toMatch(/\x1b/);
  }, TIMEOUT);

  it('gives the same answer on a second run on the same database (no second seed)', async () => {
    const first = await runCli(database, ['/search violence', '/search nasilje']);
    const second = await runCli(database, ['/search violence', '/search nasilje']);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stdout.match(FOUND)?.[0]).toBe(first.stdout.match(FOUND)?.[0]);
  }, TIMEOUT);

  it('joins, builds the profile by typed answers and button names, and /mydata writes the file beside the database', async () => {
    const fresh = freshDatabase();
    const { code, stdout, stderr } = await runCli(fresh, ['/start', 'I agree', 'Ana Petrović', 'Serbia', 'Social work', 'Skip', 'Skip', '3', 'Done', '/mydata']);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('Your profile — step 2 of 6');
    expect(stdout).toContain('Your profile is ready');
    const saved = /^File saved: (.+\.json)$/m.exec(stdout);
    expect(saved?.[1]).toBe(join(dirname(fresh), 'exports', saved![1]!.split('/').at(-1)!));
    expect(statSync(saved![1]!).mode & 0o777).toBe(0o600);
    const data = JSON.parse(readFileSync(saved![1]!, 'utf8'));
    expect(data.member).toMatchObject({ displayName: 'Ana Petrović', country: 'RS', profession: 'social_work', topics: ['children on the move'] });
    expect(data.accounts).toEqual([expect.objectContaining({ platform: 'console', userId: 'local' })]);
  }, TIMEOUT);

  it('skipping the name leaves none: the operating-system login is not a name the member chose to show', async () => {
    const fresh = freshDatabase();
    const { code, stdout, stderr } = await runCli(fresh, ['/start', 'I agree', 'Skip', '/profile', '/mydata']);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^Which name should other members see\? Send it/m);
    expect(stdout).toMatch(/^Name: —$/m);
    const data = JSON.parse(readFileSync(/^File saved: (.+\.json)$/m.exec(stdout)![1]!, 'utf8'));
    expect(data.member.displayName).toBeNull();
    expect(JSON.stringify(data)).not.toContain(`"${userInfo().username}"`);
  }, TIMEOUT);

  it('/forget deletes the /mydata file the console wrote, with everything else, and leaves files that are not cphub\'s', async () => {
    const fresh = freshDatabase();
    const exports = join(dirname(fresh), 'exports');
    mkdirSync(exports);
    writeFileSync(join(exports, 'notes.txt'), 'mine');
    const { code, stdout, stderr } = await runCli(fresh, ['/start', 'I agree', 'Ana Petrović', '/mydata', '/forget', 'Erase my data']);
    expect(code, stderr).toBe(0);
    const saved = /^File saved: (.+\.json)$/m.exec(stdout)![1]!;
    expect(stdout).toContain('Done: nothing about you is kept any more.');
    expect(existsSync(saved)).toBe(false);
    expect(readdirSync(exports)).toEqual(['notes.txt']);
    const db = new Database(fresh, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM members').get()).toEqual({ n: 0 });
    db.close();
  }, TIMEOUT);

  it('an administrator (CPHUB_ADMINS) keeps the last admin role, fills an expert profile by button names and is found in /experts', async () => {
    const fresh = freshDatabase();
    const admins = { CPHUB_ADMINS: 'console:local' };
    // Three sittings: piped lines come faster than the member pace (10 commands in 10 seconds) allows.
    const sittings = [
      ['/start', 'I agree', 'Ana Petrović', 'Skip', 'Skip', 'Skip', 'Skip', 'Done', '/role console:local expert'],
      ['/expert', 'online safety', 'Done', 'Albanian', 'Done', 'Kosovo', 'Done', 'Yes, list me'],
      ['/experts online safety Kosovo', '/suspend console:local', '/mydata'],
    ];
    let stdout = '';
    for (const lines of sittings) {
      const run = await runCli(fresh, lines, admins);
      expect(run.code, run.stderr).toBe(0);
      stdout += run.stdout;
    }
    expect(stdout).toMatch(/^Ana Petrović \(\S{8}\) is the only administrator: make someone else an administrator first\.$/m);
    expect(stdout).toContain('Your expert profile — step 4 of 4');
    expect(stdout).toContain('Your expert profile is saved.');
    expect(stdout).toMatch(/^1 expert in the directory:$/m);
    expect(stdout).toMatch(/^ {2}1\. Ana Petrović\. Expertise: online safety; Languages: Albanian; Countries of work: Kosovo · \S{8}$/m);
    expect(stdout).toContain('You cannot suspend yourself.');
    const saved = /^File saved: (.+\.json)$/m.exec(stdout);
    const data = JSON.parse(readFileSync(saved![1]!, 'utf8'));
    expect(data.member).toMatchObject({ role: 'admin', status: 'active' });
    expect(data.expertProfile).toMatchObject({ topics: ['online safety'], languages: ['sq'], countries: ['XK'], listed: true });
  }, TIMEOUT);

  it('shows page 2 when the Next button number is typed', async () => {
    const session = startCli(database);
    session.write('/search violence');
    const [, next] = await session.waitFor(/\[(\d+)\] Next ›/);
    session.write(next!);
    await session.waitFor(/^Page 2 of \d+$/m);
    const { code, stdout } = await session.end();
    expect(code).toBe(0);
    const [first = '', second = ''] = stdout.split(/^Page 1 of \d+$/m);
    const pageOne = resultTitles(first);
    const pageTwo = resultTitles(second);
    expect(pageOne.some((title) => title.startsWith(PUB_001))).toBe(true);
    expect(pageTwo.length).toBeGreaterThan(0);
    expect(pageTwo.filter((title) => pageOne.includes(title))).toEqual([]);
    expect(second).toMatch(/\[\d+\] ‹ Previous/);
  }, TIMEOUT);

  it('handles piped lines in order: a button number right after the search presses it', async () => {
    const { code, stdout } = await runCli(database, ['/search violence', '1']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Page 2 of \d+/);
  }, TIMEOUT);

  it('shows a document with its publisher', async () => {
    const { code, stdout } = await runCli(database, ['/doc pub-001']);
    expect(code).toBe(0);
    expect(stdout).toContain(PUB_001);
    expect(stdout).toMatch(/^Publisher: UNICEF in Serbia$/m);
  }, TIMEOUT);

  it('answers hostile queries with a reply, never a crash', async () => {
    const hostile = ['/search "child*', '/search NOT', '/search a:b', '/search -', '/search \x1b[31mred', '/nosuch'];
    const { code, stdout, stderr } = await runCli(database, hostile);
    expect(code, stderr).toBe(0);
    expect(stdout).not.toContain(APOLOGY);
    expect(stdout).not.toMatch(/\x1b/);
    // Every line got an answer: a reply ends with a blank line.
    expect(stdout.trimEnd().split(/\n\n(?!\s)/).length).toBeGreaterThanOrEqual(hostile.length);
    expect(stdout).toMatch(/found for “"child\*”|Nothing found for “"child\*”/);
    expect(stdout).toContain("I don't know the command /nosuch");
  }, TIMEOUT);
});

describe('cphub start in BCMS', () => {
  it('answers /search nasilje in BCMS after /lang sh', async () => {
    const { code, stdout } = await runCli(freshDatabase(), ['/lang sh', '/search nasilje']);
    expect(code).toBe(0);
    expect(stdout).toContain('Novi jezik odgovora');
    expect(stdout).toMatch(/^Prona(đen je|đena su|đeno je) \d+ dokumen\S* za „nasilje“\.$/m);
    expect(stdout).toContain(PUB_002);
  }, TIMEOUT);
});

describe('the console adapter loop', () => {
  const incoming: Incoming[] = [];

  function scriptedRouter(answer: (item: Incoming) => Promise<ReturnType<typeof reply>[]>) {
    return { handle: (item: Incoming) => (incoming.push(item), answer(item)) };
  }

  async function chat(lines: string, router: ReturnType<typeof scriptedRouter>): Promise<string> {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.setEncoding('utf8').on('data', (chunk: string) => (printed += chunk));
    const adapter = createConsoleAdapter({ router, input, output, interactive: false, color: false, locale: 'en', displayName: 'ana' });
    const done = adapter.run();
    input.end(lines);
    await done;
    return printed;
  }

  it('answers lines strictly in order, even when later answers are faster', async () => {
    incoming.length = 0;
    const router = scriptedRouter(async (item) => {
      const words = item.content.kind === 'text' ? item.content.text : item.content.kind;
      await new Promise((resolve) => setTimeout(resolve, words === 'slow' ? 50 : 0));
      return [reply([paragraph(text(`echo ${words}`))], { buttons: [[{ actionId: 'a', label: 'Press', value: words }]] })];
    });
    const out = await chat('slow\n1\n\nfast\n', router);
    expect(out).toBe('echo slow\n[1] Press\n\necho action\n[1] Press\n\necho fast\n[1] Press\n\n');
    expect(incoming.map((item) => item.content)).toEqual([
      { kind: 'text', text: 'slow' },
      { kind: 'action', actionId: 'a', value: 'slow' },
      { kind: 'text', text: 'fast' },
    ]);
    expect(incoming.map((item) => item.eventId)).toEqual(['console-0', 'console-1', 'console-2']);
  });

  it('numbers buttons across the replies of one answer', async () => {
    const button = (value: string) => [[{ actionId: 'a', label: value, value }]];
    const router = scriptedRouter(async () => [reply([], { buttons: button('x') }), reply([], { buttons: button('y') })]);
    const out = await chat('go\n', router);
    expect(out).toBe('[1] x\n\n[2] y\n\n');
  });

  it('the prompt and hints follow the language the answers are written in', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.setEncoding('utf8').on('data', (chunk: string) => (printed += chunk));
    const router = scriptedRouter(async () => [
      { ...reply([paragraph(text('ok'))], { buttons: [[{ actionId: 'a', label: 'Dalje ›', value: 'v' }]] }), language: 'ro' },
    ]);
    const translator = createTranslator();
    const adapter = createConsoleAdapter({ router, input, output, interactive: true, color: false, locale: 'en', translator });
    const done = adapter.run();
    input.write('/lang ro\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    adapter.stop();
    await done;
    expect(printed).toContain(`${translator.t('en', 'console.prompt')}> `);
    expect(printed).toContain(translator.t('ro', 'console.buttonsHint'));
    expect(printed).toContain(`${translator.t('ro', 'console.prompt')}> `);
  });

  it('prints an unprompted message above the prompt, marked, with its buttons the ones a number presses; after the chat, nothing', async () => {
    incoming.length = 0;
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.setEncoding('utf8').on('data', (chunk: string) => (printed += chunk));
    const router = scriptedRouter(async () => [reply([paragraph(text('Accepted.'))])]);
    const adapter = createConsoleAdapter({ router, input, output, interactive: true, color: false, locale: 'en', translator: createTranslator() });
    const done = adapter.run();
    input.write('half-typed');
    const answer = reply([paragraph(text('Q7K2P has an answer'))], { buttons: [[{ actionId: 'qa', label: 'Accept this answer', value: 'accept:Q7K2P:1' }]] });
    const posted = await adapter.publisher.post({ conversationId: 'local' }, answer);
    input.write('\n');
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Pressed after an answer with no buttons of its own: the message's button is the one on screen.
    await adapter.publisher.post({ conversationId: 'local' }, answer);
    input.write('1\n');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await adapter.publisher.edit(posted, reply([paragraph(text('Q7K2P has an answer, accepted'))]));
    await adapter.publisher.remove(posted);
    await new Promise((resolve) => setTimeout(resolve, 50));
    adapter.stop();
    await done;
    // The line being typed gives way (erase line, column 1) and comes back after the message.
    const arrived = printed.indexOf('\x1b[2K\x1b[1G── A message for you ──\nQ7K2P has an answer\n[1] Accept this answer\n\n');
    expect(arrived).toBeGreaterThan(printed.indexOf('half-typed'));
    expect(printed.indexOf('you> half-typed', arrived)).toBeGreaterThan(arrived);
    expect(printed).toContain('── A message above, updated ──\nQ7K2P has an answer, accepted\n\n');
    expect(printed).toContain('── A message above was withdrawn. ──\n\n');
    expect(incoming.map((item) => item.content)).toEqual([{ kind: 'text', text: 'half-typed' }, { kind: 'action', actionId: 'qa', value: 'accept:Q7K2P:1' }]);
    await expect(adapter.publisher.remove(posted)).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('survives a router that throws and keeps answering', async () => {
    const router = scriptedRouter(async (item) => {
      if (item.content.kind === 'text' && item.content.text === 'boom') throw new Error('boom');
      return [reply([paragraph(text('fine'))])];
    });
    const out = await chat('boom\nafter\n', router);
    expect(out).toBe(`${APOLOGY} on my side. Please try again in a moment.\n\nfine\n\n`);
  });
});
