import { createRequire } from 'node:module';
import type {
  FirestoreServer as FirestoreServerType,
  FirestoreState as FirestoreStateType,
  FirestoreStateDocument,
} from '@firestore-emulator/server';

/*
 * Every reach into @firestore-emulator/server (pinned: 0.3.15) and its own dependencies is in this file;
 * README.md beside it lists each one and the test that re-verifies it on an upgrade.
 */

// The package's ESM build imports extensionless paths that plain Node cannot resolve; its CJS build works.
const requireHere = createRequire(import.meta.url);
const emulator = requireHere('@firestore-emulator/server') as {
  FirestoreServer: typeof FirestoreServerType;
  FirestoreState: typeof FirestoreStateType;
};
export const { FirestoreServer, FirestoreState } = emulator;
export type FirestoreState = FirestoreStateType;
export type { FirestoreStateDocument };

// Its own dependencies, as it resolves them: the gRPC library its server is built on (credentials must
// come from the same copy) and its generated Firestore messages.
const requireFromEmulator = createRequire(requireHere.resolve('@firestore-emulator/server'));
export const { ServerCredentials } = requireFromEmulator('@grpc/grpc-js') as {
  ServerCredentials: { createInsecure(): unknown };
};

/** A generated google-protobuf message, as the package's gRPC definitions serialise it. */
export interface Message {
  serialize(): Uint8Array;
  toObject(): Record<string, unknown>;
}

const firestoreProto = requireFromEmulator('@firestore-emulator/proto/dist/google/firestore/v1/firestore') as {
  UnimplementedFirestoreService: { definition: { Listen: MethodDefinition } };
  ListenRequest: { fromObject(data: unknown): unknown };
  ListenResponse: { fromObject(data: unknown): Message };
};
export const { ListenRequest, ListenResponse } = firestoreProto;
export const listenMethod = firestoreProto.UnimplementedFirestoreService.definition.Listen;

interface MethodDefinition {
  path: string;
  requestDeserialize: (bytes: Buffer) => unknown;
  responseSerialize: (message: Message) => Buffer;
}

export interface GrpcServer {
  unregister(name: string): boolean;
  register(
    name: string,
    handler: (call: never) => void,
    serialize: (message: Message) => Buffer,
    deserialize: (bytes: Buffer) => unknown,
    type: 'bidi',
  ): boolean;
  bindAsync(address: string, credentials: unknown, done: (err: Error | null) => void): void;
}

/** The gRPC server FirestoreServer keeps in a private field: its Listen is swapped there before it binds. */
export function grpcServerOf(server: FirestoreServerType): GrpcServer {
  const grpc = (server as unknown as { server?: Partial<GrpcServer> }).server;
  if (
    typeof grpc?.unregister !== 'function' ||
    typeof grpc.register !== 'function' ||
    typeof grpc.bindAsync !== 'function'
  ) {
    throw new Error(`@firestore-emulator/server no longer keeps its gRPC server in \`server\`: see ${import.meta.url}`);
  }
  return grpc as GrpcServer;
}

/** Empties a stored document's fields (a private field of FirestoreStateDocument), keeping its metadata. */
export function clearFields(doc: FirestoreStateDocument): void {
  const held = doc as unknown as { fields?: unknown };
  if (typeof held.fields !== 'object' || held.fields === null)
    throw new Error(
      `@firestore-emulator/server no longer keeps a document's fields in \`fields\`: see ${import.meta.url}`,
    );
  held.fields = {};
}
