import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { buildAsyncApi, type AsyncApiChannel, type AsyncApiDoc, type JsonSchema } from '../../scripts/docs/asyncapi';
import type { Push, PushMessage } from '../../shared/ports/push';
import type { Realtime, RealtimeDoc, RealtimeWrite } from '../../shared/ports/realtime';
import { matchAddress } from '../../shared/realtime';

/** What one test file's stacks wrote and sent, per AsyncAPI channel, and what did not match. */
export interface PublishedCounts {
  documents: Record<string, number>;
  pushes: Record<string, number>;
}

declare module 'vitest' {
  interface TaskMeta {
    published?: PublishedCounts;
  }
}

/** One ledger per test file (vitest gives each file its own module graph); test/setup/published.ts reads it. */
export const ledger = { counts: { documents: {}, pushes: {} } as PublishedCounts, violations: [] as string[] };

const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);
const hint = (v: unknown) => JSON.stringify(v)?.slice(0, 400);

/** A merge may write any subset of the top-level fields; what the listener then holds is checked whole. */
function withoutRequired(schema: JsonSchema): JsonSchema {
  const { required: _all, ...rest } = schema;
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(rest[key])) rest[key] = (rest[key] as JsonSchema[]).map(withoutRequired);
  }
  return rest;
}

interface DocumentChannel {
  name: string;
  address: string;
  values: Record<string, string[] | undefined>;
  merged: boolean;
  whole: ValidateFunction;
  part: ValidateFunction;
}

/**
 * docs/asyncapi.yaml as the tests hold the backend to it: every document written through the Realtime
 * port and every push handed to FCM must belong to a published channel and match its schema (the JSON
 * Schema in the generated document, not the zod it came from), as every HTTP answer must match the
 * OpenAPI document.
 */
export class PublishedContract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly documents: DocumentChannel[] = [];
  private readonly pushes = new Map<string, { name: string; kind: unknown; validate: ValidateFunction }>();

  constructor(doc: AsyncApiDoc) {
    (addFormats as unknown as (a: Ajv) => void)(this.ajv);
    for (const [name, channel] of Object.entries(doc.channels)) {
      const schema = payloadOf(doc, channel);
      if (channel['x-push-type']) {
        const validate = this.ajv.compile(schema);
        this.pushes.set(channel['x-push-type'], { name, kind: channel['x-kind'], validate });
      } else if (channel.address) {
        this.documents.push({
          name,
          address: channel.address,
          values: Object.fromEntries(Object.entries(channel.parameters ?? {}).map(([k, p]) => [k, p.enum])),
          merged: channel['x-writes'] === 'merged',
          whole: this.ajv.compile(schema),
          part: this.ajv.compile(withoutRequired(schema)),
        });
      }
    }
  }

  private channelOf(path: string): DocumentChannel | undefined {
    return this.documents.find((c) => {
      const ids = matchAddress(c.address, path);
      return ids && Object.entries(ids).every(([k, v]) => !c.values[k] || c.values[k]!.includes(v));
    });
  }

  private fail(message: string) {
    ledger.violations.push(message);
  }

  /** Checks one write before it goes out; returns the channel when the written document must be read back. */
  write(w: RealtimeWrite): DocumentChannel | undefined {
    const channel = this.channelOf(w.path);
    if (!channel) {
      this.fail(`${w.op} ${w.path}: no published document has this path (docs/asyncapi.yaml)`);
      return undefined;
    }
    bump(ledger.counts.documents, channel.name);
    if (w.op === 'delete') return undefined;
    if (w.merge && !channel.merged) this.fail(`${w.path}: ${channel.name} is written whole, not merged`);
    const validate = w.merge ? channel.part : channel.whole;
    if (!validate(w.data))
      this.fail(`${w.path}: does not match ${channel.name}: ${this.errors(validate)}; got ${hint(w.data)}`);
    return w.merge ? channel : undefined;
  }

  /** What a listener holds after a merge. */
  readBack(path: string, channel: DocumentChannel, doc: RealtimeDoc | null) {
    if (doc && !channel.whole(doc)) {
      this.fail(
        `${path}: after the merge, not a whole ${channel.name}: ${this.errors(channel.whole)}; holds ${hint(doc)}`,
      );
    }
  }

  push(m: PushMessage) {
    const type = m.data.type ?? '';
    const channel = this.pushes.get(type);
    if (!channel) return this.fail(`push ${type}: no published push type (docs/asyncapi.yaml)`);
    bump(ledger.counts.pushes, channel.name);
    const payload = { data: m.data, ...(m.notification ? { notification: m.notification } : {}) };
    if (m.type !== type) this.fail(`push ${type}: its type says ${m.type}`);
    if (m.kind !== channel.kind) this.fail(`push ${type}: sent as ${m.kind}, published as ${String(channel.kind)}`);
    if (!channel.validate(payload)) {
      this.fail(`push ${type}: does not match ${channel.name}: ${this.errors(channel.validate)}; got ${hint(payload)}`);
    }
  }

  private errors(v: ValidateFunction) {
    return this.ajv.errorsText(v.errors);
  }
}

