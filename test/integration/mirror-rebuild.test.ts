import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../shared/env';
import { createLogger } from '../../shared/logger';
import { rebuildMirror } from '../../shared/mirror/rebuild';
import { createLocalRuntime } from '../../scripts/local/runtime';
import { json } from '../helpers/http';
import { chatRequest, customerWithDevice, onlineMitra, settle } from '../helpers/pairing';
import { testEnv, useTestStack } from '../helpers/runtime';
import { activeFreeTrialSession, send } from '../helpers/sessions';

const stack = useTestStack();

/** Every document under these paths, from one Firestore project. */
async function snapshot(
  rt: {
    realtime: { get(p: string): Promise<unknown>; list(p: string): Promise<Array<{ id: string; data: unknown }>> };
  },
  paths: { docs: string[]; collections: string[] },
) {
  const out: Record<string, unknown> = {};
  for (const p of paths.docs) out[p] = await rt.realtime.get(p);
  for (const c of paths.collections) for (const d of await rt.realtime.list(c)) out[`${c}/${d.id}`] = d.data;
  return out;
}

// Drops the fields that record when a write happened rather than what the state is.
const stable = (docs: Record<string, unknown>) =>
  JSON.parse(JSON.stringify(docs, (k, v) => (k === 'updated_at' || k === 'typing' ? undefined : v)));

describe('mirror rebuild', () => {
  it('rewrites, from Postgres alone, the same documents the live path wrote: session, messages, offers, pairing, config', async () => {
    const s = stack();
    const session = await activeFreeTrialSession(s);
    for (let i = 0; i < 3; i++) {
      expect((await send(s, session.customer, session.sessionId, `halo ${i}`)).status).toBe(201);
      expect((await send(s, session.mitra, session.sessionId, `hai ${i}`)).status).toBe(201);
    }
    const m = await onlineMitra(s);
    const c = await customerWithDevice(s);
    const req = await json(chatRequest(s, c.token));
    await s.rt.local!.advanceClock(2);
    await settle(s);

    const paths = {
      docs: [
        'config/public',
        `sessions/${session.sessionId}`,
        `mitras/${session.mitra.id}/sessions/${session.sessionId}`,
        `customers/${session.customer.id}/pairing/current`,
        `customers/${c.id}/pairing/current`,
        `mitras/${m.id}/offers/${req.request_id}`,
      ],
      collections: [`sessions/${session.sessionId}/messages`],
    };
    const live = await snapshot(s.rt, paths);
    expect(
      Object.entries(live)
        .filter(([, d]) => d === null)
        .map(([k]) => k),
    ).toEqual([]);
    expect(Object.keys(live).filter((k) => k.includes('/messages/'))).toHaveLength(6);

    // A second runtime over the same database, with an empty Firestore project: the mirror after a disaster.
    const fresh = await createLocalRuntime(
      parseEnv(
        testEnv({
          DATABASE_URL: s.rt.env.DATABASE_URL!,
          FIREBASE_PROJECT_ID: `rebuild-${randomBytes(4).toString('hex')}`,
        }),
        [],
      ),
      { logger: createLogger('silent') },
    );
    try {
      expect(await fresh.realtime.get(`sessions/${session.sessionId}`)).toBeNull();
      const counts = await rebuildMirror(fresh);
      expect(counts).toMatchObject({ sessions: 1, messages: 6, offers: 1 });
      await fresh.relay.drainAll();
      const rebuilt = await snapshot(fresh, paths);
      expect(stable(rebuilt)).toEqual(stable(live));

      // Idempotent: a second run writes the same documents again.
      await rebuildMirror(fresh);
      await fresh.relay.drainAll();
      expect(stable(await snapshot(fresh, paths))).toEqual(stable(live));
    } finally {
      await fresh.close();
    }
  });
});
