import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { readLock } from '../../scripts/local/data-dir-lock';
import { json } from '../helpers/http';
import {
  processesOf,
  spawnStack,
  spawnStackExpectingFailure,
  stackPorts,
  tempDataDir,
  waitUntil,
  type SpawnedStack,
} from '../helpers/spawn-stack';

// Issue 12, findings 7 and 8: the local stack owns its Postgres and its data dir, whatever kills it.
// The three run concurrently (each on its own data dir and ports): nearly all their time is stack boots.

const dirs: string[] = [];
const running = new Set<SpawnedStack>();
afterAll(async () => {
  await Promise.all([...running].map((s) => s.stop()));
  for (const dir of dirs) {
    await waitUntil(`nothing runs on ${dir}`, () => processesOf(dir).length === 0).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
});

function newDataDir(): string {
  const dir = tempDataDir();
  dirs.push(dir);
  return dir;
}

async function up(...args: Parameters<typeof spawnStack>): Promise<SpawnedStack> {
  const stack = await spawnStack(...args);
  running.add(stack);
  void stack.exited.then(() => running.delete(stack));
  return stack;
}

const post = (base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const postgresRuns = (dir: string) => processesOf(dir).some((p) => /postgres -D/.test(p.cmd));
const nothingLeft = (dir: string) =>
  waitUntil(`no process of the stack on ${dir} remains`, () => processesOf(dir).length === 0);

describe.concurrent('the local stack under faults', () => {
  it('after kill -9 mid-flow, comes back on the same data dir with nothing acknowledged lost and every timer firing once, then on new ports', async ({
    expect,
  }) => {
    const dir = newDataDir();
    const ports = await stackPorts();
    let stack = await up(dir, ports);

    const admin = (
      await json(post(stack.baseUrl, '/internal/auth/login', { email: 'admin@halobestie.local', password: 'admin123' }))
    ).access_token as string;
    const patch = await fetch(`${stack.baseUrl}/internal/config/anonymity`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ anonymity_enabled: false }),
    });
    expect(patch.status).toBe(200);

    // Mid-flow: probe timers are being scheduled when the stack dies; every acknowledged one must survive.
    const acked: string[] = [];
    const base = stack.baseUrl;
    const inFlight = Array.from({ length: 40 }, async () => {
      const res = await post(base, '/internal/_test/probe', { delay_seconds: 3600 }).catch(() => undefined);
      if (res?.status === 201) acked.push((await json(res)).probe_id);
    });
    await waitUntil('a few probes are acknowledged', () => acked.length >= 5);
    process.kill(stack.stackPid, 'SIGKILL');
    await Promise.all(inFlight);
    await stack.exited;

    let t0 = Date.now();
    stack = await up(dir, ports);
    const restartSameMs = Date.now() - t0;

    expect((await json(fetch(`${stack.baseUrl}/api/shared/config`))).anonymity_enabled).toBe(false);
    expect((await json(post(stack.baseUrl, '/internal/_test/clock', { advance_seconds: 1800 }))).tasks_run).toBe(0);
    await post(stack.baseUrl, '/internal/_test/clock', { advance_seconds: 1800 });
    // The clock route or the background dispatcher runs them; either way each runs, and only once.
    const runs = (id: string) =>
      json(fetch(`${stack.baseUrl}/internal/_test/probe/${id}`)).then((r) => r.runs as number);
    for (const id of acked) await waitUntil(`probe ${id} ran`, async () => (await runs(id)) >= 1);
    await post(stack.baseUrl, '/internal/_test/clock', { advance_seconds: 7200 });
    for (const id of acked) expect(await runs(id)).toBe(1);

    // Killed again: its Postgres goes down by itself (the kernel's parent-death signal), and the stack
    // comes back on entirely different ports.
    const { probe_id } = await json(post(stack.baseUrl, '/internal/_test/probe', { delay_seconds: 3600 }));
    expect(postgresRuns(dir)).toBe(true);
    process.kill(stack.stackPid, 'SIGKILL');
    await stack.exited;
    await nothingLeft(dir);
    const newPorts = await stackPorts();
    t0 = Date.now();
    stack = await up(dir, newPorts);
    const restartNewPortsMs = Date.now() - t0;
    expect(stack.output()).toContain(`:${newPorts.pgPort}/halobestie`);
    await post(stack.baseUrl, '/internal/_test/clock', { advance_seconds: 3600 });
    await waitUntil('the last probe ran', async () => (await runs(probe_id)) >= 1);
    await post(stack.baseUrl, '/internal/_test/clock', { advance_seconds: 7200 });
    expect(await runs(probe_id)).toBe(1);
    expect((await json(fetch(`${stack.baseUrl}/api/shared/config`))).anonymity_enabled).toBe(false);
    console.log(`restart after kill -9: same ports ${restartSameMs} ms, new ports ${restartNewPortsMs} ms`);

    expect(await stack.stop()).toBe(0);
    await nothingLeft(dir);
    expect(readLock(dir)).toBeUndefined();
  }, 180_000);

  it('one stack per data dir: refuses a second stack on it, with other ports or the same Postgres port, naming the first; the first keeps working', async ({
    expect,
  }) => {
    const dir = newDataDir();
    const ports = await stackPorts();
    const first = await up(dir, ports);

    const other = await spawnStackExpectingFailure(dir, await stackPorts());
    expect(other.code).not.toBe(0);
    expect(other.output).toMatch(/in use by another local stack/);
    expect(other.output).toContain(`pid ${first.stackPid}`);
    expect(other.output).not.toMatch(/ECONNREFUSED/);

    const samePg = await spawnStackExpectingFailure(dir, { ...(await stackPorts()), pgPort: ports.pgPort });
    expect(samePg.code).not.toBe(0);
    expect(samePg.output).toContain(`pid ${first.stackPid}`);

    expect((await json(fetch(`${first.baseUrl}/healthz`))).status).toBe('ok');
    expect((await post(first.baseUrl, '/internal/_test/probe', { delay_seconds: 5 })).status).toBe(201);
    expect(readLock(dir)?.pid).toBe(first.stackPid);
    expect(await first.stop()).toBe(0);
    await nothingLeft(dir);
  }, 180_000);

  it('no process left behind: terminal closed (SIGHUP to the group), SIGTERM or kill -9 to npm alone: all of it stops, Postgres included', async ({
    expect,
  }) => {
    const dir = newDataDir();
    const viaNpm = { launcher: 'npm', ownGroup: true } as const;

    let stack = await up(dir, await stackPorts(), {}, 60_000, viaNpm);
    expect(postgresRuns(dir)).toBe(true);
    process.kill(-stack.launcherPid, 'SIGHUP');
    await nothingLeft(dir);
    expect(readLock(dir)).toBeUndefined();

    stack = await up(dir, await stackPorts(), {}, 60_000, viaNpm);
    expect(postgresRuns(dir)).toBe(true);
    process.kill(stack.launcherPid, 'SIGTERM');
    await nothingLeft(dir);

    stack = await up(dir, await stackPorts(), {}, 60_000, viaNpm);
    expect(postgresRuns(dir)).toBe(true);
    process.kill(stack.launcherPid, 'SIGKILL');
    await nothingLeft(dir);
    expect(readLock(dir)).toBeUndefined(); // it stopped itself cleanly
  }, 180_000);
});
