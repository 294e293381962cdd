import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, parseDatabaseEnv, parseEnv, usesCloudSqlConnector } from '../../shared/env';
import { FUNCTION_NAMES, type FunctionName } from '../../shared/path-table';
import { generateSigningKeyPem, publicKeysOf } from '../../scripts/local/dev-keys';
import { warmUpEnv } from '../../scripts/warm-code-cache';

const key = generateSigningKeyPem();
const base = {
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
  FIRESTORE_EMULATOR_HOST: '127.0.0.1:8681',
  AUTH_SIGNING_KEY: key,
};
/** Every variable named in a refusal. */
function refused(source: Record<string, string | undefined>, serving: FunctionName | readonly FunctionName[]) {
  try {
    parseEnv(source, serving);
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    return err.problems;
  }
  return [];
}
const without = (env: Record<string, string>, ...keys: string[]) =>
  Object.fromEntries(Object.entries(env).filter(([k]) => !keys.includes(k)));

describe('parseEnv', () => {
  it('applies defaults and freezes the result', () => {
    const env = parseEnv(base, FUNCTION_NAMES);
    expect(env.PORT).toBe(8080);
    expect(env.MITRA_HEARTBEAT_CADENCE_SECONDS).toBe(30);
    expect(env.ENABLE_TEST_ROUTES).toBe(false);
    expect(env.OIDC_AUDIENCE).toBe('halobestie-local');
    expect(Object.isFrozen(env)).toBe(true);
  });

  it('parses numbers and booleans from strings; a blank variable is unset', () => {
    const env = parseEnv(
      { ...base, PORT: '9000', ENABLE_TEST_ROUTES: 'true', MITRA_HEARTBEAT_CADENCE_SECONDS: ' 15 ' },
      [],
    );
    expect(env).toMatchObject({ PORT: 9000, ENABLE_TEST_ROUTES: true, MITRA_HEARTBEAT_CADENCE_SECONDS: 15 });
    expect(parseEnv({ ...base, ENABLE_TEST_ROUTES: '1' }, []).ENABLE_TEST_ROUTES).toBe(true);
    expect(parseEnv({ ...base, ENABLE_TEST_ROUTES: '0' }, []).ENABLE_TEST_ROUTES).toBe(false);
    const blank = parseEnv({ ...base, XENDIT_SECRET_KEY: '  ', PORT: '', NODE_ENV: ' ', AUTH_SIGNING_KEY_ID: '' }, []);
    expect(blank).toMatchObject({ XENDIT_SECRET_KEY: undefined, PORT: 8080, NODE_ENV: 'development' });
    expect(blank.AUTH_SIGNING_KEY_ID).toBe('k1');
    expect(parseEnv({ ...base, DATABASE_URL: ' postgres://u@h/db ' }, []).DATABASE_URL).toBe('postgres://u@h/db');
  });

  it('takes whole numbers in decimal digits at or above their minimum, and nothing else', () => {
    for (const ok of ['60', '3600', '0120'])
      expect(parseEnv({ ...base, ACCESS_TOKEN_TTL_SECONDS: ok }, []).ACCESS_TOKEN_TTL_SECONDS).toBe(Number(ok));
    for (const bad of ['59', '0', '-1', '1.5', '1e3', '0x10', 'Infinity', 'NaN', '12abc', '99999999999999999999']) {
      expect(refused({ ...base, ACCESS_TOKEN_TTL_SECONDS: bad }, [])).toEqual([
        expect.stringMatching(/^ACCESS_TOKEN_TTL_SECONDS: expected a whole number/),
      ]);
    }
    expect(refused({ ...base, ACCESS_TOKEN_TTL_SECONDS: '59' }, [])).toEqual([
      'ACCESS_TOKEN_TTL_SECONDS: expected a whole number ≥ 60, got 59',
    ]);
  });

  it('names every variable that is wrong, and what it expected', () => {
    expect(refused({ ...base, PORT: 'eighty' }, [])).toEqual(['PORT: expected a whole number, got "eighty"']);
    expect(refused({ FIRESTORE_EMULATOR_HOST: 'x' }, [])).toEqual(['DATABASE_URL: required when RUNTIME=local']);
    expect(refused({ ...base, ENABLE_TEST_ROUTES: 'yes', LOG_LEVEL: 'loud', DATABASE_URL: 'not a url' }, [])).toEqual([
      'LOG_LEVEL: expected one of debug | info | warn | error | silent, got "loud"',
      'ENABLE_TEST_ROUTES: expected one of true | false | 1 | 0, got "yes"',
      'DATABASE_URL: expected a URL, got "not a url"',
    ]);
  });

  it('refuses test routes in production', () => {
    expect(() => parseEnv({ ...base, NODE_ENV: 'production', ENABLE_TEST_ROUTES: 'true' }, [])).toThrow(
      /ENABLE_TEST_ROUTES: must not be true in production/,
    );
  });

  it('requires the GCP wiring when RUNTIME=gcp, and the emulator when RUNTIME=local', () => {
    expect(refused({ ...without(base, 'AUTH_SIGNING_KEY'), RUNTIME: 'gcp' }, [])).toEqual([
      'FUNCTION_URLS: required when RUNTIME=gcp',
      'TASKS_INVOKER_SERVICE_ACCOUNT: required when RUNTIME=gcp',
    ]);
    expect(refused({ ...base, FUNCTION_URLS: 'not json' }, [])).toEqual([
      'FUNCTION_URLS: must be a JSON object of function name to URL',
    ]);
    expect(refused(without(base, 'FIRESTORE_EMULATOR_HOST'), [])).toEqual([
      expect.stringMatching(/^FIRESTORE_EMULATOR_HOST: required when RUNTIME=local/),
    ]);
  });

  it('checks the signing keys', () => {
    expect(refused({ ...base, AUTH_SIGNING_KEY_PREVIOUS: key }, [])).toEqual([
      'AUTH_SIGNING_KEY_PREVIOUS_ID: required with AUTH_SIGNING_KEY_PREVIOUS',
    ]);
    expect(refused({ ...base, AUTH_SIGNING_KEY: 'garbage' }, [])).toEqual(['AUTH_SIGNING_KEY: not a PEM private key']);
  });
});

