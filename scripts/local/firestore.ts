import { createRequire } from 'node:module';
import type { FirestoreServer as FirestoreServerType } from '@firestore-emulator/server';
import { directChildLookups, type EmulatorStateClasses } from './firestore-lookups';
import { IndexedWatch, type ListenCall } from './firestore-watch';

// The package's ESM build imports extensionless paths that plain Node cannot resolve; its CJS build works.
const requireHere = createRequire(import.meta.url);
const emulator = requireHere('@firestore-emulator/server') as EmulatorStateClasses & {
  FirestoreServer: typeof FirestoreServerType;
};
const { FirestoreServer } = emulator;
directChildLookups(emulator);
// Its own dependencies: the immer its state is built with, the Listen method definition it registers.
const requireFromEmulator = createRequire(requireHere.resolve('@firestore-emulator/server'));
// Its state is immer drafts; freezing every produced record (a collection's whole document map on each
// new document) is a development aid that costs 10-18 % of the CPU per written document here.
(requireFromEmulator('immer') as { setAutoFreeze(on: boolean): void }).setAutoFreeze(false);
const firestoreProto = requireFromEmulator('@firestore-emulator/proto/dist/google/firestore/v1/firestore') as {
  UnimplementedFirestoreService: { definition: { Listen: ListenMethod } };
};

interface ListenMethod {
  path: string;
  requestDeserialize: (bytes: Buffer) => unknown;
}

interface GrpcServer {
  unregister(name: string): boolean;
  register(
    name: string,
    handler: (call: ListenCall) => void,
    serialize: (bytes: Buffer) => Buffer,
    deserialize: ListenMethod['requestDeserialize'],
    type: 'bidi',
  ): boolean;
}

/**
 * The Node Firestore emulator (gRPC) the official client reaches through FIRESTORE_EMULATOR_HOST, with its
 * Listen replaced by an indexed one (see IndexedWatch): the package keeps its gRPC server in a field it
 * does not expose, so the method is swapped there before the server binds. The version is pinned.
 */
export async function startFirestoreEmulator(port: number): Promise<{ host: string; stop(): void }> {
  const server = new FirestoreServer();
  const grpc = (server as unknown as { server?: Partial<GrpcServer> }).server;
  if (typeof grpc?.unregister !== 'function' || typeof grpc.register !== 'function') {
    throw new Error(
      '@firestore-emulator/server no longer keeps its gRPC server in `server`: update scripts/local/firestore.ts',
    );
  }
  replaceOnPlainSet(server.state);
  const method = firestoreProto.UnimplementedFirestoreService.definition.Listen;
  const watch = new IndexedWatch(server.state);
  grpc.unregister(method.path);
  // The watch writes ListenResponse bytes itself (listen-wire.ts): they go out as they are.
  grpc.register(method.path, watch.listen, (bytes: Buffer) => bytes, method.requestDeserialize, 'bidi');
  await server.start(port);
  return { host: `127.0.0.1:${port}`, stop: () => server.stop() };
}

interface PlainWrite {
  has_update: boolean;
  has_update_mask: boolean;
  has_current_document: boolean;
  update: { name: string };
}

/**
 * The package merges on every set; Firestore replaces the document on a set without a field mask or a
 * precondition (a merge set carries a mask, update() carries a mask and `exists`). Emptying the stored
 * fields first gives that, in the same write and the same change event.
 */
function replaceOnPlainSet(state: FirestoreServerType['state']) {
  const write = state.writeV1Document.bind(state);
  state.writeV1Document = (date, w) => {
    const plain = w as unknown as PlainWrite;
    if (plain.has_update && !plain.has_update_mask && !plain.has_current_document) {
      const doc = state.getDocument(plain.update.name);
      if (doc.metadata.hasExist) (doc as unknown as { fields: Record<string, unknown> }).fields = {};
    }
    return write(date, w);
  };
}
