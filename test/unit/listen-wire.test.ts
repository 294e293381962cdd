import { describe, expect, it } from 'vitest';
import {
  documentChange,
  documentRemove,
  encodeDocument,
  targetChange,
  type StoredField,
} from '../../scripts/local/listen-wire';
import { emulator, emulatorProto } from '../helpers/emulator';
import { decodeListenResponse } from '../helpers/firestore-descriptors';

// Our bytes against the emulator's generated classes (what the watch sent before), both decoded with the
// official client's descriptors: the same message, field for field.
const { FirestoreState } = emulator;
const proto = emulatorProto;
interface Message {
  serialize(): Uint8Array;
}
const { ListenResponse } = proto('firestore/v1/firestore') as {
  ListenResponse: { new (d: unknown): Message; fromObject(d: unknown): Message };
};
const { DocumentChange } = proto('firestore/v1/write') as { DocumentChange: new (d: unknown) => Message };
const { Write } = proto('firestore/v1/write') as { Write: { fromObject(d: unknown): never } };

const name = 'projects/p/databases/(default)/documents/sessions/s1';
const every = {
  text: { string_value: 'héllo \u0000 ☕ 𝄞' },
  empty: { string_value: '' },
  // Either side of the longest string whose length is written before it is measured (42 × 3 bytes).
  wide: { string_value: 'あ'.repeat(42) },
  wider: { string_value: 'あ'.repeat(43) },
  long: { string_value: 'x'.repeat(70_000) },
  nothing: { null_value: 0 },
  yes: { boolean_value: true },
  no: { boolean_value: false },
  zero: { integer_value: 0 },
  big: { integer_value: Number.MAX_SAFE_INTEGER },
  negative: { integer_value: -42 },
  veryNegative: { integer_value: -Number.MAX_SAFE_INTEGER },
  half: { double_value: 0.5 },
  minusZero: { double_value: -0 },
  tiny: { double_value: 5e-324 },
  at: { timestamp_value: { seconds: 1_790_000_000, nanos: 123_456_789 } },
  epoch: { timestamp_value: { seconds: 0, nanos: 0 } },
  raw: { bytes_value: new Uint8Array([0, 1, 254, 255]) },
  ref: { reference_value: 'projects/p/databases/(default)/documents/a/b' },
  place: { geo_point_value: { latitude: -6.2, longitude: 106.8 } },
  origin: { geo_point_value: { latitude: 0, longitude: 0 } },
  list: { array_value: { values: [{ integer_value: 1 }, { array_value: { values: [] } }, { string_value: 'x' }] } },
  noList: { array_value: { values: [] } },
  nested: {
    map_value: { fields: { a: { map_value: { fields: { b: { boolean_value: true } } } }, c: { null_value: 0 } } },
  },
  noMap: { map_value: { fields: {} } },
};

describe('ListenResponse bytes', () => {
  it('a document change with every kind of value decodes as the generated classes encode it', () => {
    const state = new FirestoreState();
    state.writeV1Document(new Date(1_790_000_000_123), Write.fromObject({ update: { name, fields: every } }));
    const doc = state.getDocument(name);
    const theirs = new ListenResponse({
      document_change: new DocumentChange({ document: doc.toV1Document(), target_ids: [7, 300] }),
    }).serialize();
    const created = doc.metadata.createdAt!;
    const updated = doc.metadata.updatedAt!;
    const ours = documentChange(
      encodeDocument({
        name,
        fields: (doc as unknown as { fields: Record<string, StoredField> }).fields,
        createTime: { seconds: Math.floor(created.getTime() / 1000), nanos: created.getMilliseconds() * 1e6 },
        updateTime: { seconds: Math.floor(updated.getTime() / 1000), nanos: updated.getMilliseconds() * 1e6 },
      }),
      [7, 300],
    );
    const decoded = decodeListenResponse(ours);
    expect(decoded).toEqual(decodeListenResponse(theirs));
    expect(Object.keys(decoded.documentChange!.document!.fields!).sort()).toEqual(Object.keys(every).sort());
  });

  it('target changes (with a read time, with a cause) and a document removal decode as the generated classes encode them', () => {
    const readTime = { seconds: 1_790_000_000, nanos: 5 };
    const cases: Array<[Uint8Array, unknown]> = [
      [
        targetChange(0, [], readTime),
        { target_change: { target_change_type: 0, target_ids: [], read_time: readTime } },
      ],
      [targetChange(2, [1]), { target_change: { target_change_type: 2, target_ids: [1] } }],
      [
        targetChange(2, [9], undefined, { code: 3, message: 'no index: ☕' }),
        { target_change: { target_change_type: 2, target_ids: [9], cause: { code: 3, message: 'no index: ☕' } } },
      ],
      [documentRemove(name, [4, 5]), { document_remove: { document: name, removed_target_ids: [4, 5] } }],
    ];
    for (const [ours, object] of cases) {
      expect(decodeListenResponse(ours)).toEqual(decodeListenResponse(ListenResponse.fromObject(object).serialize()));
    }
  });
});
