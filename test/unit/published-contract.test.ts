import { afterEach, describe, expect, it } from 'vitest';
import { buildPush } from '../../shared/push';
import type { PushMessage } from '../../shared/ports/push';
import type { Realtime, RealtimeDoc } from '../../shared/ports/realtime';
import { checkedPush, checkedRealtime, ledger, publishedContract } from '../helpers/published';

// The checker every test stack runs its writes and pushes through: what it lets pass and what it fails.
// Each case takes its own findings out of the file's ledger, so the per-test hook sees none of them.
const findings = () => ledger.violations.splice(0);
afterEach(() => expect(ledger.violations).toEqual([]));

/** A Realtime that keeps documents in a map, merging like Firestore does at the top level. */
function memoryRealtime(): Realtime {
  const docs = new Map<string, RealtimeDoc>();
  return {
    async set(path, data, options = {}) {
      docs.set(path, options.merge ? { ...(docs.get(path) ?? {}), ...data } : data);
    },
    async delete(path) {
      docs.delete(path);
    },
    get: async (path) => docs.get(path) ?? null,
    list: async () => [],
  };
}

const now = '2026-12-07T04:00:00.000Z';
const typing = { is_typing: true, at: now, expires_at: '2026-12-07T04:00:05.000Z' };
const pushTo = (content: ReturnType<typeof buildPush>): PushMessage => ({ ...content, userId: 'u1', token: 't1' });

describe('the published-contract checker of the test stack', () => {
  it('passes a published document written as published, and counts it under its channel', async () => {
    const rt = checkedRealtime(memoryRealtime(), await publishedContract());
    const before = ledger.counts.documents.TypingDoc ?? 0;
    await rt.set('sessions/s1/typing/customer', typing);
    expect(findings()).toEqual([]);
    expect(ledger.counts.documents.TypingDoc).toBe(before + 1);
  });

  it('fails a path no channel publishes, and an id outside a parameter’s values', async () => {
    const rt = checkedRealtime(memoryRealtime(), await publishedContract());
    await rt.set('elsewhere/x', { a: 1 });
    await rt.set('sessions/s1/typing/admin', typing);
    await rt.delete('elsewhere/y');
    expect(findings()).toEqual([
      'set elsewhere/x: no published document has this path (docs/asyncapi.yaml)',
      'set sessions/s1/typing/admin: no published document has this path (docs/asyncapi.yaml)',
      'delete elsewhere/y: no published document has this path (docs/asyncapi.yaml)',
    ]);
  });

  it('fails a document that does not match its schema: a field too many, one missing, a wrong type', async () => {
    const rt = checkedRealtime(memoryRealtime(), await publishedContract());
    await rt.set('sessions/s1/typing/mitra', { ...typing, text: 'halo' });
    await rt.set('sessions/s1/typing/mitra', { is_typing: true, at: now });
    await rt.set('sessions/s1/typing/mitra', { ...typing, is_typing: 'yes' });
    const found = findings();
    expect(found).toHaveLength(3);
    for (const f of found) expect(f).toMatch(/^sessions\/s1\/typing\/mitra: does not match TypingDoc: /);
  });

  it('fails a merge into a document published as written whole', async () => {
    const rt = checkedRealtime(memoryRealtime(), await publishedContract());
    await rt.set('sessions/s1/typing/mitra', { is_typing: false }, { merge: true });
    // Then what the listener holds is checked too, and here it lacks the rest of the document.
    expect(findings()).toEqual([
      'sessions/s1/typing/mitra: TypingDoc is written whole, not merged',
      expect.stringMatching(/^sessions\/s1\/typing\/mitra: after the merge, not a whole TypingDoc: /),
    ]);
  });

  it('lets a merge set some fields, then holds what a listener reads back to the whole schema', async () => {
    const rt = checkedRealtime(memoryRealtime(), await publishedContract());
    const counters = {
      last_seq: 3,
      unread: { customer: 0, mitra: 1 },
      receipts: { customer: { delivered_seq: 3, read_seq: 2 }, mitra: { delivered_seq: 1, read_seq: 1 } },
    };
    // Only the counters, onto no session doc: the part matches, the document read back is no SessionDoc.
    await rt.set('sessions/s1', counters, { merge: true });
    const found = findings();
    expect(found.filter((f) => f.includes('does not match'))).toEqual([]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^sessions\/s1: after the merge, not a whole SessionDoc: /);
    await rt.quiesce();
  });

  it('passes a push built by the catalogue and fails one of an unpublished type or the wrong kind', async () => {
    const sent: PushMessage[] = [];
    const push = checkedPush(
      { send: async (m) => (sent.push(m), { ok: true, messageId: 'm' }) },
      await publishedContract(),
    );
    const withdrawn = pushTo(buildPush('request_withdrawn', { request_id: 'r1', reason: 'taken' }));
    await push.send(withdrawn);
    expect(findings()).toEqual([]);
    await push.send({ ...withdrawn, type: 'surprise', data: { ...withdrawn.data, type: 'surprise' } });
    await push.send({ ...withdrawn, kind: 'alert', notification: { title: 'Hai', body: 'Halo' } });
    await push.send({ ...withdrawn, data: { ...withdrawn.data, extra: 'x' } });
    const found = findings();
    expect(found[0]).toBe('push surprise: no published push type (docs/asyncapi.yaml)');
    expect(found).toContain('push request_withdrawn: sent as alert, published as background');
    expect(
      found.filter((f) => f.startsWith('push request_withdrawn: does not match PushRequestWithdrawn')),
    ).toHaveLength(2);
    // The checker only watches: every message still goes out.
    expect(sent).toHaveLength(4);
  });
});
