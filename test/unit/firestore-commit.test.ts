import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeCommitRequest } from '../../scripts/local/commit-wire';
import {
  emulatorFieldClasses,
  fastCommit,
  replaceOnPlainSet,
  type CommitHandler,
} from '../../scripts/local/firestore-commit';
import { packageGrpcServer } from '../../scripts/local/firestore';
import { directChildLookups } from '../../scripts/local/firestore-lookups';
import { emulator } from '../helpers/emulator';
import { encodeClientMessage } from '../helpers/firestore-descriptors';

// Our Commit against the package's, fed the same bytes the official client puts on the wire: the same
// stored documents (field classes included), the same change events, the same response bytes.
directChildLookups(emulator);
const COMMIT = '/google.firestore.v1.Firestore/Commit';
const root = 'projects/p/databases/(default)/documents';
const paths = [`${root}/rooms/r1`, `${root}/rooms/r2`, `${root}/rooms/r1/messages/m1`];

type Outcome = { error: { code?: number } | null; response: Buffer | null };

const packageCommit = (server: InstanceType<typeof emulator.FirestoreServer>) =>
  packageGrpcServer(server).handlers.get(COMMIT)!;

function emulatorUnderTest(fast: boolean) {
  const server = new emulator.FirestoreServer();
  const { state } = server;
  replaceOnPlainSet(state);
  const original = packageCommit(server);
  const events: string[] = [];
  for (const event of ['create-document', 'update-document', 'delete-document'] as const)
    state.emitter.on(event, ({ document }: { document: { getPath(): string } }) =>
      events.push(`${event} ${document.getPath()}`),
    );
  const handler = fast
    ? fastCommit(state, original, emulatorFieldClasses(emulator.FirestoreState, original.deserialize))
    : undefined;
  const commit = (bytes: Buffer) =>
    new Promise<Outcome>((resolve) => {
      const done: Parameters<CommitHandler['func']>[1] = (error, response) =>
        resolve({
          error: error && { code: error.code },
          response: response === null ? null : Buffer.isBuffer(response) ? response : original.serialize(response),
        });
      if (handler) handler({ request: bytes }, done);
      else original.func({ request: original.deserialize(bytes) }, done);
    });
  // toStrictEqual ignores key order; the order fields are stored in is what Listen sends, so it is kept.
  const keyOrder = (fields: Record<string, { type: string; value: unknown }>): unknown[] =>
    Object.entries(fields).map(([k, f]) => [k, f.type === 'map_value' ? keyOrder(f.value as never) : f.type]);
  const stored = () =>
    paths.map((p) => {
      const doc = state.getDocument(p) as unknown as { fields: Record<string, never>; metadata: unknown };
      return { path: p, fields: doc.fields, order: keyOrder(doc.fields), metadata: doc.metadata };
    });
  return { commit, events, stored };
}

const valueArb = fc.letrec<{ value: Record<string, unknown> }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant({ nullValue: 'NULL_VALUE' }),
    fc.boolean().map((b) => ({ booleanValue: b })),
    fc
      .oneof(fc.integer(), fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 0, -1))
      .map((n) => ({ integerValue: n })),
    // Past 2^53 the package refuses the write; so must we (as a decimal string: protobufjs's int64 form).
    fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n).map((n) => ({ integerValue: n.toString() })),
    fc.double().map((d) => ({ doubleValue: d })),
    fc
      .record({ seconds: fc.integer({ min: -62135596800, max: 253402300799 }), nanos: fc.nat(999_999_999) })
      .map((t) => ({ timestampValue: t })),
    fc.string({ unit: 'grapheme', maxLength: 60 }).map((s) => ({ stringValue: s })),
    // Lone surrogates: protobufjs writes bytes that are not UTF-8, which the package refuses.
    fc.string({ unit: 'binary', maxLength: 8 }).map((s) => ({ stringValue: s })),
    fc.uint8Array({ maxLength: 8 }).map((b) => ({ bytesValue: b })),
    fc.constantFrom(...paths).map((r) => ({ referenceValue: r })),
    fc.record({ latitude: fc.double(), longitude: fc.double() }).map((g) => ({ geoPointValue: g })),
    fc.array(tie('value'), { maxLength: 3 }).map((values) => ({ arrayValue: { values } })),
    fc
      .dictionary(fc.constantFrom('a', 'b', 'd.e'), tie('value'), { maxKeys: 3 })
      .map((f) => ({ mapValue: { fields: f } })),
  ),
})).value;

