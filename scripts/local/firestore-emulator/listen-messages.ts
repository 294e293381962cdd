import { ListenResponse, type FirestoreState, type FirestoreStateDocument } from './package';

/*
 * The Listen messages the watch reads and writes, in the package's generated classes (field names from
 * google/firestore/v1/firestore.proto): the gRPC server decodes requests and encodes responses with them.
 */

type Query = Parameters<FirestoreState['v1Query']>[1];
export type DocumentObject = ReturnType<FirestoreStateDocument['toV1DocumentObject']>;
export type Timestamp = { seconds: number; nanos: number };

/** The generated ListenRequest's getters the watch reads. */
export interface ListenTarget {
  target_id: number;
  has_query: boolean;
  query: { parent: string; structured_query: Query };
  has_documents: boolean;
  documents: { documents: string[] };
}

export interface ListenRequest {
  has_add_target: boolean;
  add_target: ListenTarget;
  has_remove_target: boolean;
  remove_target: number;
}

// TargetChange.TargetChangeType, and google.rpc.Code's INVALID_ARGUMENT.
export const NO_CHANGE = 0;
export const ADD = 1;
export const REMOVE = 2;
export const CURRENT = 3;
export const RESET = 4;
export const INVALID_ARGUMENT = 3;

export function targetChange(
  type: number,
  ids: number[],
  readTime?: Timestamp,
  cause?: { code: number; message: string },
) {
  return ListenResponse.fromObject({
    target_change: { target_change_type: type, target_ids: ids, read_time: readTime, cause },
  });
}

export const documentChange = (document: DocumentObject, targetId: number) =>
  ListenResponse.fromObject({ document_change: { document, target_ids: [targetId] } });

export const documentRemove = (path: string, targetId: number) =>
  ListenResponse.fromObject({ document_remove: { document: path, removed_target_ids: [targetId] } });

/** Milliseconds as a protobuf Timestamp, plus a sequence below the millisecond (capped within it). */
export function timestamp(ms: number, sub = 0): Timestamp {
  return { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 + Math.min(sub, 999_999) };
}

export const now = () => timestamp(Date.now());
