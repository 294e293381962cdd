import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import protobuf from 'protobufjs';

// The official client's own protobuf descriptors: what it encodes its requests and decodes responses with.
const requireHere = createRequire(import.meta.url);
// The package's exports hide its descriptors: read them beside its entry (build/src/index.js).
const descriptors = path.join(path.dirname(requireHere.resolve('@google-cloud/firestore')), '../protos/v1.json');
const root = protobuf.Root.fromJSON(JSON.parse(readFileSync(descriptors, 'utf8')) as protobuf.INamespace);
const ListenResponse = root.lookupType('google.firestore.v1.ListenResponse');

type Timestamp = { seconds?: number; nanos?: number };
export interface DecodedListenResponse {
  targetChange?: {
    targetChangeType?: number;
    targetIds?: number[];
    cause?: { code?: number; message?: string };
    readTime?: Timestamp;
  };
  documentChange?: {
    document?: { name?: string; fields?: Record<string, unknown>; createTime?: Timestamp; updateTime?: Timestamp };
    targetIds?: number[];
  };
  documentRemove?: { document?: string; removedTargetIds?: number[] };
}

export function decodeListenResponse(bytes: Uint8Array): DecodedListenResponse {
  return ListenResponse.toObject(ListenResponse.decode(bytes), {
    longs: Number,
    enums: Number,
    bytes: String, // base64: one representation whatever buffer type the bytes came in
  }) as DecodedListenResponse;
}

/** A request as the official client puts it on the wire, from its message in the client's field names. */
export function encodeClientMessage(type: string, message: Record<string, unknown>): Buffer {
  const t = root.lookupType(`google.firestore.v1.${type}`);
  return Buffer.from(t.encode(t.fromObject(message)).finish());
}
