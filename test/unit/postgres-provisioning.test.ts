import { describe, expect, it } from 'vitest';
import { ensurePostgresBinaries } from '../../scripts/local/postgres';

describe('PostgreSQL provisioning on a fresh machine', () => {
  it('uses binaries that are present without installing anything', () => {
    const calls: string[][] = [];
    expect(
      ensurePostgresBinaries(() => undefined, {
        find: () => '/usr/lib/postgresql/15/bin',
        root: true,
        exec: (f, a) => calls.push([f, ...a]),
      }),
    ).toBe('/usr/lib/postgresql/15/bin');
    expect(calls).toEqual([]);
  });

  it('as root, installs Debian’s postgresql non-interactively, then finds the binaries', () => {
    const calls: Array<{ cmd: string[]; frontend?: string }> = [];
    let installed = false;
    const bin = ensurePostgresBinaries(() => undefined, {
      find: () => (installed ? '/usr/lib/postgresql/15/bin' : undefined),
      root: true,
      exec: (file, args, env) => {
        calls.push({ cmd: [file, ...args], frontend: env.DEBIAN_FRONTEND });
        if (args[0] === 'install') installed = true;
      },
    });
    expect(bin).toBe('/usr/lib/postgresql/15/bin');
    expect(calls).toEqual([
      { cmd: ['apt-get', 'update'], frontend: 'noninteractive' },
      { cmd: ['apt-get', 'install', '-y', '--no-install-recommends', 'postgresql'], frontend: 'noninteractive' },
    ]);
  });

  it('without root it explains what to do instead of failing obscurely', () => {
    expect(() =>
      ensurePostgresBinaries(() => undefined, { find: () => undefined, root: false, exec: () => undefined }),
    ).toThrow(/PG_BIN_DIR \/ DATABASE_URL/);
  });

  it('an install that leaves no server binaries is a clear error', () => {
    expect(() =>
      ensurePostgresBinaries(() => undefined, { find: () => undefined, root: true, exec: () => undefined }),
    ).toThrow(/no server binaries/);
  });
});
