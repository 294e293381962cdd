import { describe, expect, it } from 'vitest';
import { authGuards, refreshPolicy } from '../../../shared/auth/guards';
import type { UserType } from '../../../shared/auth/access-tokens';
import { createAuthSession } from '../../../shared/auth/refresh-sessions';
import { PERMISSIONS } from '../../../shared/users/permissions';
import { bearer } from '../../helpers/auth';
import {
  ccUser,
  insertCustomer,
  insertMitra,
  insertOffers,
  insertSession,
  type CcRole,
} from '../../helpers/control-center';
import { json } from '../../helpers/http';
import { createTestStack, useTestStack, type TestStack } from '../../helpers/runtime';
import { fakeIap } from '../../helpers/jwks-server';

const stack = useTestStack({ perFile: true });

interface Op {
  method: string;
  path: string;
  operationId: string;
  security: Array<Record<string, string[]>>;
  permission?: string;
}

/** Self-service control-center routes: any signed-in CC user (no permission) or none at all (sign-in). */
const NO_PERMISSION = new Set(['ccLogin', 'ccRefresh', 'ccLogout', 'ccMe', 'ccChangeOwnPassword']);
const BODY = new Set(['post', 'put', 'patch', 'delete']);
const ANY_ID = '00000000-0000-4000-8000-000000000000';

async function internalOperations(s: TestStack): Promise<Op[]> {
  const doc = await json(s.request('/openapi.json'));
  const ops: Op[] = [];
  for (const [path, item] of Object.entries<Record<string, Record<string, unknown>>>(doc.paths)) {
    if (!path.startsWith('/internal/')) continue;
    for (const [method, op] of Object.entries(item)) {
      ops.push({
        method,
        path,
        operationId: op.operationId as string,
        security: (op.security ?? []) as Op['security'],
        permission: op['x-permission'] as string | undefined,
      });
    }
  }
  return ops;
}

const urlOf = (op: Op) => op.path.replace(/\{[^}]+\}/g, ANY_ID);
const call = (s: TestStack, op: Op, headers: Record<string, string>) =>
  s.request(urlOf(op), { method: op.method.toUpperCase(), headers, ...(BODY.has(op.method) ? { json: {} } : {}) });
const bearerOnly = (op: Op) => op.security.length > 0 && op.security.every((r) => 'bearerAuth' in r);

async function tokenOf(s: TestStack, userType: UserType, userId: string, role?: string) {
  const { sessionId } = await createAuthSession(
    s.rt.db,
    userType,
    userId,
    {},
    s.rt.clock.now(),
    refreshPolicy(s.rt.env),
  );
  return authGuards(s.rt).accessTokens.sign({ userId, userType, sessionId, ...(role ? { role } : {}) });
}

