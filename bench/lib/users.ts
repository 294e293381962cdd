import { readFileSync } from 'node:fs';
import { authGuards, refreshPolicy } from '../../shared/auth/guards';
import { createAuthSession } from '../../shared/auth/refresh-sessions';
import { parseEnv } from '../../shared/env';
import { createLogger } from '../../shared/logger';
import type { Runtime } from '../../shared/runtime';
import { createLocalRuntime } from '../../scripts/local/runtime';
import type { StackServer } from './procs';
import { FUNCTION_NAMES } from '../../shared/path-table';
import { HttpTally } from '../../scripts/scenario/client';
import { raiseLimitsForLoad } from '../../scripts/scenario/stack';

export interface BenchUser {
  id: string;
  token: string;
}

/** Runs `fn` over `items`, at most `limit` at once. */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/**
 * Users on a running stack. Mitras are created through the public test route and customers through
 * `POST /api/shared/auth/anonymous`; a mitra's access token is minted in-process like the tests do
 * (`createAuthSession` + the stack's own signing key), since signing in by OTP is rate-limited per IP.
 */
export class StackUsers {
  private constructor(
    private readonly stack: StackServer,
    readonly rt: Runtime,
  ) {}

  static async open(stack: StackServer): Promise<StackUsers> {
    process.env.FIRESTORE_EMULATOR_HOST = stack.firestoreHost;
    process.env.METADATA_SERVER_DETECTION = 'none';
    const rt = await createLocalRuntime(
      parseEnv(
        {
          DATABASE_URL: stack.databaseUrl,
          FIRESTORE_EMULATOR_HOST: stack.firestoreHost,
          FIREBASE_PROJECT_ID: stack.projectId,
          AUTH_SIGNING_KEY: readFileSync(stack.signingKeyFile, 'utf8'),
          LOG_LEVEL: 'silent',
          DATABASE_POOL_MAX: '4',
        },
        FUNCTION_NAMES,
      ),
      { logger: createLogger('silent') },
    );
    await raiseLimitsForLoad(stack.baseUrl, new HttpTally(), { freeTrialWithoutPhone: true });
    return new StackUsers(stack, rt);
  }

  http(method: string, path: string, body?: unknown, token?: string, headers?: Record<string, string>) {
    return call(this.stack.baseUrl, method, path, body, token, headers);
  }

  /** `n` active mitras with tokens and device tokens; online unless told otherwise. */
  async mitras(n: number, opts: { online?: boolean; tag?: string } = {}): Promise<BenchUser[]> {
    const tag = opts.tag ?? String(Date.now() % 100_000).padStart(5, '0');
    return pool(
      Array.from({ length: n }, (_, i) => i),
      8,
      async (i) => {
        const phone = `+62812${tag}${String(i).padStart(4, '0')}`;
        const seeded = await this.http('POST', '/internal/_test/seed-mitra', {
          phone,
          display_name: `Bench ${i}`,
          is_active: true,
        });
        const id = seeded.mitra_id as string;
        const { sessionId } = await createAuthSession(
          this.rt.db,
          'mitra',
          id,
          {},
          this.rt.clock.now(),
          refreshPolicy(this.rt.env),
        );
        const token = await authGuards(this.rt).accessTokens.sign({ userId: id, userType: 'mitra', sessionId });
        await this.http(
          'PUT',
          '/api/shared/device-token',
          { fcm_token: `fcm-bench-${id}`, device_id: 'phone', platform: 'android' },
          token,
        );
        if (opts.online ?? true) await this.http('POST', '/api/mitra/status/online', undefined, token);
        return { id, token };
      },
    );
  }

  /** `n` guest customers through the public sign-in. */
  async customers(n: number): Promise<BenchUser[]> {
    return pool(
      Array.from({ length: n }, (_, i) => i),
      8,
      async (i) => {
        const guest = await this.http('POST', '/api/shared/auth/anonymous', { display_name: `Cust ${i}` });
        return { id: (guest.profile as { id: string }).id, token: guest.access_token as string };
      },
    );
  }

  close(): Promise<void> {
    return this.rt.close();
  }
}
