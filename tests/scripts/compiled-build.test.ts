/** bin/cphub.js runs build/js only while it is newer than every source file it was compiled from. */
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freshBuild } from '../../scripts/compiled-build.mjs';

function fakeRepository(): string {
  const root = mkdtempSync(join(tmpdir(), 'cphub-build-'));
  writeFileSync(join(root, 'tsconfig.build.json'), JSON.stringify({ include: ['*.ts', 'core', 'db'] }));
  mkdirSync(join(root, 'core', 'search'), { recursive: true });
  mkdirSync(join(root, 'db'));
  for (const file of ['main.ts', 'core/search/fold.ts', 'db/document-prep-worker.mjs', 'db/migrations.sql']) writeFileSync(join(root, file), '');
  return root;
}

const at = (root: string, file: string, seconds: number) => utimesSync(join(root, file), seconds, seconds);

function build(root: string, seconds: number): void {
  mkdirSync(join(root, 'build', 'js'), { recursive: true });
  writeFileSync(join(root, 'build', 'js', '.built'), '');
  at(root, 'build/js/.built', seconds);
}

describe('the compiled build', () => {
  it('is not run before it is built', () => {
    expect(freshBuild(fakeRepository())).toBeUndefined();
  });

  it('is run while it is newer than every source file, and not once any one is newer', () => {
    const root = fakeRepository();
    for (const file of ['main.ts', 'core/search/fold.ts', 'db/document-prep-worker.mjs']) at(root, file, 1_000);
    build(root, 2_000);
    expect(freshBuild(root)).toBe(pathToFileURL(join(root, 'build', 'js', 'cli', 'main.js')).href);

    // A file that is not compiled changes nothing.
    at(root, 'db/migrations.sql', 3_000);
    expect(freshBuild(root)).toBeDefined();

    for (const file of ['main.ts', 'core/search/fold.ts', 'db/document-prep-worker.mjs']) {
      at(root, file, 3_000);
      expect(freshBuild(root), file).toBeUndefined();
      at(root, file, 1_000);
    }
    build(root, 4_000);
    at(root, 'core/search/fold.ts', 3_000);
    expect(freshBuild(root)).toBeDefined();
  });
});
