import { createRequire } from 'node:module';
import type { FirestoreServer as FirestoreServerType } from '@firestore-emulator/server';
import { IndexedWatch, type ListenCall, type ListenProto } from './firestore-watch';

// The package's ESM build imports extensionless paths that plain Node cannot resolve; its CJS build works.
const requireHere = createRequire(import.meta.url);
const { FirestoreServer } = requireHere('@firestore-emulator/server') as {
  FirestoreServer: typeof FirestoreServerType;
};
// Its protobuf classes and gRPC library, from its own dependencies, so the messages we write are the ones it serialises.
const requireFromEmulator = createRequire(requireHere.resolve('@firestore-emulator/server'));
const proto = requireFromEmulator('@firestore-emulator/proto/dist/google/firestore/v1/firestore') as ListenProto & {
  UnimplementedFirestoreService: { definition: { Listen: ListenMethod } };
};

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
  const method = proto.UnimplementedFirestoreService.definition.Listen;
  const watch = new IndexedWatch(server.state, proto);
  grpc.unregister(method.path);
  grpc.register(method.path, watch.listen, method.responseSerialize, method.requestDeserialize, 'bidi');
  await server.start(port);
  return { host: `127.0.0.1:${port}`, stop: () => server.stop() };
}
