import { json } from '../helpers/http';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { FUNCTION_NAMES } from '../../shared/path-table';
import { expectOfflineDocs } from '../helpers/docs-page';
import { spawnStack, stackPorts, tempDataDir, type SpawnedStack } from '../helpers/spawn-stack';

const dataDir = tempDataDir();
let stack: SpawnedStack | undefined;
afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (base: string, path: string, body: unknown) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('npm start (the whole local stack in its own process)', () => {
  it('answers /healthz for every function and dependency, serves merged OpenAPI and /docs, and a 30-min timer runs exactly once across a restart', async () => {
    const ports = await stackPorts();
    const t0 = Date.now();
    stack = await spawnStack(dataDir, ports);
    const startupMs = Date.now() - t0;
    expect(startupMs).toBeLessThan(60_000);

    const health = await json(fetch(`${stack.baseUrl}/healthz`));
    expect(health.status).toBe('ok');
    expect(Object.keys(health.functions).sort()).toEqual([...FUNCTION_NAMES].sort());
    expect(Object.values(health.functions).every((s) => s === 'ok')).toBe(true);
    expect(health.dependencies).toEqual({ postgres: 'ok', firestore: 'ok' });
    expect(stack.output()).toContain(stack.baseUrl);
    expect(stack.output()).toMatch(/Firestore emulator\s+127\.0\.0\.1:\d+/);
    expect(stack.output()).toMatch(new RegExp(`Xendit\\s+http://127\\.0\\.0\\.1:${ports.xenditPort}`));
    const xendit = await fetch(`http://127.0.0.1:${ports.xenditPort}/v2/invoices`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('xnd_development_local_fake:').toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ external_id: 'session:e2e', amount: 25000, description: 'e2e' }),
    });
    expect(xendit.status).toBe(200);
    expect((await json(xendit)).invoice_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/web\/invoices\/inv_/);

    const doc = await json(fetch(`${stack.baseUrl}/openapi.json`));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/internal/_test/clock');
    await expectOfflineDocs(stack.baseUrl, (url) => fetch(url));
    expect((await fetch(`${stack.baseUrl}/asyncapi.yaml`)).status).toBe(200);

    const unknown = await fetch(`${stack.baseUrl}/api/nope`);
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).error.code).toBe('NOT_FOUND');
    expect((await post(stack.baseUrl, '/tasks/_probe', { probe_id: 'x' })).status).toBe(401);

    const { probe_id } = await json(post(stack.baseUrl, '/internal/_test/probe', { delay_seconds: 30 * 60 }));
    await new Promise((r) => setTimeout(r, 1000)); // let the outbox relay hand it to the scheduler

    expect(await stack.stop()).toBe(0);
    stack = await spawnStack(dataDir, ports);

    const early = await json(post(stack.baseUrl, '/internal/_test/clock', { advance_seconds: 60 }));
    expect(early.tasks_run).toBe(0);
    const advanced = await json(post(stack.baseUrl, '/internal/_test/clock', { advance_seconds: 30 * 60 }));
    expect(advanced.tasks_run).toBe(1);
    expect(await json(fetch(`${stack.baseUrl}/internal/_test/probe/${probe_id}`))).toEqual({ runs: 1 });
    await post(stack.baseUrl, '/internal/_test/clock', { advance_seconds: 3600 });
    expect(await json(fetch(`${stack.baseUrl}/internal/_test/probe/${probe_id}`))).toEqual({ runs: 1 });
  }, 180_000);
});
