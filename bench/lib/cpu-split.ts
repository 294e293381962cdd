import { EMULATOR_ENTRY } from '../../scripts/local/firestore-emulator';
import { procArgv } from '../../scripts/local/processes';
import { cpuOfUs, processTree } from './stats';

export interface CpuSplit {
  stack: number;
  emulator: number;
  postgres: number;
  bench: number;
}

/** CPU so far (µs) of the stack process, its emulator child, its Postgres tree, and this process. */
export function cpuSplit(stackPid: number): CpuSplit {
  const children = processTree(stackPid).slice(1);
  const emulator = children.filter((p) => procArgv(p).includes(EMULATOR_ENTRY));
  const self = process.cpuUsage();
  return {
    stack: cpuOfUs([stackPid]),
    emulator: cpuOfUs(emulator),
    postgres: cpuOfUs(children.filter((p) => !emulator.includes(p))),
    bench: self.user + self.system,
  };
}

/** What each used between two readings, in seconds of CPU, as "stack 1.2 s, emulator 0.8 s, …". */
export function cpuSpent(from: CpuSplit, to: CpuSplit): string {
  return (Object.keys(from) as Array<keyof CpuSplit>)
    .map((k) => `${k} ${((to[k] - from[k]) / 1e6).toFixed(2)} s`)
    .join(', ');
}