const fieldsArb = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'm', 'd.e', 'é', '1'), valueArb, { maxKeys: 5 });
const name = fc.constantFrom(...paths);
const writeArb = fc.oneof(
  fc.record({ update: fc.record({ name, fields: fieldsArb }) }),
  fc.record({
    update: fc.record({ name, fields: fieldsArb }),
    updateMask: fc.record({ fieldPaths: fc.subarray(['a', 'b', 'm', 'm.a', 'm.b', '`d.e`', '`m`.a', 'zz']) }),
  }),
  fc.record({ delete: name }),
  // Left to the package: update() (a precondition) and a field transform.
  fc.record({ update: fc.record({ name, fields: fieldsArb }), currentDocument: fc.record({ exists: fc.boolean() }) }),
  fc.record({
    update: fc.record({ name, fields: fieldsArb }),
    updateMask: fc.constant({ fieldPaths: [] }),
    updateTransforms: fc.constant([{ fieldPath: 'n', increment: { integerValue: 1 } }]),
  }),
);
const commitsArb = fc.array(fc.array(writeArb, { minLength: 0, maxLength: 4 }), { minLength: 1, maxLength: 5 });

describe('the emulator’s Commit, read by hand', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-26T04:05:06.789Z'));
    // The package prints each write it refuses (unsafe integers, bad UTF-8) before answering with an error.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('stores, announces and answers every sequence of commits exactly as the package does', async () => {
    await fc.assert(
      fc.asyncProperty(commitsArb, async (commits) => {
        const theirs = emulatorUnderTest(false);
        const ours = emulatorUnderTest(true);
        for (const writes of commits) {
          const bytes = encodeClientMessage('CommitRequest', { database: 'projects/p/databases/(default)', writes });
          const expected = await theirs.commit(bytes);
          expect(await ours.commit(bytes)).toEqual(expected);
          vi.advanceTimersByTime(1);
        }
        expect(ours.stored()).toStrictEqual(theirs.stored());
        expect(ours.events).toEqual(theirs.events);
      }),
      { numRuns: 300 },
    );
  });

  it('takes the relay’s writes itself and leaves preconditions, transforms and malformed bytes to the package', () => {
    const C = emulatorFieldClasses(emulator.FirestoreState, packageCommit(new emulator.FirestoreServer()).deserialize);
    const decode = (writes: unknown[]) =>
      decodeCommitRequest(encodeClientMessage('CommitRequest', { database: 'd', writes }), C);
    const update = { name: paths[0], fields: { a: { stringValue: 'x' } } };
    expect(decode([{ update }, { update, updateMask: { fieldPaths: ['a'] } }, { delete: paths[1] }])).toHaveLength(3);
    expect(decode([{ update, currentDocument: { exists: true } }])).toBeUndefined();
    expect(
      decode([{ update, updateTransforms: [{ fieldPath: 'n', increment: { integerValue: 1 } }] }]),
    ).toBeUndefined();
    // What google-protobuf refuses is left to it: a field named __proto__ (it would set the record's
    // prototype), bytes that are not UTF-8, an integer past 2^53, a field running past its message.
    const proto = JSON.parse('{"__proto__": {"stringValue": "x"}}') as Record<string, unknown>;
    expect(decode([{ update: { name: paths[0], fields: proto } }])).toBeUndefined();
    expect(
      decode([{ update: { name: paths[0], fields: { a: { integerValue: '9007199254740993' } } } }]),
    ).toBeUndefined();
    const text = encodeClientMessage('CommitRequest', { database: 'd', writes: [{ update }] });
    const notUtf8 = Buffer.from(text);
    notUtf8[notUtf8.lastIndexOf('x'.charCodeAt(0))] = 0xff;
    expect(decodeCommitRequest(notUtf8, C)).toBeUndefined();
    // CommitRequest{writes: Write(3 bytes short){update: Document{name}}}: the document runs past its write.
    const doc = encodeClientMessage('Document', { name: 'projects/p/databases/d/documents/c/d' });
    const write = Buffer.concat([Buffer.from([0x0a, doc.length]), doc]);
    const short = Buffer.concat([Buffer.from([0x12, write.length - 3]), write]);
    expect(decodeCommitRequest(short, C)).toBeUndefined();
    expect(decodeCommitRequest(Buffer.concat([Buffer.from([0x12, write.length]), write]), C)).toHaveLength(1);
    const whole = encodeClientMessage('CommitRequest', { database: 'd', writes: [{ update }] });
    for (let cut = 1; cut < whole.length; cut++) {
      const decoded = decodeCommitRequest(whole.subarray(0, cut), C);
      expect(decoded === undefined || Array.isArray(decoded)).toBe(true);
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(() => decodeCommitRequest(Buffer.from(bytes), C)).not.toThrow();
      }),
    );
  });
});
