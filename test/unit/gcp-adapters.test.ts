import { describe, expect, it } from 'vitest';
import {
  buildCreateTaskRequest,
  cloudTaskId,
  CloudTasksScheduler,
  type CreateTaskRequest,
} from '../../shared/adapters/gcp/cloud-tasks';
import type { TokenMessage } from 'firebase-admin/messaging';
import { FcmPush } from '../../shared/adapters/gcp/fcm';
import { buildPush } from '../../shared/push/build';
import { PubSubEventBus, type PubSubMessage } from '../../shared/adapters/gcp/pubsub';

const tasksCfg = {
  projectId: 'halo-prod',
  location: 'asia-southeast2',
  queue: 'timers',
  functionUrls: { session: 'https://session-abc-et.a.run.app', workers: 'https://workers-abc-et.a.run.app' },
  serviceAccountEmail: 'tasks-invoker@halo-prod.iam.gserviceaccount.com',
};

describe('Cloud Tasks adapter', () => {
  it('builds the exact createTask request: deterministic name, schedule time, OIDC token for the owning function', () => {
    const runAt = new Date('2026-11-22T10:30:00.250Z');
    const req = buildCreateTaskRequest(tasksCfg, {
      name: 'session-expire:5b1c:v3',
      path: '/tasks/sessions/expire',
      body: { session_id: '5b1c', version: 3 },
      runAt,
    });
    const parent = 'projects/halo-prod/locations/asia-southeast2/queues/timers';
    expect(req).toEqual({
      parent,
      task: {
        name: `${parent}/tasks/${cloudTaskId('session-expire:5b1c:v3')}`,
        scheduleTime: { seconds: Math.floor(runAt.getTime() / 1000), nanos: 250_000_000 },
        httpRequest: {
          httpMethod: 'POST',
          url: 'https://session-abc-et.a.run.app/tasks/sessions/expire',
          headers: { 'Content-Type': 'application/json' },
          body: Buffer.from(JSON.stringify({ session_id: '5b1c', version: 3 })).toString('base64'),
          oidcToken: {
            serviceAccountEmail: tasksCfg.serviceAccountEmail,
            audience: 'https://session-abc-et.a.run.app',
          },
        },
      },
    });
  });

  it('task ids are deterministic, valid and distinct for names that sanitise alike', () => {
    const a = cloudTaskId('x:1');
    expect(a).toBe(cloudTaskId('x:1'));
    expect(a).toMatch(/^[A-Za-z0-9_-]{1,500}$/);
    expect(cloudTaskId('x:1')).not.toBe(cloudTaskId('x_1'));
  });

  it('treats ALREADY_EXISTS as success (the timer is already queued) and rethrows other errors', async () => {
    const sent: CreateTaskRequest[] = [];
    let fail: { code: number } | undefined = { code: 6 };
    const scheduler = new CloudTasksScheduler(tasksCfg, async () => ({
      createTask: async (r) => {
        sent.push(r);
        if (fail) throw fail;
        return {};
      },
    }));
    await scheduler.schedule({ name: 'n', path: '/tasks/outbox/drain', body: {}, runAt: new Date() });
    expect(sent[0]!.task.httpRequest.url).toBe('https://workers-abc-et.a.run.app/tasks/outbox/drain');
    fail = { code: 14 };
    await expect(
      scheduler.schedule({ name: 'n2', path: '/tasks/outbox/drain', body: {}, runAt: new Date() }),
    ).rejects.toEqual({ code: 14 });
  });

  it('refuses a path no function owns', () => {
    expect(() =>
      buildCreateTaskRequest(
        { ...tasksCfg, functionUrls: {} },
        { name: 'n', path: '/tasks/x', body: {}, runAt: new Date() },
      ),
    ).toThrow(/no function URL/);
  });
});

describe('Pub/Sub adapter', () => {
  it('publishes JSON data with attributes to the named topic', async () => {
    const published: Array<{ topic: string; message: PubSubMessage }> = [];
    const bus = new PubSubEventBus('halo-prod', async () => ({
      topic: (topic) => ({
        publishMessage: async (message) => {
          published.push({ topic, message });
          return 'mid-1';
        },
      }),
    }));
    const id = await bus.publish({
      topic: 'pairing-blast',
      data: { request_id: 'r1' },
      attributes: { type: 'chat_request' },
    });
    expect(id).toBe('mid-1');
    expect(published).toHaveLength(1);
    expect(published[0]!.topic).toBe('pairing-blast');
    expect(JSON.parse(published[0]!.message.data.toString())).toEqual({ request_id: 'r1' });
    expect(published[0]!.message.attributes).toEqual({ type: 'chat_request' });
  });
});

describe('FCM adapter', () => {
  it('sends through messaging and reports unregistered tokens instead of throwing', async () => {
    const paired = buildPush('paired', { session_id: 's1', mitra_name: 'Ayu' });
    const sent: TokenMessage[] = [];
    let error: { code: string } | undefined;
    const push = new FcmPush('halo-prod', async () => ({
      send: async (m) => {
        sent.push(m);
        if (error) throw error;
        return 'projects/halo-prod/messages/1';
      },
    }));
    expect(await push.send({ ...paired, userId: 'c_1', token: 't1' })).toEqual({
      ok: true,
      messageId: 'projects/halo-prod/messages/1',
    });
    expect(sent[0]!.token).toBe('t1');
    error = { code: 'messaging/registration-token-not-registered' };
    expect(await push.send({ ...paired, userId: 'c_1', token: 't2' })).toMatchObject({ ok: false, unregistered: true });
    error = { code: 'messaging/internal-error' };
    await expect(push.send({ ...paired, userId: 'c_1', token: 't3' })).rejects.toEqual(error);
  });

  it('sendEach broken mid-call: the messages FCM took count as sent; without sendEach each message stands alone', async () => {
    const withdrawn = buildPush('request_withdrawn', { request_id: 'r1', reason: 'taken' });
    const messages = ['t1', 't2'].map((token) => ({ ...withdrawn, userId: 'm_1', token }));
    const broken = new FcmPush('halo-prod', async () => ({
      send: async () => 'unused',
      sendEach: async () => {
        throw Object.assign(new Error('session closed'), {
          pendingBatchResponse: Promise.resolve({
            responses: [
              { success: true, messageId: 'projects/halo-prod/messages/1' },
              { success: false, error: { code: 'messaging/internal-error', message: 'session closed' } },
            ],
          }),
        });
      },
    }));
    expect(await broken.sendMany(messages)).toEqual([
      { ok: true, messageId: 'projects/halo-prod/messages/1' },
      { ok: false, unregistered: false, error: 'session closed' },
    ]);
    const down = new FcmPush('halo-prod', async () => ({
      send: async () => {
        throw new Error('unavailable');
      },
      sendEach: async () => {
        throw new Error('unavailable');
      },
    }));
    await expect(down.sendMany(messages)).rejects.toThrow('unavailable');
    const noBatch = new FcmPush('halo-prod', async () => ({
      send: async (m) => {
        if (m.token === 't2') throw Object.assign(new Error('internal'), { code: 'messaging/internal-error' });
        return 'projects/halo-prod/messages/2';
      },
    }));
    expect(await noBatch.sendMany(messages)).toEqual([
      { ok: true, messageId: 'projects/halo-prod/messages/2' },
      { ok: false, unregistered: false, error: 'internal' },
    ]);
  });
});
