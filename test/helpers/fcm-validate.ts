import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * firebase-admin's own check of a Message, the one `send`/`sendEach` run before any request
 * (lib/messaging/messaging-internal.js). The package's exports hide the file, so it is loaded by path
 * next to the exported messaging entry. It renames fields in place to the FCM v1 wire names, so it
 * runs on a copy and returns that copy: what the SDK would put on the wire.
 */
const require = createRequire(import.meta.url);
const internal = require(join(dirname(require.resolve('firebase-admin/messaging')), 'messaging-internal.js')) as {
  validateMessage(message: unknown): void;
};

export function validateWithFirebaseAdmin<T>(message: T): Record<string, unknown> {
  const copy = structuredClone(message) as Record<string, unknown>;
  internal.validateMessage(copy);
  return copy;
}
