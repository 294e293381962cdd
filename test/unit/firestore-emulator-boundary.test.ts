import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Everything that reaches into @firestore-emulator/server lives in one folder, whose README lists each
// coupling: an upgrade of the package is checked there and nowhere else.
const FOLDER = 'scripts/local/firestore-emulator';
/** The package (or anything under it) loaded: imported, or passed to require, createRequire's require, resolve. */
const LOADS_PACKAGE = /(?:\bfrom\s*|\bimport\s*|\(\s*)['"`]@firestore-emulator\//;
/** Every module specifier a file names: static and dynamic imports, re-exports, require and resolve. */
const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire(?:\.resolve)?\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.')) return [];
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.(c|m)?[jt]s$/.test(name) ? [full] : [];
  });
}

const everywhere = ['scripts', 'shared', 'functions', 'bench', 'test'].flatMap(sources);
const inside = (f: string) => f.startsWith(`${FOLDER}/`);

/** The folder's modules a file outside it imports, resolved to paths in the repository. */
function folderImports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(SPECIFIERS)]
    .map((m) => m[1]!)
    .filter((s) => s.startsWith('.'))
    .map((s) => path.relative('.', path.resolve(path.dirname(file), s)).replace(/\.ts$/, ''))
    .filter((target) => target === FOLDER || target.startsWith(`${FOLDER}/`));
}

describe('the emulator package stays in its folder', () => {
  it('no file outside the folder loads the package or anything under it', () => {
    const outside = everywhere.filter((f) => !inside(f));
    expect(outside.length).toBeGreaterThan(100);
    expect(outside.filter((f) => LOADS_PACKAGE.test(readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('inside the folder, only package.ts loads it', () => {
    const loaders = everywhere.filter((f) => inside(f) && LOADS_PACKAGE.test(readFileSync(f, 'utf8')));
    expect(loaders).toEqual([`${FOLDER}/package.ts`]);
  });

  it('code outside the folder imports its index only; tests may also import testing.ts', () => {
    const reaching = everywhere
      .filter((f) => !inside(f))
      .flatMap((f) =>
        folderImports(f)
          .filter(
            (t) => t !== FOLDER && t !== `${FOLDER}/index` && !(f.startsWith('test/') && t === `${FOLDER}/testing`),
          )
          .map((t) => `${f} → ${t}`),
      );
    expect(reaching).toEqual([]);
    // The check sees the imports it should: the stack, the tests' global setup and the watch's test.
    const importers = everywhere.filter((f) => !inside(f) && folderImports(f).length > 0);
    expect(importers).toEqual(
      expect.arrayContaining(['scripts/local/stack.ts', 'test/setup/global.ts', 'test/unit/firestore-watch.test.ts']),
    );
  });
});
