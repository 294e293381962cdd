import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface AtRef {
  /** The commit whose code is wanted. */
  ref: string;
  /** What to extract (the module and everything it imports, relative to the repository's root). */
  paths: string[];
  /** The module to import, relative to the repository's root. */
  file: string;
  /** Who needs it, for the error when this checkout cannot produce it. */
  why: string;
  /** A directory of the checkout (default: the current one). */
  cwd?: string;
}

/** Fails with what to do when this checkout cannot produce `ref` (no git, or a shallow clone without it). */
function assertHas(git: (args: string[]) => Buffer, ref: string, why: string): void {
  let shallow: boolean;
  try {
    shallow = git(['rev-parse', '--is-shallow-repository']).toString().trim() === 'true';
  } catch {
    throw new Error(`${why} is built from git commit ${ref}, but this directory is not a git checkout`);
  }
  try {
    git(['cat-file', '-e', `${ref}^{commit}`]);
  } catch {
    throw new Error(
      `${why} is built from git commit ${ref}, which this clone does not have` +
        (shallow ? ' (a shallow clone: run `git fetch --unshallow`)' : ' (not in its history)'),
    );
  }
}

/**
 * Imports `file` as it was at commit `ref`, beside today's code: `paths` are extracted from git into a
 * temporary directory (node_modules linked to this checkout's) and the module is loaded from there
 * through tsx, which the bench runner runs under. Old code is measured without keeping a copy of it.
 */
export async function importAtRef<T>({ ref, paths, file, why, cwd }: AtRef): Promise<T> {
  const git = (args: string[]) => execFileSync('git', args, { cwd, maxBuffer: 256 << 20, stdio: 'pipe' });
  assertHas(git, ref, why);
  const root = git(['rev-parse', '--show-toplevel']).toString().trim();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'halo-bench-git-'));
  try {
    execFileSync('tar', ['-x', '-C', dir], { input: git(['archive', '--format=tar', ref, '--', ...paths]) });
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    return (await import(pathToFileURL(path.join(dir, file)).href)) as T;
  } finally {
    // The module is in memory once imported; its source is not needed any more.
    rmSync(dir, { recursive: true, force: true });
  }
}
