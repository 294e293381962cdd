import { readFileSync } from 'node:fs';
import { processCpuUs, processTree } from './stats';

export interface CpuSplit {
  stack: number;
  emulator: number;
  postgres: number;
  bench: number;
}

const argvOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
};

const cpuOf = (pids: number[]) =>
  pids.reduce((sum, p) => {
    try {
      return sum + processCpuUs(p);
    } catch {
      return sum; // exited meanwhile
    }
  }, 0);

/** CPU so far (µs) of the stack process, its emulator child, its Postgres tree, and this process. */
export function cpuSplit(stackPid: number): CpuSplit {
  const tree = processTree(stackPid).slice(1);
  const emulator = tree.filter((p) => argvOf(p).includes('firestore-main'));
  const postgres = tree.filter((p) => !emulator.includes(p));
  const self = process.cpuUsage();
  return {
    stack: cpuOf([stackPid]),
    emulator: cpuOf(emulator),
    postgres: cpuOf(postgres),
    bench: self.user + self.system,
  };
}

/** What each used between two readings, in seconds of CPU, as "stack 1.2 s, emulator 0.8 s, …". */
export function cpuSpent(from: CpuSplit, to: CpuSplit): string {
  return (Object.keys(from) as Array<keyof CpuSplit>)
    .map((k) => `${k} ${((to[k] - from[k]) / 1e6).toFixed(2)} s`)
    .join(', ');
}
