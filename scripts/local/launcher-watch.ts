import path from 'node:path';
import { isAlive, procArgv, procInfo } from './processes';

export interface Launcher {
  pid: number;
  startTicks: number;
  argv: string[];
}

/**
 * Whether a process is one of the wrappers `npm start` puts above us: npm itself, the `sh -c` it runs the
 * script in, and tsx's CLI, which re-spawns node with its loader. Shells and terminals above them are not.
 */
export function isLauncher(argv: string[], lifecycleScript = process.env.npm_lifecycle_script): boolean {
  // npm sets its process title, so /proc shows one string such as "npm start".
  const [exe = '', ...args] = argv.length === 1 ? argv[0]!.split(' ') : argv;
  const base = path.basename(exe);
  if (base === 'npm' || base === 'npx') return true;
  if (/^node(js)?$/.test(base) && args[0] !== undefined) {
    const script = args[0];
    if (/[/\\]npm-cli\.js$|[/\\]npx-cli\.js$|^npm$/.test(script)) return true;
    if (/[/\\]\.bin[/\\]tsx$|[/\\]tsx[/\\]dist[/\\]cli\.m?js$/.test(script)) return true;
  }
  if (base === 'tsx') return true;
  return (
    lifecycleScript !== undefined &&
    (base === 'sh' || base === 'bash' || base === 'dash') &&
    args[0] === '-c' &&
    args[1] === lifecycleScript
  );
}

/** Our launcher ancestors, nearest first, stopping at the first process that is not a launcher. */
export function launcherChain(pid = process.pid): Launcher[] {
  const chain: Launcher[] = [];
  let info = procInfo(pid);
  while (info && info.ppid > 1) {
    const parent = procInfo(info.ppid);
    const argv = procArgv(info.ppid);
    if (!parent || !isLauncher(argv)) break;
    chain.push({ pid: info.ppid, startTicks: parent.startTicks, argv });
    info = parent;
  }
  return chain;
}

/**
 * Calls `onGone` once when any launcher above us dies: `kill -9` (or a lone SIGTERM) of the npm process
 * otherwise leaves the stack running under init with nobody to stop it. Returns a stop function.
 */
export function watchLaunchers(onGone: (who: Launcher) => void, everyMs = 500): () => void {
  const chain = launcherChain();
  const fallbackPpid = process.ppid;
  const hasProc = procInfo(process.pid) !== undefined;
  const timer = setInterval(() => {
    const gone = chain.find((l) => !isAlive(l.pid, l.startTicks));
    // Without /proc there is no chain; a changed ppid still says our parent died.
    const orphaned = !hasProc && process.ppid !== fallbackPpid;
    if (gone || orphaned) {
      clearInterval(timer);
      onGone(gone ?? { pid: fallbackPpid, startTicks: 0, argv: [] });
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
