import { readFileSync } from 'node:fs';

/** What /proc/<pid>/stat says about a process, or undefined when there is no such process (Linux only). */
export interface ProcInfo {
  ppid: number;
  /** One letter: R, S, D, Z (zombie), … */
  state: string;
  /** Start time in clock ticks since boot: with the pid, it names one process even after pid reuse. */
  startTicks: number;
}

export function procInfo(pid: number): ProcInfo | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may itself contain spaces or parentheses.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: rest[0] ?? '?', ppid: Number(rest[1]), startTicks: Number(rest[19]) };
}

export function procArgv(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * Whether `pid` is a live process (and, when `startTicks` is given, still the same one). Zombies count as
 * dead: PID 1 on some machines never reaps them, and `kill(pid, 0)` succeeds on a zombie.
 */
export function isAlive(pid: number, startTicks?: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  const info = procInfo(pid);
  if (info) return info.state !== 'Z' && (startTicks === undefined || info.startTicks === startTicks);
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
