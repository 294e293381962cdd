import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The child's entry, as its command line shows it (the benches find the emulator's CPU by it). */
export const EMULATOR_ENTRY = fileURLToPath(new URL('./main.ts', import.meta.url));

/** Starts the emulator in a child process (see main.ts); resolves once it listens. */
export async function startFirestoreEmulatorProcess(port: number): Promise<{ host: string; stop(): Promise<void> }> {
  // The TypeScript loader, plus the parent's CPU-profile flags so a profiled stack profiles its emulator too.
  const execArgv = ['--import', 'tsx', ...process.execArgv.filter((a) => a.startsWith('--cpu-prof'))];
  const child = fork(EMULATOR_ENTRY, [String(port)], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const host = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { ready?: string }) =>
      m.ready ? resolve(m.ready) : reject(new Error('emulator sent no address')),
    );
    child.once('exit', (code, signal) =>
      reject(new Error(`Firestore emulator exited (${signal ?? code}) before it listened`)),
    );
    child.once('error', reject);
  }).catch((err: Error) => {
    child.kill('SIGKILL'); // a child that failed to start must not outlive the attempt (its IPC holds us up)
    throw err;
  });
  child.removeAllListeners('exit');
  return {
    host,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
