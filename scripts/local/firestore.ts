import { createRequire } from 'node:module';
import type {
  FirestoreServer as FirestoreServerType,
  FirestoreState as FirestoreStateType,
} from '@firestore-emulator/server';
import { emulatorFieldClasses, fastCommit, replaceOnPlainSet, type CommitHandler } from './firestore-commit';
import { directChildLookups, type EmulatorStateClasses } from './firestore-lookups';
import { IndexedWatch, type ListenCall } from './firestore-watch';

// The package's ESM build imports extensionless paths that plain Node cannot resolve; its CJS build works.
const requireHere = createRequire(import.meta.url);
const emulator = requireHere('@firestore-emulator/server') as EmulatorStateClasses & {
  FirestoreServer: typeof FirestoreServerType;
  FirestoreState: typeof FirestoreStateType;
};
const { FirestoreServer, FirestoreState } = emulator;
directChildLookups(emulator);
// Its own dependencies: the immer its state is built with, the Listen method definition it registers.
const requireFromEmulator = createRequire(requireHere.resolve('@firestore-emulator/server'));
// Its state is immer drafts; freezing every produced record (a collection's whole document map on each
// new document) is a development aid that costs 10-18 % of the CPU per written document here.
(requireFromEmulator('immer') as { setAutoFreeze(on: boolean): void }).setAutoFreeze(false);
const { ServerCredentials } = requireFromEmulator('@grpc/grpc-js') as {
  ServerCredentials: { createInsecure(): unknown };
};
const firestoreProto = requireFromEmulator('@firestore-emulator/proto/dist/google/firestore/v1/firestore') as {
  UnimplementedFirestoreService: { definition: { Listen: ListenMethod; Commit: ListenMethod } };
};

interface ListenMethod {
  path: string;
  requestDeserialize: (bytes: Buffer) => unknown;
}

interface GrpcServer {
  unregister(name: string): boolean;
  register(
    name: string,
    handler: ((call: ListenCall) => void) | CommitHandler['func'],
    serialize: (response: Buffer) => Buffer,
    deserialize: (bytes: Buffer) => unknown,
    type: 'bidi' | 'unary',
  ): boolean;
  handlers: Map<string, CommitHandler>;
  bindAsync(address: string, credentials: unknown, done: (err: Error | null) => void): void;
}

/** The gRPC server the package keeps in a field it does not expose (its handlers are swapped there). */
export function packageGrpcServer(server: FirestoreServerType): GrpcServer {
  const grpc = (server as unknown as { server?: Partial<GrpcServer> }).server;
  if (
    typeof grpc?.unregister !== 'function' ||
    typeof grpc.register !== 'function' ||
    typeof grpc.bindAsync !== 'function' ||
    !grpc.handlers
  ) {
    throw new Error(
      '@firestore-emulator/server no longer keeps its gRPC server in `server`: update scripts/local/firestore.ts',
    );
  }
  return grpc as GrpcServer;
}

/**
 * The Node Firestore emulator (gRPC) the official client reaches through FIRESTORE_EMULATOR_HOST, with its
 * Listen replaced by an indexed one (see IndexedWatch) and Commit by one that reads the common writes itself
 * (see fastCommit): the package keeps its gRPC server in a field it does not expose, so the methods are
 * swapped there before the server binds. It binds to 127.0.0.1 like the rest of the local stack (the
 * package's own start() listens on every interface). The version is pinned.
 */
export async function startFirestoreEmulator(port: number): Promise<{ host: string; stop(): void }> {
  const server = new FirestoreServer();
  const grpc = packageGrpcServer(server);
  replaceOnPlainSet(server.state);
  const method = firestoreProto.UnimplementedFirestoreService.definition.Listen;
  const watch = new IndexedWatch(server.state);
  grpc.unregister(method.path);
  // The watch writes ListenResponse bytes itself (listen-wire.ts): they go out as they are.
  grpc.register(method.path, watch.listen, (bytes: Buffer) => bytes, method.requestDeserialize, 'bidi');
  const commit = firestoreProto.UnimplementedFirestoreService.definition.Commit;
  const original = grpc.handlers.get(commit.path)!;
  grpc.unregister(commit.path);
  grpc.register(
    commit.path,
    fastCommit(server.state, original, emulatorFieldClasses(FirestoreState, original.deserialize)),
    (response: Buffer) => (Buffer.isBuffer(response) ? response : original.serialize(response)),
    (bytes: Buffer) => bytes,
    'unary',
  );
  const address = `127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) =>
    grpc.bindAsync(address, ServerCredentials.createInsecure(), (err) => (err ? reject(err) : resolve())),
  );
  return { host: address, stop: () => server.stop() };
}
