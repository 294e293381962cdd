import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, ccLogin, createGuest } from '../helpers/auth';
import { json } from '../helpers/http';
import { onlineMitra } from '../helpers/pairing';
import { createTestStack, type TestStack } from '../helpers/runtime';

// Every route of the merged OpenAPI document, with malformed input and every kind of caller:
// whatever comes back must be a clean 2xx–4xx with the error envelope, never a 500.
let s: TestStack;
let callers: Record<string, Record<string, string>>;
beforeAll(async () => {
  s = await createTestStack();
  const guest = await createGuest(s);
  const mitra = await onlineMitra(s);
  const admin = (await json(ccLogin(s))).access_token;
  callers = {
    none: {},
    customer: bearer(guest.access_token),
    mitra: bearer(mitra.token),
    admin: bearer(admin),
    oidc: bearer(await s.rt.local!.issuer.sign(s.rt.env.OIDC_AUDIENCE)),
  };
});
afterAll(() => s.close());

const BIG = JSON.stringify({ phone: 'x'.repeat(300 * 1024) });
const BODIES: Array<string | undefined> = [
  BIG,
  undefined,
  '',
  '{',
  '[]',
  '"text"',
  'null',
  '{"a":1}',
  JSON.stringify({ phone: 'x'.repeat(5000), id_token: 1, refresh_token: {}, email: [], password: null }),
  JSON.stringify({
    topic_sensitivity: 'sensitive',
    tier_id: 'nope',
    free_trial: true,
    message: { data: '%%%' },
    subscription: 1,
  }),
  JSON.stringify({
    request_id: 'not-a-uuid',
    mitra_id: '00000000-0000-4000-8000-000000000000',
    session_id: 'x',
    version: 'one',
  }),
];
const PARAM_VALUES = ['x', '00000000-0000-4000-8000-000000000000', '%20', 'a'.repeat(300)];

describe('no route answers 500 to bad input', () => {
  it('walks every documented route', async () => {
    const doc = await json(s.request('/openapi.json'));
    const problems: string[] = [];
    let calls = 0;
    for (const [rawPath, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      const template = rawPath.replace(/#.*$/, '');
      for (const method of Object.keys(item).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))) {
        for (const param of PARAM_VALUES) {
          const path =
            template.replace(/\{[^}]+\}/g, encodeURIComponent(param)) +
            (method === 'get' ? '?limit=abc&cursor=-1&path=//&user_id=' : '');
          for (const [who, headers] of Object.entries(callers)) {
            for (const [i, body] of (method === 'get' ? [undefined] : BODIES).entries()) {
              // The last body also goes out as text/plain: a wrong content type must not skip validation.
              const type: Record<string, string> =
                body === undefined
                  ? {}
                  : { 'content-type': i === BODIES.length - 1 ? 'text/plain' : 'application/json' };
              const res = await s.request(path, {
                method: method.toUpperCase(),
                headers: { ...headers, ...type, cookie: 'cc_refresh_token=garbage' },
                body,
              });
              calls++;
              const text = await res.text();
              if (res.status >= 500 || (res.status >= 400 && !/"error":\{"code":"[A-Z_]+"/.test(text))) {
                problems.push(
                  `${method.toUpperCase()} ${path} as ${who} body=${body?.slice(0, 40)} → ${res.status} ${text.slice(0, 120)}`,
                );
              }
            }
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
  }, 240_000);
});
