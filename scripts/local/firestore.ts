import { FirestoreServer } from '@firestore-emulator/server';

/** The Node Firestore emulator (gRPC) the official client reaches through FIRESTORE_EMULATOR_HOST. */
export async function startFirestoreEmulator(port: number): Promise<{ host: string; stop(): void }> {
  const server = new FirestoreServer();
  await server.start(port);
  return { host: `127.0.0.1:${port}`, stop: () => server.stop() };
}
