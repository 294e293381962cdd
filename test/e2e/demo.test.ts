import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../helpers/db';
import { spawnStack, stackPorts, tempDataDir, type SpawnedStack } from '../helpers/spawn-stack';

const dataDir = tempDataDir();
const projectId = `e2e-demo-${randomBytes(4).toString('hex')}`;
let stack: SpawnedStack | undefined;
afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs `npm run demo` as a developer would, against the given stack; resolves with its exit code and output. */
function runDemo(env: Record<string, string>, withinMs: number): Promise<{ code: number | null; out: string }> {
  const child = spawn('npm', ['run', 'demo', '--silent'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), withinMs);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    }),
  );
}

describe('npm run demo', () => {
  it('plays one whole paid session with an extension, then deletes the account, against a booted stack and exits 0', async () => {
    stack = await spawnStack(dataDir, await stackPorts(), {
      DATABASE_URL: await createTestDatabase(),
      FIRESTORE_EMULATOR_HOST: inject('firestoreHost'),
      FIREBASE_PROJECT_ID: projectId,
    });
    const { code, out } = await runDemo(
      { BASE_URL: stack.baseUrl, FIRESTORE_EMULATOR_HOST: inject('firestoreHost'), FIREBASE_PROJECT_ID: projectId },
      40_000,
    );
    expect(code, out).toBe(0);
    expect(out).toContain(`using the running stack at ${stack.baseUrl}`);
    for (const step of [
      'otp_upgrade',
      'accept',
      'pay',
      'active_seen',
      'receipts',
      'time_up',
      'ext_accept',
      'ext_pay',
      'closing_seen',
      'goodbye_mitra',
      'completed_seen',
      'rating',
      'account_deleted',
      'cc_lookup',
    ])
      expect(out).toMatch(new RegExp(`^\\[\\+ *[\\d.]+s\\] ${step} `, 'm'));
    expect(out).toMatch(/mitra listener <- #\d+ from Rani/);
    expect(out).toMatch(/customer listener <- #\d+ from Bestie/);
    expect(out).toMatch(/0 lost\), 0 duplicated, 0 out of order/);
    expect(out).toMatch(/2 payments, 2 activations; \d+ HTTP calls, 0 × 5xx/);
    expect(out).toMatch(/^DEMO OK$/m);
  }, 90_000);
});