function payloadOf(doc: AsyncApiDoc, channel: AsyncApiChannel): JsonSchema {
  const [message] = Object.values(channel.messages as Record<string, { $ref: string }>);
  const name = message!.$ref.split('/').pop()!;
  const payload = (doc.components.messages[name] as { payload: { $ref: string } }).payload;
  return doc.components.schemas[payload.$ref.split('/').pop()!]!;
}

let contract: Promise<PublishedContract> | undefined;
/** Built once per test file, from the same generator `npm run openapi` writes docs/asyncapi.yaml with. */
export const publishedContract = () => (contract ??= buildAsyncApi().then((doc) => new PublishedContract(doc)));

/**
 * The Realtime port with every write checked and, after a merge, the document read back and checked.
 * A read-back that fails is no violation and never fails the delivery (the relay would write again).
 * `quiesce()` stops new read-backs and waits for those under way: the stack calls it before it closes
 * the Firestore client, since a read started on a terminated client rejects inside the client library.
 */
export function checkedRealtime(inner: Realtime, contract: PublishedContract): Realtime & { quiesce(): Promise<void> } {
  let closing = false;
  const reading = new Set<Promise<void>>();
  const readBack = (path: string, channel: DocumentChannel) => {
    if (closing) return;
    const read = inner
      .get(path)
      .then(
        (doc) => contract.readBack(path, channel, doc),
        () => undefined,
      )
      .finally(() => reading.delete(read));
    reading.add(read);
    return read;
  };
  const checked: Realtime & { quiesce(): Promise<void> } = {
    async set(path, data, options = {}) {
      const channel = contract.write({ op: 'set', path, data, merge: options.merge ?? false });
      await inner.set(path, data, options);
      if (channel) await readBack(path, channel);
    },
    async delete(path) {
      contract.write({ op: 'delete', path });
      await inner.delete(path);
    },
    get: (path) => inner.get(path),
    list: (path) => inner.list(path),
    async quiesce() {
      closing = true;
      await Promise.all([...reading]);
    },
  };
  if (inner.writeBatch) {
    checked.writeBatch = async (writes) => {
      const merged = writes.map((w) => ({ w, channel: contract.write(w) }));
      await inner.writeBatch!(writes);
      await Promise.all(merged.map(({ w, channel }) => channel && readBack(w.path, channel)));
    };
  }
  return checked;
}

/** The push port with every message checked before it is sent. */
export function checkedPush(inner: Push, contract: PublishedContract): Push {
  const checked: Push = {
    send(message) {
      contract.push(message);
      return inner.send(message);
    },
  };
  if (inner.sendMany) {
    checked.sendMany = (messages) => {
      for (const m of messages) contract.push(m);
      return inner.sendMany!(messages);
    };
  }
  return checked;
}
