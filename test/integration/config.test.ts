import { Firestore } from '@google-cloud/firestore';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, ccLogin, createGuest, signInActiveMitra } from '../helpers/auth';
import { SECTION_NAMES } from '../../shared/config';
import { json } from '../helpers/http';
import { createTestStack, useTestStack, type TestStack } from '../helpers/runtime';

const stack = useTestStack({ perFile: true, env: { MITRA_HEARTBEAT_CADENCE_SECONDS: '20' } });
let s: TestStack;
let admin: string;
beforeAll(async () => {
  s = stack();
  admin = (await json(ccLogin(s))).access_token;
});

const patch = (section: string, body: unknown, token = admin) =>
  s.request(`/internal/config/${section}`, { method: 'PATCH', json: body, headers: bearer(token) });
const snapshot = async () => ({
  version: (await s.rt.db.query('SELECT version FROM app_config_version')).rows[0].version,
  values: (await s.rt.db.query('SELECT key, value FROM app_config ORDER BY key')).rows,
  audits: (await s.rt.db.query('SELECT count(*)::int n FROM app_config_audit')).rows[0].n,
});

describe('GET /api/shared/config', () => {
  it('serves the apps’ view with defaults, env values, an ETag and 304 on If-None-Match; no limits or secrets', async () => {
    const res = await s.request('/api/shared/config');
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.pricing_tiers).toHaveLength(3);
    expect(body.free_trial).toEqual({ enabled: true, duration_minutes: 10, requires_phone: true });
    expect(body.anonymity_enabled).toBe(true);
    expect(body.mitra_heartbeat_cadence_seconds).toBe(20);
    expect(body.sensitive_flip_confirmation_enabled).toBe(true);
    expect(body.sensitive_flag_one_way_latch).toBe(false);
    expect(body.request_notification_timeout_seconds).toBe(60);
    expect(JSON.stringify(body)).not.toMatch(/lockout|per_ip|per_phone|secret|password|token_ttl|safety_rules/);
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const again = await s.request('/api/shared/config', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect((await s.request('/api/shared/config', { headers: { 'if-none-match': '"stale"' } })).status).toBe(200);
  });
});