describe('IAP_AUDIENCE at start-up', () => {
  it('accepts the audience Terraform passes (/projects/<number>/global/backendServices/<id>)', () => {
    const env = parseEnv({ ...base, IAP_AUDIENCE: '/projects/123456789012/global/backendServices/987654321' }, []);
    expect(env.IAP_AUDIENCE).toBe('/projects/123456789012/global/backendServices/987654321');
    expect(parseEnv({ ...base, IAP_AUDIENCE: '' }, []).IAP_AUDIENCE).toBeUndefined();
  });

  it('refuses anything else, naming the variable (a wrong audience would refuse every control-center call)', () => {
    expect(() => parseEnv({ ...base, IAP_AUDIENCE: 'be-cc-auth' }, [])).toThrow(/IAP_AUDIENCE: must be \/projects/);
    expect(() => parseEnv({ ...base, IAP_AUDIENCE: '/projects/p/global/backendServices/be-cc-auth' }, [])).toThrow(
      /IAP_AUDIENCE/,
    );
  });
});

// warmUpEnv is the production env each function gets where the image is built: every guard satisfied.
const production = (fn: FunctionName) => warmUpEnv(fn, key);

describe('production fails closed, per function', () => {
  it('every function starts with its production env', () => {
    for (const fn of FUNCTION_NAMES) expect(refused(production(fn), fn)).toEqual([]);
  });

  it('a function serving /internal/* refuses to start without IAP_AUDIENCE', () => {
    for (const fn of ['auth', 'config', 'internal'] as const) {
      expect(refused(without(production(fn), 'IAP_AUDIENCE'), fn)).toEqual([
        `IAP_AUDIENCE: required in production: ${fn} serves /internal/* behind IAP`,
      ]);
    }
    expect(refused(without(production('session'), 'IAP_AUDIENCE'), 'session')).toEqual([]);
  });

  it('a function serving /tasks/* or /events/* refuses to start without OIDC_AUDIENCE or with no allowed caller', () => {
    for (const fn of ['pairing', 'session', 'payment-webhook', 'workers'] as const) {
      expect(refused(without(production(fn), 'OIDC_AUDIENCE'), fn)).toEqual([
        expect.stringMatching(new RegExp(`^OIDC_AUDIENCE: required in production: ${fn} serves /tasks or /events`)),
      ]);
      for (const empty of [undefined, '', ' , ,']) {
        expect(refused({ ...production(fn), OIDC_ALLOWED_SERVICE_ACCOUNTS: empty }, fn)).toEqual([
          expect.stringMatching(/^OIDC_ALLOWED_SERVICE_ACCOUNTS: required in production/),
        ]);
      }
    }
    expect(refused(without(production('config'), 'OIDC_AUDIENCE', 'OIDC_ALLOWED_SERVICE_ACCOUNTS'), 'config')).toEqual(
      [],
    );
  });

  it('NODE_ENV=production alone turns the guards on too; a local or test env does not need them', () => {
    const local = {
      ...base,
      NODE_ENV: 'production',
      OTP_PROVIDER: 'fazpass',
      FAZPASS_MERCHANT_KEY: 'm',
      FAZPASS_GATEWAY_KEY: 'g',
    };
    expect(refused(local, 'internal')).toEqual([
      'AUTH_SIGNING_KEY: only the auth function holds the signing key; the others get AUTH_PUBLIC_KEYS',
      'IAP_AUDIENCE: required in production: internal serves /internal/* behind IAP',
    ]);
    expect(refused({ ...base, NODE_ENV: 'test' }, FUNCTION_NAMES)).toEqual([]);
  });
});

