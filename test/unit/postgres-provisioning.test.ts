import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirInUseError, lockFile, readLock } from '../../scripts/local/data-dir-lock';
import { isLauncher } from '../../scripts/local/launcher-watch';
import { ensurePostgresBinaries } from '../../scripts/local/postgres';
import { isAlive, procInfo } from '../../scripts/local/processes';

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

describe('the local stack owns its data dir (stack.lock)', () => {
  const dirs: string[] = [];
  const newDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'halo-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

  it('records the owner and its ports; a second taker is refused with a message naming the owner', () => {
    const dir = newDir();
    const lock = acquireDataDirLock(dir, { port: 8080, pg_port: 54329 });
    expect(readLock(dir)).toMatchObject({ pid: process.pid, ports: { port: 8080, pg_port: 54329 } });
    expect(() => acquireDataDirLock(dir, { port: 9090 })).toThrow(DataDirInUseError);
    expect(() => acquireDataDirLock(dir, { port: 9090 })).toThrow(
      new RegExp(`in use by another local stack: pid ${process.pid}\\b.*port 8080, pg_port 54329.*kill ${process.pid}`),
    );
    lock.release();
    expect(existsSync(lockFile(dir))).toBe(false);
    acquireDataDirLock(dir, { port: 9090 }).release();
  });

  it('takes over a lock whose owner died (kill -9 leaves it behind), and a recycled pid does not count as the owner', () => {
    const dir = newDir();
    const stale = { pid: deadPid(), hostname: os.hostname(), started_at: 'then', ports: { port: 1 } };
    writeFileSync(lockFile(dir), JSON.stringify(stale));
    const lock = acquireDataDirLock(dir, { port: 2 });
    expect(readLock(dir)?.pid).toBe(process.pid);
    lock.release();

    // Our own pid, but another process start time: the pid was reused, the owner is gone.
    writeFileSync(lockFile(dir), JSON.stringify({ ...stale, pid: process.pid, pid_start: 1 }));
    acquireDataDirLock(dir, { port: 3 }).release();
    // An unreadable lock (its writer died between create and write) is stale too.
    writeFileSync(lockFile(dir), '');
    acquireDataDirLock(dir, { port: 4 }).release();
  });

  it('release leaves a lock that is no longer ours alone', () => {
    const dir = newDir();
    const lock = acquireDataDirLock(dir, { port: 1 });
    const other = { pid: 1, hostname: os.hostname(), started_at: 'now', ports: { port: 2 } };
    writeFileSync(lockFile(dir), JSON.stringify(other));
    lock.release();
    expect(readLock(dir)).toEqual(other);
  });

  it('sees dead processes as dead, live ones as live', () => {
    expect(isAlive(process.pid)).toBe(true);
    expect(isAlive(deadPid())).toBe(false);
    expect(isAlive(process.pid, procInfo(process.pid)!.startTicks + 1)).toBe(false);
  });
});

describe('the launchers above `npm start` (a stack whose npm/tsx dies stops itself)', () => {
  it('knows npm, its `sh -c`, and tsx’s CLI, but not the shell or terminal above them', () => {
    expect(isLauncher(['npm start'])).toBe(true); // npm's process title
    expect(isLauncher(['node', '/usr/lib/node_modules/npm/bin/npm-cli.js', 'start'])).toBe(true);
    expect(isLauncher(['sh', '-c', 'tsx scripts/dev.ts'], 'tsx scripts/dev.ts')).toBe(true);
    expect(isLauncher(['node', '/work/main/node_modules/.bin/tsx', 'scripts/dev.ts'])).toBe(true);
    expect(isLauncher(['/usr/bin/node', '/x/node_modules/tsx/dist/cli.mjs', 'scripts/dev.ts'])).toBe(true);
    expect(isLauncher(['-bash'])).toBe(false);
    expect(isLauncher(['/bin/bash', '--login'])).toBe(false);
    expect(isLauncher(['sh', '-c', 'something else'], 'tsx scripts/dev.ts')).toBe(false);
    expect(isLauncher(['node', '/x/node_modules/vitest/dist/workers/forks.js'])).toBe(false);
  });
});
