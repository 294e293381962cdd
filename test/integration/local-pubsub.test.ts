import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { LocalEventBus } from '../../shared/adapters/local/event-bus';
import type { PushEnvelope } from '../../shared/ports/event-bus';
import { useTestStack } from '../helpers/runtime';

const stack = useTestStack();

describe('local Pub/Sub stand-in', () => {
  it('redelivers a push the endpoint answered with 500 until it answers 2xx, in the push envelope format', async () => {
    const s = stack();
    const received: Array<{ envelope: PushEnvelope; auth: string | undefined }> = [];
    let failuresLeft = 2;
    const endpoint = new Hono().post('/events/test/push', async (c) => {
      received.push({ envelope: (await c.req.json()) as PushEnvelope, auth: c.req.header('authorization') });
      return failuresLeft-- > 0 ? c.text('boom', 500) : c.body(null, 204);
    });
    const rt = s.rt;
    const dispatcher = rt.local!.attachDispatcher(
      async ({ path, headers, body }) => (await endpoint.request(path, { method: 'POST', headers, body })).status,
    );
    const bus = new LocalEventBus(
      rt.db,
      rt.clock,
      [{ name: 'test-push', topic: 'test-topic', path: '/events/test/push' }],
      'demo',
    );

    const messageId = await bus.publish({ topic: 'test-topic', data: { hello: 'world' }, attributes: { kind: 't' } });
    await dispatcher.runDue();
    expect(received).toHaveLength(1);
    await rt.local!.advanceClock(1);
    expect(received).toHaveLength(2);
    await rt.local!.advanceClock(2);
    expect(received).toHaveLength(3);
    await rt.local!.advanceClock(600);
    expect(received).toHaveLength(3);

    const { envelope, auth } = received[2]!;
    expect(auth).toMatch(/^Bearer /);
    expect(envelope.subscription).toBe('projects/demo/subscriptions/test-push');
    expect(envelope.message.messageId).toBe(messageId);
    expect(envelope.message.attributes).toEqual({ kind: 't' });
    expect(JSON.parse(Buffer.from(envelope.message.data, 'base64').toString())).toEqual({ hello: 'world' });
    expect(new Set(received.map((r) => r.envelope.message.messageId)).size).toBe(1);
  });

  it('a topic without subscriptions drops the message (as Pub/Sub does)', async () => {
    const s = stack();
    const bus = new LocalEventBus(s.rt.db, s.rt.clock, [], 'demo');
    await bus.publish({ topic: 'nobody', data: {} });
    expect((await s.rt.db.query('SELECT count(*)::int n FROM local_deliveries')).rows[0].n).toBe(0);
  });
});
