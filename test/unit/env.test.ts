import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EnvError, parseDatabaseEnv, parseEnv, usesCloudSqlConnector } from '../../shared/env';
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
    expect(() => parseEnv({ FIRESTORE_EMULATOR_HOST: 'x', AUTH_SIGNING_KEY: base.AUTH_SIGNING_KEY })).toThrow(
      /DATABASE_URL: required when RUNTIME=local/,
    );
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

describe('the database env', () => {
  const cloudSql = {
    CLOUD_SQL_INSTANCE: 'halo-prod:asia-southeast2:halobestie',
    DATABASE_IAM_USER: 'fn-auth@halo-prod.iam',
  };
  const problems = (source: Record<string, string>) => {
    try {
      parseDatabaseEnv(source);
      return [];
    } catch (err) {
      return (err as EnvError).problems;
    }
  };

  it('in production RUNTIME=gcp always connects through the Cloud SQL connector, and refuses a DATABASE_URL', () => {
    const prod = { NODE_ENV: 'production', RUNTIME: 'gcp' };
    expect(usesCloudSqlConnector(parseDatabaseEnv({ ...prod, ...cloudSql }))).toBe(true);
    expect(
      problems({ ...prod, ...cloudSql, DATABASE_URL: 'postgres://app:pw@10.0.0.3/halobestie?sslmode=require' }),
    ).toEqual(['DATABASE_URL: not read in production with RUNTIME=gcp: the Cloud SQL connector connects (unset it)']);
    expect(problems(prod)).toEqual([
      'CLOUD_SQL_INSTANCE: required when RUNTIME=gcp',
      'DATABASE_IAM_USER: required when RUNTIME=gcp',
    ]);
  });

  it('names the instance and the IAM user as Cloud SQL does', () => {
    const gcp = { NODE_ENV: 'production', RUNTIME: 'gcp', ...cloudSql };
    expect(parseDatabaseEnv(gcp)).toMatchObject({ ...cloudSql, DATABASE_NAME: 'halobestie', DATABASE_POOL_MAX: 10 });
    expect(
      parseDatabaseEnv({ ...gcp, CLOUD_SQL_INSTANCE: 'example.com:halo-prod:us-central1:db' }).CLOUD_SQL_INSTANCE,
    ).toBe('example.com:halo-prod:us-central1:db');
    expect(problems({ ...gcp, CLOUD_SQL_INSTANCE: 'halobestie' })).toEqual([
      'CLOUD_SQL_INSTANCE: must be <project>:<region>:<instance>',
    ]);
    // The connector's README: a service account's Postgres IAM user is its email without that suffix.
    expect(problems({ ...gcp, DATABASE_IAM_USER: 'fn-auth@halo-prod.iam.gserviceaccount.com' })).toEqual([
      'DATABASE_IAM_USER: the service account email without .gserviceaccount.com (its Cloud SQL user name)',
    ]);
  });

  it('outside production a DATABASE_URL stands in for the connector; locally it is required', () => {
    const url = 'postgres://postgres@localhost/halo?host=%2Ftmp%2Fpg';
    expect(usesCloudSqlConnector(parseDatabaseEnv({ RUNTIME: 'gcp', DATABASE_URL: url }))).toBe(false);
    expect(usesCloudSqlConnector(parseDatabaseEnv({ RUNTIME: 'gcp', ...cloudSql }))).toBe(true);
    expect(usesCloudSqlConnector(parseDatabaseEnv({ DATABASE_URL: url }))).toBe(false);
    expect(problems({})).toEqual(['DATABASE_URL: required when RUNTIME=local']);
  });

  it('is read alone for the migrate job, which has no signing key', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', RUNTIME: 'gcp', ...cloudSql })).toThrow(/AUTH_SIGNING_KEY/);
    expect(Object.keys(parseDatabaseEnv({ NODE_ENV: 'production', RUNTIME: 'gcp', ...cloudSql })).sort()).toEqual([
      'CLOUD_SQL_INSTANCE',
      'DATABASE_IAM_USER',
      'DATABASE_NAME',
      'DATABASE_POOL_MAX',
      'DATABASE_URL',
      'NODE_ENV',
      'RUNTIME',
    ]);
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
  const { DATABASE_URL: _local, ...withoutUrl } = base;
  const gcpBase = {
    ...withoutUrl,
    NODE_ENV: 'production',
    RUNTIME: 'gcp',
    FUNCTION_URLS: '{}',
    TASKS_INVOKER_SERVICE_ACCOUNT: 'tasks@p.iam.gserviceaccount.com',
    OIDC_ALLOWED_SERVICE_ACCOUNTS: 'tasks@p.iam.gserviceaccount.com',
    CLOUD_SQL_INSTANCE: 'p:asia-southeast2:halobestie',
    DATABASE_IAM_USER: 'fn-auth@p.iam',
  };
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
    'pretty',
    'json',
    'auto',
  ];
  const urls = [
    'http://x',
    ' https://a.example/c ',
    'http://a\tb.example/',
    'postgres://u@h:5432/db',
    'postgres://u@h/db?host=%2Ftmp%2Fpg',
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
    ...['p:asia-southeast2:halobestie', 'example.com:p:us-central1:db', 'p:halobestie', 'P:asia-southeast2:x'],
    ...['fn-auth@p.iam', 'fn-auth@p.iam.gserviceaccount.com', 'halobestie'],
  ];
  const parsed = parseEnv(base) as Record<string, unknown>;
  const poolOf = (key: string) =>
    key.endsWith('_URL')
      ? urls
      : typeof parsed[key] === 'number'
        ? numbers
        : typeof parsed[key] === 'boolean' ||
            ['NODE_ENV', 'RUNTIME', 'LOG_LEVEL', 'LOG_FORMAT', 'OTP_PROVIDER'].includes(key)
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
      fc.constantFrom<Record<string, string>>({}, base, { ...base, FUNCTION_URLS: '{}', RUNTIME: 'gcp' }, gcpBase),
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