describe('permission matrix over every documented /internal operation', () => {
  it('every operation declares a known permission, or is a listed self-service / test route; all but the test routes sit behind IAP', async () => {
    const ops = await internalOperations(stack());
    expect(ops.length).toBeGreaterThan(20);
    for (const op of ops) {
      const isTest = op.path.startsWith('/internal/_test/');
      if (op.permission) expect(PERMISSIONS).toContain(op.permission);
      else expect([op.operationId, isTest || NO_PERMISSION.has(op.operationId)]).toEqual([op.operationId, true]);
      // The test routes take no credentials at all (SPEC §11).
      const behindIap = op.security.length > 0 && op.security.every((r) => 'iapAssertion' in r);
      expect([op.operationId, isTest ? op.security.length === 0 : behindIap]).toEqual([op.operationId, true]);
    }
  });

  it('each role gets through exactly where its permissions say; customer and mitra tokens are 403, no token 401', async () => {
    const s = stack();
    const ops = (await internalOperations(s)).filter(bearerOnly);
    const { rows } = await s.rt.db.query<{ role_id: string; permission: string }>(
      'SELECT role_id, permission FROM role_permissions',
    );
    const roles: CcRole[] = ['super_admin', 'operator', 'viewer'];
    const users = Object.fromEntries(await Promise.all(roles.map(async (r) => [r, await ccUser(s, r)] as const)));
    const customerId = await insertCustomer(s);
    const mitraId = await insertMitra(s);
    const outcomes: string[] = [];
    const refused: string[] = [];
    for (const op of ops) {
      for (const role of roles) {
        const granted = !op.permission || rows.some((r) => r.role_id === role && r.permission === op.permission);
        // A fresh session per call: a route like logout must not end the next call's session.
        const res = await call(s, op, bearer(await tokenOf(s, 'cc_user', users[role]!.id, role)));
        const code = res.status >= 400 ? (await json(res)).error.code : undefined;
        const ok = granted ? ![401, 403].includes(res.status) : res.status === 403 && code === 'FORBIDDEN';
        if (!ok) outcomes.push(`${op.operationId} as ${role} (granted=${granted}) → ${res.status} ${code}`);
        if (!granted) refused.push(`${op.operationId} ${role}`);
      }
      for (const [who, token] of [
        ['customer', await tokenOf(s, 'customer', customerId)],
        ['mitra', await tokenOf(s, 'mitra', mitraId)],
      ] as const) {
        const res = await call(s, op, bearer(token));
        const code = (await json(res)).error?.code;
        if (res.status !== 403 || code !== 'FORBIDDEN')
          outcomes.push(`${op.operationId} as ${who} → ${res.status} ${code}`);
      }
      const none = await call(s, op, {});
      const code = (await json(none)).error?.code;
      if (none.status !== 401 || code !== 'AUTH_MISSING')
        outcomes.push(`${op.operationId} without a token → ${none.status}`);
      const garbage = await call(s, op, bearer('not.a.token'));
      if (garbage.status !== 401) outcomes.push(`${op.operationId} with a bad token → ${garbage.status}`);
    }
    expect(outcomes).toEqual([]);
    // The matrix really distinguishes roles: e.g. only the super admin reads transcripts and the audit
    // trail, and erases an account (SPEC §14).
    expect(refused).toEqual(
      expect.arrayContaining([
        'ccSessionTranscript operator',
        'ccAudit viewer',
        'ccBanCustomer viewer',
        'ccEraseCustomer operator',
        'ccEraseMitra viewer',
      ]),
    );
    expect(refused.filter((r) => r.endsWith('super_admin'))).toEqual([]);
  });

  it('with IAP_AUDIENCE set, every /internal operation needs a valid IAP assertion besides its token', async () => {
    const s = stack();
    const signer = await fakeIap();
    const aud = '/projects/123/global/backendServices/456';
    const iap = await createTestStack({
      databaseUrl: s.rt.env.DATABASE_URL,
      env: { IAP_AUDIENCE: aud, IAP_JWKS_URL: signer.jwksUrl },
    });
    try {
      const { assertion } = signer;
      const admin = await ccUser(iap, 'super_admin');
      const [good, wrong] = [await assertion(aud), await assertion('/projects/1/other')];
      const outcomes: string[] = [];
      const operations = await internalOperations(iap);
      for (const op of operations.filter((o) => !o.path.startsWith('/internal/_test/'))) {
        const token = bearer(await tokenOf(iap, 'cc_user', admin.id, 'super_admin'));
        for (const [label, headers] of [
          ['no assertion', token],
          ['wrong audience', { ...token, 'x-goog-iap-jwt-assertion': wrong }],
          ['garbage', { ...token, 'x-goog-iap-jwt-assertion': 'x.y.z' }],
        ] as const) {
          const res = await call(iap, op, headers);
          const code = (await json(res)).error?.code;
          if (res.status !== 401 || code !== 'IAP_REQUIRED')
            outcomes.push(`${op.operationId} ${label} → ${res.status} ${code}`);
        }
        const res = await call(iap, op, {
          ...bearer(await tokenOf(iap, 'cc_user', admin.id, 'super_admin')),
          'x-goog-iap-jwt-assertion': good,
        });
        const body = res.status === 204 ? undefined : await res.json().catch(() => undefined);
        const code = body?.error?.code;
        const passed = code !== 'IAP_REQUIRED' && (!bearerOnly(op) || ![401, 403].includes(res.status));
        if (!passed) outcomes.push(`${op.operationId} with a valid assertion → ${res.status} ${code}`);
      }
      expect(outcomes).toEqual([]);
      // The test routes stay open without an assertion, as they are documented.
      expect((await iap.request('/internal/_test/probe', { method: 'POST', json: { delay_seconds: 0 } })).status).toBe(
        201,
      );
    } finally {
      await iap.close();
      await signer.close();
    }
  });

  it('phones and e-mails in full only with customers:read / mitras:read; every other role sees them masked', async () => {
    const base = stack();
    // Its own stack: roles' permissions are cached per instance, and this test adds a role.
    await base.rt.db.query("INSERT INTO roles (id, name) VALUES ('auditor', 'Auditor')");
    await base.rt.db.query(
      `INSERT INTO role_permissions (role_id, permission)
       SELECT 'auditor', p FROM unnest(ARRAY['sessions:read', 'mitra_activity:read', 'customers:update', 'mitras:update']) p`,
    );
    const s = await createTestStack({ databaseUrl: base.rt.env.DATABASE_URL });
    try {
      const customerId = await insertCustomer(s, { phone: '+6281234567781', email: 'budi.santoso@gmail.com' });
      const mitraId = await insertMitra(s);
      const mitraPhone = (await s.rt.db.query('SELECT phone FROM mitras WHERE id = $1', [mitraId])).rows[0].phone;
      const masked = `${mitraPhone.slice(0, 6)}****${mitraPhone.slice(-3)}`;
      const { sessionId } = await insertSession(s, { mitraId, customerId });
      await insertOffers(s, { offered_at: s.rt.clock.now(), offers: [{ mitraId, status: 'accepted' }] });
      const seen = async (role: string) => {
        const u = await ccUser(s, role as CcRole);
        const detail = await json(s.request(`/internal/sessions/${sessionId}`, { headers: u.headers }));
        const activity = await json(s.request('/internal/mitra-activity?limit=100', { headers: u.headers }));
        const row = activity.items.find((a: { mitra: { id: string } }) => a.mitra.id === mitraId);
        const { customer, mitra } = detail.participants;
        return [customer.phone, customer.email, mitra.phone, row.mitra.phone];
      };
      const full = ['+6281234567781', 'budi.santoso@gmail.com', mitraPhone, mitraPhone];
      expect(await seen('super_admin')).toEqual(full);
      expect(await seen('operator')).toEqual(full);
      // The viewer reads sessions but not customers: the customer's number and e-mail are masked.
      expect(await seen('viewer')).toEqual(['+62812****781', 'b***@g***.com', mitraPhone, mitraPhone]);
      expect(await seen('auditor')).toEqual(['+62812****781', 'b***@g***.com', masked, masked]);

      // An action's answer follows the same rule: a ban by a role without customers:read shows the mask.
      const auditor = await ccUser(s, 'auditor' as CcRole);
      const banned = await json(
        s.request(`/internal/customers/${customerId}/ban`, {
          method: 'POST',
          json: { reason: 'test' },
          headers: auditor.headers,
        }),
      );
      expect([banned.phone, banned.email]).toEqual(['+62812****781', 'b***@g***.com']);
      const renamed = await json(
        s.request(`/internal/mitras/${mitraId}`, {
          method: 'PATCH',
          json: { display_name: 'X' },
          headers: auditor.headers,
        }),
      );
      expect(renamed.phone).toBe(masked);
    } finally {
      await s.close();
    }
  });
});
