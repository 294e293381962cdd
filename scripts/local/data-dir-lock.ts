import { linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAlive, procInfo } from './processes';

/** Who holds a data dir: written to `<DATA_DIR>/stack.lock` by the stack that owns it. */
export interface LockOwner {
  pid: number;
  /** /proc start time of `pid`, so a recycled pid is not mistaken for the owner. */
  pid_start?: number;
  hostname: string;
  started_at: string;
  ports: Record<string, number>;
}

export interface DataDirLock {
  file: string;
  owner: LockOwner;
  release(): void;
}

export const lockFile = (dataDir: string) => path.join(dataDir, 'stack.lock');

export function readLock(dataDir: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(lockFile(dataDir), 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

/** A lock is live while its process runs; on another host we cannot tell, so it counts as live. */
export function isLockLive(owner: LockOwner): boolean {
  if (owner.hostname !== os.hostname()) return true;
  return isAlive(owner.pid, owner.pid_start);
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    const ports = Object.entries(owner.ports)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    const where = owner.hostname === os.hostname() ? '' : ` on host ${owner.hostname}`;
    super(
      `DATA_DIR ${dataDir} is in use by another local stack: pid ${owner.pid}${where}, started ${owner.started_at} ` +
        `(${ports}). Stop that one first (kill ${owner.pid}), or give this one its own DATA_DIR.`,
    );
  }
}

/**
 * Takes `<dataDir>/stack.lock` for this process. A live holder → DataDirInUseError naming it; a holder
 * that died (kill -9, power loss) leaves a stale lock, which is taken over. Creation is O_EXCL and a
 * takeover renames the stale file away first, so of two stacks racing for a stale lock only one wins.
 */
export function acquireDataDirLock(dataDir: string, ports: Record<string, number>): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = lockFile(dataDir);
  const owner: LockOwner = {
    pid: process.pid,
    pid_start: procInfo(process.pid)?.startTicks,
    hostname: os.hostname(),
    started_at: new Date().toISOString(),
    ports,
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      try {
        writeSync(fd, `${JSON.stringify(owner)}\n`);
      } finally {
        closeSync(fd);
      }
      let released = false;
      return {
        file,
        owner,
        release() {
          if (released) return;
          released = true;
          if (readLock(dataDir)?.pid === process.pid) unlinkSync(file);
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readLock(dataDir);
    if (holder && isLockLive(holder)) throw new DataDirInUseError(dataDir, holder);
    // Stale (or unreadable: a writer that died between create and write). Move it aside, then check that
    // what we moved is still the stale one and not a lock a racing stack created meanwhile.
    const aside = `${file}.stale-${process.pid}`;
    try {
      renameSync(file, aside);
    } catch {
      continue;
    }
    let moved: LockOwner | undefined;
    try {
      moved = JSON.parse(readFileSync(aside, 'utf8')) as LockOwner;
    } catch {
      moved = undefined;
    }
    if (moved && isLockLive(moved)) {
      try {
        linkSync(aside, file);
      } catch {
        // someone else holds it now; they are live too, so the next round reports them
      }
    }
    unlinkSync(aside);
  }
  const holder = readLock(dataDir);
  if (holder) throw new DataDirInUseError(dataDir, holder);
  throw new Error(`could not take the lock ${file}`);
}
