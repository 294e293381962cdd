import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { bearer, ccLogin } from '../helpers/auth';
import { json } from '../helpers/http';
import { apiClient } from '../helpers/api-client';
import { testSigningKey, useTestStack } from '../helpers/runtime';
import { spawnStack, stackPorts, tempDataDir, type SpawnedStack } from '../helpers/spawn-stack';

const dataDir = tempDataDir();
const stack = useTestStack({ perFile: true });
let reader: SpawnedStack | undefined;
afterAll(async () => {
  await reader?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('config change across processes', () => {
  it('a change made through one process is served by another process’s GET /api/shared/config within 5 s', async () => {
    const writer = stack();
    reader = await spawnStack(dataDir, await stackPorts(), {
      DATABASE_URL: writer.rt.env.DATABASE_URL!,
      FIRESTORE_EMULATOR_HOST: inject('firestoreHost'),
      AUTH_SIGNING_KEY: testSigningKey(),
    });
    const api = apiClient(reader.baseUrl);
    const publicConfig = async () => (await api.GET('/api/shared/config')).data!;
    const before = await publicConfig();
    expect(before.anonymity_enabled).toBe(true);

    const admin = (await json(ccLogin(writer))).access_token;
    const res = await writer.request('/internal/config/anonymity', {
      method: 'PATCH',
      json: { anonymity_enabled: false },
      headers: bearer(admin),
    });
    expect(res.status).toBe(200);
    const t0 = Date.now();
    let after = before;
    while (after.anonymity_enabled && Date.now() - t0 < 6000) {
      await new Promise((r) => setTimeout(r, 100));
      after = await publicConfig();
    }
    const elapsed = Date.now() - t0;
    expect(after.anonymity_enabled).toBe(false);
    expect(elapsed).toBeLessThan(5000);
  }, 120_000);
});
