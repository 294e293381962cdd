import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '../../shared/env';
import { generateSigningKeyPem } from '../../scripts/local/dev-keys';

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
