import { IndexedWatch } from './indexed-watch';
import { FirestoreServer, grpcServerOf, listenMethod, ServerCredentials } from './package';
import { replaceOnPlainSet } from './replace-on-set';

/**
 * The Node Firestore emulator (gRPC) the official client reaches through FIRESTORE_EMULATOR_HOST, with
 * its Listen replaced by an indexed one (indexed-watch.ts) and a plain set replacing the document
 * (replace-on-set.ts). The Listen is swapped on the package's gRPC server before it binds, and it binds to
 * 127.0.0.1 like the rest of the local stack (the package's own start() listens on every interface).
 */
export async function startFirestoreEmulator(port: number): Promise<{ host: string; stop(): void }> {
  const server = new FirestoreServer();
  const grpc = grpcServerOf(server);
  replaceOnPlainSet(server.state);
  const watch = new IndexedWatch(server.state);
  if (!grpc.unregister(listenMethod.path))
    throw new Error(`the emulator package registers no ${listenMethod.path}: see ${import.meta.url}`);
  grpc.register(
    listenMethod.path,
    watch.listen,
    listenMethod.responseSerialize,
    listenMethod.requestDeserialize,
    'bidi',
  );
  const address = `127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) =>
    grpc.bindAsync(address, ServerCredentials.createInsecure(), (err) => (err ? reject(err) : resolve())),
  );
  return { host: address, stop: () => server.stop() };
}