describe('PATCH /internal/config/:section', () => {
  const bad: Array<[string, unknown]> = [
    ['anonymity', { anonymity_enabled: 'yes' }],
    ['free-trial', { free_trial: { enabled: true, duration_minutes: 0 } }],
    ['extension-timeout', { extension_timeout_seconds: 5 }],
    ['early-end', { early_end: { mitra: true } }],
    ['mitra-ping', { mitra_ping: { required: true, interval_seconds: 'x' } }],
    ['price-tiers', { pricing_tiers: [] }],
    [
      'price-tiers',
      {
        pricing_tiers: [
          { id: 'a', label: 'A', duration_minutes: 30, price_idr: 1 },
          { id: 'a', label: 'B', duration_minutes: 60, price_idr: 2 },
        ],
      },
    ],
    ['sensitivity', { sensitive_flag_one_way_latch: 1 }],
    ['otp', { otp_resend_cooldown_seconds: -1 }],
    ['lockout', { cc_lockout_minutes: 0 }],
    ['capacity', { max_customers_per_mitra: 0 }],
    ['stale', { mitra_stale_after_seconds: 'soon' }],
    ['pairing', { pairing_timeout_seconds: 1 }],
    ['blast', { blast: { max_mitras: -1, wave_seconds: 20 } }],
    ['blast', { blast: { max_mitras: 25 } }],
    ['blast', { blast: { max_mitras: 25, wave_seconds: 20, per_wave: 1 } }],
    ['safety', { safety_rules: [{ id: 'x', category: 'self_harm', form: 'words', pattern: '(mati' }] }],
    ['safety', { safety_rules: [{ id: 'x', category: 'self_harm', form: 'words', pattern: 'pengen matii' }] }],
    ['safety', { crisis_resources: { message: 'x', hotlines: [{ name: 'no way to reach it' }] } }],
    ['safety', { safety_notice: '' }],
    ['anonymity', {}],
    ['anonymity', { anonymity_enabled: true, free_trial: { enabled: false, duration_minutes: 10 } }],
  ];
  it.each(bad)('%s with %j → 400 BAD_REQUEST with details.issues; nothing stored', async (section, body) => {
    const before = await snapshot();
    const res = await patch(section, body);
    expect(res.status).toBe(400);
    const err = (await json(res)).error;
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.details.issues.length).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
  });

  it('bounds from env and across keys → 422 CONFIG_OUT_OF_BOUNDS with the env value beside; nothing stored', async () => {
    const before = await snapshot();
    const ping = await patch('mitra-ping', { mitra_ping: { required: true, interval_seconds: 10 } });
    expect(ping.status).toBe(422);
    const err = (await json(ping)).error;
    expect(err.code).toBe('CONFIG_OUT_OF_BOUNDS');
    expect(err.details.violations[0]).toMatchObject({ key: 'mitra_ping.interval_seconds', min: 20 });
    expect(err.details.env.mitra_heartbeat_cadence_seconds).toBe(20);
    expect((await patch('stale', { mitra_stale_after_seconds: 30 })).status).toBe(422);
    expect((await patch('pairing', { pairing_timeout_seconds: 30 })).status).toBe(422); // below the 60 s notification timeout
    expect(await snapshot()).toEqual(before);
    expect((await patch('mitra-ping', { mitra_ping: { required: true, interval_seconds: 20 } })).status).toBe(200);
  });

  it('unknown section → 404; customer, mitra and viewer tokens cannot patch; no token → 401', async () => {
    expect((await patch('nope', { x: 1 })).status).toBe(404);
    const guest = await createGuest(s);
    const mitra = await signInActiveMitra(s);
    expect((await patch('anonymity', { anonymity_enabled: false }, guest.access_token)).status).toBe(403);
    expect((await patch('anonymity', { anonymity_enabled: false }, mitra.access_token)).status).toBe(403);
    await s.request('/internal/control-center-users', {
      method: 'POST',
      json: { email: 'viewer-cfg@halobestie.local', password: 'Passw0rd!', display_name: 'V', role: 'viewer' },
      headers: bearer(admin),
    });
    const viewer = (await json(ccLogin(s, 'viewer-cfg@halobestie.local', 'Passw0rd!'))).access_token;
    expect((await patch('anonymity', { anonymity_enabled: false }, viewer)).status).toBe(403);
    expect((await s.request('/internal/config', { headers: bearer(viewer) })).status).toBe(200);
    expect(
      (await s.request('/internal/config/anonymity', { method: 'PATCH', json: { anonymity_enabled: false } })).status,
    ).toBe(401);
  });

  it('a good change is stored, audited (who, section, before, after), visible to another instance within 5 s and mirrored to Firestore', async () => {
    const other = await createTestStack({
      databaseUrl: s.rt.env.DATABASE_URL,
      env: { MITRA_HEARTBEAT_CADENCE_SECONDS: '20' },
    });
    const fs = new Firestore({ projectId: s.rt.env.FIREBASE_PROJECT_ID });
    try {
      expect((await json(other.request('/api/shared/config'))).free_trial.enabled).toBe(true); // warm its cache
      const mirrored = new Promise<FirebaseFirestore.DocumentData>((resolve) => {
        const unsub = fs.doc('config/public').onSnapshot((snap) => {
          if (snap.data()?.free_trial?.enabled === false) {
            unsub();
            resolve(snap.data()!);
          }
        });
      });
      const res = await patch('free-trial', { free_trial: { enabled: false, duration_minutes: 15 } });
      expect(res.status).toBe(200);
      expect(await json(res)).toMatchObject({
        changed: true,
        values: { free_trial: { enabled: false, duration_minutes: 15 } },
      });
      const t0 = Date.now();
      let seen = false;
      while (Date.now() - t0 < 5000 && !seen) {
        seen = (await json(other.request('/api/shared/config'))).free_trial.enabled === false;
        if (!seen) await new Promise((r) => setTimeout(r, 100));
      }
      expect(seen).toBe(true);
      await s.rt.relay.drainAll();
      expect(await mirrored).toMatchObject({
        free_trial: { enabled: false, duration_minutes: 15 },
        version: expect.any(Number),
      });

      const audit = await json(s.request('/internal/config/audit?limit=1', { headers: bearer(admin) }));
      expect(audit.items[0]).toMatchObject({
        section: 'free-trial',
        changed_by_email: 'admin@halobestie.local',
        before: { free_trial: { enabled: true, duration_minutes: 10 } },
        after: { free_trial: { enabled: false, duration_minutes: 15 } },
      });
      const internal = await json(s.request('/internal/config', { headers: bearer(admin) }));
      expect(internal.values.free_trial).toEqual({ enabled: false, duration_minutes: 15, requires_phone: true });
      expect(internal.env.mitra_heartbeat_cadence_seconds).toBe(20);
      expect(internal.bounds['mitra_ping.interval_seconds'].min).toBe(20);
      expect(internal.defaults.free_trial).toEqual({ enabled: true, duration_minutes: 10, requires_phone: true });
      expect(internal.sections['free-trial']).toEqual(['free_trial']);

      const unchanged = await json(patch('free-trial', { free_trial: { enabled: false, duration_minutes: 15 } }));
      expect(unchanged.changed).toBe(false);
    } finally {
      await fs.terminate();
      await other.close();
    }
  });

  it('parallel changes are serialised: every audit’s before is the previous after', async () => {
    const values = [61, 62, 63, 64, 65, 66];
    const results = await Promise.all(values.map((v) => patch('extension-timeout', { extension_timeout_seconds: v })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const { rows } = await s.rt.db.query(
      "SELECT before, after FROM app_config_audit WHERE section = 'extension-timeout' ORDER BY id",
    );
    for (let i = 1; i < rows.length; i++) expect(rows[i].before).toEqual(rows[i - 1].after);
    expect(rows).toHaveLength(values.length);
  });

  it('services read the change: lowering the lockout threshold takes effect on the next login', async () => {
    expect((await patch('lockout', { cc_lockout_max_failures: 2 })).status).toBe(200);
    await s.request('/internal/control-center-users', {
      method: 'POST',
      json: { email: 'lock-cfg@halobestie.local', password: 'Passw0rd!', display_name: 'L', role: 'viewer' },
      headers: bearer(admin),
    });
    await ccLogin(s, 'lock-cfg@halobestie.local', 'Wrong1234');
    await ccLogin(s, 'lock-cfg@halobestie.local', 'Wrong1234');
    expect((await ccLogin(s, 'lock-cfg@halobestie.local', 'Passw0rd!')).status).toBe(423);
  });

  it('the audit is cursor-paginated with opaque cursors; a forged or garbage cursor is a 400, never a 500', async () => {
    const first = await json(s.request('/internal/config/audit?limit=2', { headers: bearer(admin) }));
    expect(first.items).toHaveLength(2);
    expect(first.next_cursor).not.toMatch(/^\d+$/);
    const second = await json(
      s.request(`/internal/config/audit?limit=2&cursor=${first.next_cursor}`, { headers: bearer(admin) }),
    );
    expect(second.items[0].id).toBeLessThan(first.items[1].id);
    const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const cursor of [
      'abc',
      '9223372036854775808',
      '-1',
      '%00',
      'x'.repeat(600),
      forged(2 ** 63),
      forged(-5),
      forged('12'),
      forged([1, 2]),
    ]) {
      const res = await s.request(`/internal/config/audit?cursor=${cursor}`, { headers: bearer(admin) });
      expect([cursor, res.status]).toEqual([cursor, 400]);
      expect((await json(res)).error.code).toBe('BAD_REQUEST');
    }
    expect((await s.request('/internal/config/audit?limit=1000', { headers: bearer(admin) })).status).toBe(400);
  });

  it('documents the PATCH body as the union of the named section schemas and the section as an enum', async () => {
    const doc = await json(s.request('/openapi.json'));
    const op = doc.paths['/internal/config/{section}'].patch;
    const body = op.requestBody.content['application/json'].schema;
    const union = doc.components.schemas[body.$ref.split('/').pop()];
    const members = (union.anyOf ?? union.oneOf).map((m: { $ref: string }) => m.$ref.split('/').pop());
    expect(members).toContain('ConfigPatchFreeTrial');
    expect(members).toContain('ConfigPatchRetention');
    expect(members).toContain('ConfigPatchLimits');
    expect(members).toHaveLength(SECTION_NAMES.length);
    expect(op.parameters.find((p: { name: string }) => p.name === 'section').schema.enum).toContain('price-tiers');
  });
});