describe('PII_HASH_KEY (SPEC §13: the kept phone and device hashes)', () => {
  it('pairing refuses to start in production without it; a short key is refused anywhere', () => {
    expect(refused(without(production('pairing'), 'PII_HASH_KEY'), 'pairing')).toEqual([
      'PII_HASH_KEY: required in production by pairing: the key of the kept phone and device hashes',
    ]);
    expect(refused(without(production('session'), 'PII_HASH_KEY'), 'session')).toEqual([]);
    expect(refused({ ...base, PII_HASH_KEY: 'short' }, 'pairing')).toEqual(['PII_HASH_KEY: must be at least 32 bytes']);
    expect(refused({ ...base, NODE_ENV: 'test' }, 'pairing')).toEqual([]);
  });
});

describe('only auth signs', () => {
  it('auth refuses to start without its private key', () => {
    expect(refused(without(production('auth'), 'AUTH_SIGNING_KEY'), 'auth')).toEqual([
      'AUTH_SIGNING_KEY: required by auth: the PEM key it signs access tokens with',
    ]);
  });

  it('every other function starts with the public keys alone, and refuses the private key in production', () => {
    for (const fn of FUNCTION_NAMES.filter((f) => f !== 'auth')) {
      const env = parseEnv(production(fn), fn);
      expect(env.AUTH_SIGNING_KEY).toBeUndefined();
      expect(refused(without(production(fn), 'AUTH_PUBLIC_KEYS'), fn)).toEqual([
        `AUTH_PUBLIC_KEYS: required by ${fn}: the JWK set that verifies access tokens`,
      ]);
      expect(refused({ ...production(fn), AUTH_SIGNING_KEY: key }, fn)).toEqual([
        'AUTH_SIGNING_KEY: only the auth function holds the signing key; the others get AUTH_PUBLIC_KEYS',
      ]);
    }
  });

  it('the local stack and the tests derive the public keys from their one private key; a job needs none', () => {
    expect(refused(base, FUNCTION_NAMES)).toEqual([]);
    expect(refused(without(base, 'AUTH_SIGNING_KEY'), [])).toEqual([]);
  });

  it('refuses a key set that is not one: not JSON, empty, a private member, a weak key, a kid twice', () => {
    const good = JSON.parse(publicKeysOf(key)) as { keys: Array<Record<string, string>> };
    const jwk = good.keys[0]!;
    const cases: Array<[string, RegExp]> = [
      ['{', /not JSON/],
      ['{"keys":[]}', /at least one key/],
      [JSON.stringify({ keys: [{ ...jwk, d: 'AAAA' }] }), /holds a private key/],
      [JSON.stringify({ keys: [{ ...jwk, kid: undefined }] }), /has no kid/],
      [JSON.stringify({ keys: [{ ...jwk, alg: 'RS256' }] }), /says alg RS256 but is an ES256 key/],
      [JSON.stringify({ keys: [jwk, jwk] }), /kid k1 appears twice/],
      [JSON.stringify({ keys: [{ kty: 'oct', k: 'c2VjcmV0', kid: 'h' }] }), /key h/],
    ];
    for (const [value, problem] of cases) {
      const problems = refused({ ...production('session'), AUTH_PUBLIC_KEYS: value }, 'session');
      expect(problems).toEqual([expect.stringMatching(/^AUTH_PUBLIC_KEYS: /)]);
      expect(problems[0]).toMatch(problem);
    }
  });
});

describe('who reads the environment', () => {
  it('in the product code, only the boot of a function does (everything else gets the parsed Env)', () => {
    const files = ['shared', 'functions'].flatMap((dir) =>
      (readdirSync(dir, { recursive: true }) as string[])
        .filter((f) => f.endsWith('.ts'))
        .map((f) => path.join(dir, f)),
    );
    const readers = files.filter((f) => /process\.env\b/.test(readFileSync(f, 'utf8')));
    expect(readers).toEqual([path.join('shared', 'http', 'boot.ts')]);
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
    expect(() => parseEnv({ NODE_ENV: 'production', RUNTIME: 'gcp', ...cloudSql }, 'auth')).toThrow(/AUTH_SIGNING_KEY/);
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
    expect(parseEnv({ ...base, FIREBASE_SIGNER_SERVICE_ACCOUNT: email }, []).FIREBASE_SIGNER_SERVICE_ACCOUNT).toBe(
      email,
    );
    expect(() => parseEnv({ ...base, FIREBASE_SIGNER_SERVICE_ACCOUNT: '{"client_email":"a@b"}' }, [])).toThrow(
      /FIREBASE_SIGNER_SERVICE_ACCOUNT: must be a service-account email/,
    );
  });
});
