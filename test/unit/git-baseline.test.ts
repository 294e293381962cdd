import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAtRef } from '../../bench/lib/git-baseline';

// The relay bench measures the old relay from git (bench/lib/git-baseline.ts) instead of a kept copy: it
// must load the code of the commit asked for, and say what to do when the clone cannot produce it.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'halo-git-baseline-'));
const repo = path.join(tmp, 'repo');
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd, stdio: 'pipe' })
    .toString()
    .trim();
let oldCommit = '';

function commitValue(value: string): string {
  writeFileSync(path.join(repo, 'shared/value.ts'), `export const value: string = '${value}';\n`);
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', value);
  return git(repo, 'rev-parse', 'HEAD');
}

beforeAll(() => {
  mkdirSync(path.join(repo, 'shared'), { recursive: true });
  git(repo, 'init', '-q');
  oldCommit = commitValue('old');
  commitValue('new');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const at = (ref: string, cwd: string) =>
  importAtRef<{ value: string }>({ ref, paths: ['shared'], file: 'shared/value.ts', why: 'The probe', cwd });

describe('importAtRef (bench/lib/git-baseline.ts)', () => {
  it("imports the module as it was at the commit, not the checkout's", async () => {
    expect((await at(oldCommit, repo)).value).toBe('old');
  });

  it('names the commit when the history does not hold it', async () => {
    await expect(at('0123456789abcdef0123456789abcdef01234567', repo)).rejects.toThrow(
      'The probe is built from git commit 0123456789abcdef0123456789abcdef01234567, which this clone does not have (not in its history)',
    );
  });

  it('says to unshallow in a shallow clone', async () => {
    const shallow = path.join(tmp, 'shallow');
    git(tmp, 'clone', '-q', '--depth', '1', `file://${repo}`, shallow);
    await expect(at(oldCommit, shallow)).rejects.toThrow(
      `which this clone does not have (a shallow clone: run \`git fetch --unshallow\`)`,
    );
  });

  it('says so outside a git checkout', async () => {
    const plain = mkdtempSync(path.join(tmp, 'plain-'));
    await expect(at(oldCommit, plain)).rejects.toThrow('but this directory is not a git checkout');
  });
});
