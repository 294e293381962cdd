import { createRequire } from 'node:module';
import type {
  FirestoreServer as FirestoreServerType,
  FirestoreState as FirestoreStateType,
} from '@firestore-emulator/server';
import type { EmulatorStateClasses } from '../../scripts/local/firestore-lookups';

// The Node Firestore emulator's internals, for unit tests of what scripts/local builds on them (its CJS
// build: the ESM one imports paths plain Node cannot resolve).
const requireHere = createRequire(import.meta.url);

export const emulator = requireHere('@firestore-emulator/server') as EmulatorStateClasses & {
  FirestoreState: typeof FirestoreStateType;
  FirestoreServer: typeof FirestoreServerType;
};

const fromEmulator = createRequire(requireHere.resolve('@firestore-emulator/server'));
/** One of its generated protobuf modules, e.g. `firestore/v1/write`. */
export const emulatorProto = (name: string) => fromEmulator(`@firestore-emulator/proto/dist/google/${name}`) as unknown;
