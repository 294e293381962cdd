import { createRequire } from 'node:module';
import type { FirestoreServer as FirestoreServerType } from '@firestore-emulator/server';
import { IndexedWatch, type ListenCall, type ListenProto } from './firestore-watch';

// The package's ESM build imports extensionless paths that plain Node cannot resolve; its CJS build works.
const requireHere = createRequire(import.meta.url);
const { FirestoreServer } = requireHere('@firestore-emulator/server') as {
  FirestoreServer: typeof FirestoreServerType;
};
// Its protobuf classes, from its own dependencies, so the messages we write are the ones it serialises.
const requireFromEmulator = createRequire(requireHere.resolve('@firestore-emulator/server'));
// Its state is immer drafts; freezing every produced record (a collection's whole document map on each
// new document) is a development aid that costs 10-18 % of the CPU per written document here.
(requireFromEmulator('immer') as { setAutoFreeze(on: boolean): void }).setAutoFreeze(false);
const protoModule = (name: string) => requireFromEmulator(`@firestore-emulator/proto/dist/google/${name}`) as unknown;
const firestoreProto = protoModule('firestore/v1/firestore') as Pick<ListenProto, 'ListenResponse'> & {
  UnimplementedFirestoreService: { definition: { Listen: ListenMethod } };
};

/** The message classes the indexed Listen writes. */
export function listenProto(): ListenProto {
  return {
    ListenResponse: firestoreProto.ListenResponse,
    DocumentChange: (protoModule('firestore/v1/write') as Pick<ListenProto, 'DocumentChange'>).DocumentChange,
    Timestamp: (protoModule('protobuf/timestamp') as Pick<ListenProto, 'Timestamp'>).Timestamp,
  };
}

interface ListenMethod {
  path: string;
  responseSerialize: (message: never) => Buffer;
  requestDeserialize: (bytes: Buffer) => unknown;
}

interface GrpcServer {
  unregister(name: string): boolean;
  register(
    name: string,
    handler: (call: ListenCall) => void,
    serialize: ListenMethod['responseSerialize'],
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
  const watch = new IndexedWatch(server.state, listenProto());
  grpc.unregister(method.path);
  grpc.register(method.path, watch.listen, method.responseSerialize, method.requestDeserialize, 'bidi');
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
