/*
 * The local Firestore emulator's front door: outside this folder, code imports this module only (tests
 * may also import testing.ts). test/unit/firestore-emulator-boundary.test.ts holds it; README.md lists
 * what the folder reaches inside the package.
 */
export { EMULATOR_ENTRY, startFirestoreEmulatorProcess } from './process';

/** The emulator in this process. The package is loaded here, not on import: the stack only forks it. */
export async function startFirestoreEmulator(port: number): Promise<{ host: string; stop(): void }> {
  const { startFirestoreEmulator: start } = await import('./server');
  return start(port);
}
