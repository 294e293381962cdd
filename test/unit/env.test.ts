import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '../../shared/env';
import { generateSigningKeyPem } from '../../scripts/local/dev-keys';
import { zodEnvSchema } from '../helpers/env-zod-reference';

const base = {
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
  FIRESTORE_EMULATOR_HOST: '127.0.0.1:8681',
  AUTH_SIGNING_KEY: generateSigningKeyPem(),
};

describe('parseEnv', () => {
  it('applies defaults and freezes the result', () => {
    const env = parseEnv(base);
    expect(env.PORT).toBe(8080);
    expect(env.MITRA_HEARTBEAT_CADENCE_SECONDS).toBe(30);
    expect(env.ENABLE_TEST_ROUTES).toBe(false);
    expect(Object.isFrozen(env)).toBe(true);
  });

  it('parses numbers and booleans from strings', () => {
    const env = parseEnv({ ...base, PORT: '9000', ENABLE_TEST_ROUTES: 'true', MITRA_HEARTBEAT_CADENCE_SECONDS: '15' });
    expect(env).toMatchObject({ PORT: 9000, ENABLE_TEST_ROUTES: true, MITRA_HEARTBEAT_CADENCE_SECONDS: 15 });
    expect(parseEnv({ ...base, ENABLE_TEST_ROUTES: '1' }).ENABLE_TEST_ROUTES).toBe(true);
    expect(parseEnv({ ...base, ENABLE_TEST_ROUTES: '0' }).ENABLE_TEST_ROUTES).toBe(false);
  });

  it('names the variable that is wrong', () => {
    expect(() => parseEnv({ ...base, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseEnv({ FIRESTORE_EMULATOR_HOST: 'x' })).toThrow(/DATABASE_URL/);
    try {
      parseEnv({ ...base, ENABLE_TEST_ROUTES: 'yes' });
    } catch (err) {
      expect(err).toBeInstanceOf(EnvError);
      expect((err as EnvError).problems[0]).toMatch(/^ENABLE_TEST_ROUTES/);
    }
  });

  it('refuses test routes in production', () => {
    expect(() => parseEnv({ ...base, NODE_ENV: 'production', ENABLE_TEST_ROUTES: 'true' })).toThrow(
      /ENABLE_TEST_ROUTES: must not be true in production/,
    );
  });

  it('requires the GCP wiring when RUNTIME=gcp', () => {
    expect(() => parseEnv({ ...base, RUNTIME: 'gcp' })).toThrow(/FUNCTION_URLS/);
    expect(() => parseEnv({ ...base, FUNCTION_URLS: 'not json' })).toThrow(/FUNCTION_URLS/);
  });
});

describe('FIREBASE_SIGNER_SERVICE_ACCOUNT', () => {
  it('is the email of the service account that signs Firebase custom tokens (no key: SPEC §4)', () => {
    const email = 'auth@halo-prod.iam.gserviceaccount.com';
    expect(parseEnv({ ...base, FIREBASE_SIGNER_SERVICE_ACCOUNT: email }).FIREBASE_SIGNER_SERVICE_ACCOUNT).toBe(email);
    expect(() => parseEnv({ ...base, FIREBASE_SIGNER_SERVICE_ACCOUNT: '{"client_email":"a@b"}' })).toThrow(
      /FIREBASE_SIGNER_SERVICE_ACCOUNT: must be a service-account email/,
    );
  });
});

describe('IAP_AUDIENCE at start-up', () => {
  it('accepts the audience Terraform passes (/projects/<number>/global/backendServices/<id>)', () => {
    const env = parseEnv({ ...base, IAP_AUDIENCE: '/projects/123456789012/global/backendServices/987654321' });
    expect(env.IAP_AUDIENCE).toBe('/projects/123456789012/global/backendServices/987654321');
    expect(parseEnv({ ...base, IAP_AUDIENCE: '' }).IAP_AUDIENCE).toBeUndefined();
  });

  it('refuses anything else, naming the variable (a wrong audience would refuse every control-center call)', () => {
    expect(() => parseEnv({ ...base, IAP_AUDIENCE: 'be-cc-auth' })).toThrow(/IAP_AUDIENCE: must be \/projects/);
    expect(() => parseEnv({ ...base, IAP_AUDIENCE: '/projects/p/global/backendServices/be-cc-auth' })).toThrow(
      /IAP_AUDIENCE/,
    );
  });
});

describe('parseEnv against the zod schema it replaced', () => {
  const pem = base.AUTH_SIGNING_KEY;
  const keys = Object.keys(parseEnv(base));
  const numbers = [
    '',
    ' ',
    '0',
    '1',
    '-1',
    '59',
    '60',
    '100',
    '8080',
    ' 12 ',
    '3.5',
    '1e3',
    '1e20',
    '0x10',
    'Infinity',
    'NaN',
  ];
  const words = [
    'true',
    'false',
    '1',
    '0',
    'yes',
    'local',
    'gcp',
    'production',
    'development',
    'test',
    'stub',
    'fazpass',
  ];
  const urls = [
    'http://x',
    ' https://a.example/c ',
    'http://a\tb.example/',
    'postgres://u@h:5432/db',
    'not a url',
    'http://',
  ];
  const texts = [
    ...[
      '',
      ' ',
      '{}',
      '[]',
      '{"a":"http://x"}',
      'null',
      '{"client_email":"a@b","private_key":"k"}',
      '{"client_email":1}',
      'auth@halo-prod.iam.gserviceaccount.com',
      'not an email',
      'a@b/c',
    ],
    ...['/projects/1/global/backendServices/2', '/projects/p/global/backendServices/2', 'k2', pem, 'garbage', 'debug'],
  ];
  const parsed = parseEnv(base) as Record<string, unknown>;
  const poolOf = (key: string) =>
    key.endsWith('_URL')
      ? urls
      : typeof parsed[key] === 'number'
        ? numbers
        : typeof parsed[key] === 'boolean' || ['NODE_ENV', 'RUNTIME', 'LOG_LEVEL', 'OTP_PROVIDER'].includes(key)
          ? words
          : texts;
  const anything = fc.constantFrom(...numbers, ...words, ...urls, ...texts);
  const change = fc.constantFrom(...keys).chain((key) =>
    fc.tuple(
      fc.constant(key),
      fc.option(
        fc.oneof({ arbitrary: fc.constantFrom(...poolOf(key)), weight: 4 }, anything, fc.string({ maxLength: 6 })),
        {
          nil: undefined,
        },
      ),
    ),
  );
  // A few variables at a time on top of a working env (or none), so that both outcomes are common.
  const env = fc
    .tuple(
      fc.constantFrom<Record<string, string>>({}, base, { ...base, FUNCTION_URLS: '{}', RUNTIME: 'gcp' }),
      fc.array(change, { maxLength: 3 }),
    )
    .map(([start, changes]) => ({ ...start, ...Object.fromEntries(changes) }));
  // zod ran the rules across variables unless a value had the wrong type; parseEnv runs them once every
  // variable is well formed. Either way the function refuses to start.
  const named = (issues: Array<{ code: string; path: PropertyKey[] }>) => {
    const malformed = issues.filter((i) => i.code !== 'custom');
    return new Set((malformed.length ? malformed : issues).map((i) => String(i.path[0])));
  };

  it('accepts exactly what it accepted, with the same values, and names the same variables otherwise', () => {
    let accepted = 0;
    fc.assert(
      fc.property(env, (source) => {
        const expected = zodEnvSchema.safeParse(source, { jitless: true });
        let actual: unknown;
        try {
          actual = parseEnv(source as Record<string, string | undefined>);
        } catch (err) {
          if (!(err instanceof EnvError)) throw err;
          expect(expected.success).toBe(false);
          expect(new Set(err.problems.map((p) => p.slice(0, p.indexOf(':'))))).toEqual(named(expected.error!.issues));
          return;
        }
        expect(expected.success).toBe(true);
        expect({ ...(actual as object) }).toEqual(expected.data);
        accepted++;
      }),
      { numRuns: 600 },
    );
    expect(accepted).toBeGreaterThan(50);
  });
});
