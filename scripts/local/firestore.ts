import { createRequire } from 'node:module';
import type { FirestoreServer as FirestoreServerType } from '@firestore-emulator/server';

// The package's ESM build imports extensionless paths that plain Node cannot resolve; its CJS build works.
const { FirestoreServer } = createRequire(import.meta.url)('@firestore-emulator/server') as {
  FirestoreServer: typeof FirestoreServerType;
};

/** The Node Firestore emulator (gRPC) the official client reaches through FIRESTORE_EMULATOR_HOST. */
export async function startFirestoreEmulator(port: number): Promise<{ host: string; stop(): void }> {
  const server = new FirestoreServer();
  await server.start(port);
  return { host: `127.0.0.1:${port}`, stop: () => server.stop() };
}
