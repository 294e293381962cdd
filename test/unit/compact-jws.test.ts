import { generateKeyPairSync, sign } from 'node:crypto';
import fc from 'fast-check';
import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { JwsError, MAX_TOKEN_LENGTH, verifyCompactJws } from '../../shared/auth/compact-jws';
import { signingKey, type SigningKey } from '../../shared/security/keys';
import { generateSigningKeyPem } from '../../scripts/local/dev-keys';

// Our verifier against jose's, on tokens built and mangled at random with our keys, a foreign key and
// no key at all: whatever we accept jose accepts with the same payload, and whatever jose accepts we
// accept, unless a part is not canonical base64url (padding, whitespace), which only we refuse.
const rsaPem = () =>
  generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const es256 = signingKey(generateSigningKeyPem(), 'k-ec');
const rs256 = signingKey(rsaPem(), 'k-rsa');
const foreign = signingKey(generateSigningKeyPem(), 'k-ec');

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');

function signature(input: string, by: SigningKey | 'garbage' | 'empty'): string {
  if (by === 'empty') return '';
  if (by === 'garbage') return b64(Buffer.alloc(64, 7));
  const data = Buffer.from(input);
  return b64(
    by.alg === 'ES256'
      ? sign('sha256', data, { key: by.privateKey, dsaEncoding: 'ieee-p1363' })
      : sign('sha256', data, by.privateKey),
  );
}

const keyUsed = fc.constantFrom(es256, rs256);
/** Mostly the key's own algorithm, so that a good share of the tokens is valid. */
const headerFor = (key: SigningKey) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(`{"alg":"${key.alg}","kid":"${key.kid}","typ":"JWT"}`) },
    { weight: 4, arbitrary: oddHeaders },
  );
const oddHeaders = fc.constantFrom(
  '{"alg":"ES256"}',
  '{"alg":"RS256","kid":"k-rsa"}',
  '{"alg":"none"}',
  '{"alg":"HS256"}',
  '{"alg":"ES384"}',
  '{"alg":"ES256","crit":["exp"],"exp":1}',
  '{"alg":"ES256","b64":false,"crit":["b64"]}',
  '["ES256"]',
  '"ES256"',
  'null',
  '{"alg":"ES256"',
  '',
);
const payloads = fc.oneof(
  { weight: 6, arbitrary: fc.constant('{"sub":"a","iat":1,"exp":99999999999}') },
  { weight: 4, arbitrary: fc.constantFrom('{}', '{"sub":"é\u0000"}', '[]', '42', 'null', '"x"', '{"sub":', '') },
);
const signerFor = (key: SigningKey) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant<SigningKey | 'garbage' | 'empty'>(key) },
    {
      weight: 4,
      arbitrary: fc.constantFrom<SigningKey | 'garbage' | 'empty'>(es256, rs256, foreign, 'garbage', 'empty'),
    },
  );
const mangle = fc.option(
  fc.record({ at: fc.nat(), char: fc.constantFrom('.', '=', ' ', 'A', '_', '-', '+', '/', '\u0000', 'é') }),
  { nil: undefined, freq: 2 },
);
/** A key, then a token: header, payload and signer drawn with that key in mind, sometimes mangled. */
const cases = keyUsed.chain((key) =>
  fc.record({ key: fc.constant(key), h: headerFor(key), p: payloads, by: signerFor(key), m: mangle }),
);

async function joseAnswer(token: string, key: SigningKey): Promise<unknown> {
  try {
    return (await jwtVerify(token, key.publicKey, { algorithms: [key.alg] })).payload;
  } catch {
    return 'refused';
  }
}

async function ourAnswer(token: string, key: SigningKey): Promise<unknown> {
  try {
    return (await verifyCompactJws(token, () => key)).payload;
  } catch (err) {
    expect(err).toBeInstanceOf(JwsError);
    return 'refused';
  }
}

const canonical = (token: string) => /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);

describe('verifyCompactJws', () => {
  it('answers as jose does for tokens built and mangled at random', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(cases, async ({ key, h, p, by, m }) => {
        const input = `${b64(h)}.${b64(p)}`;
        let token = `${input}.${signature(input, by)}`;
        if (m) token = token.slice(0, m.at % (token.length + 1)) + m.char + token.slice(m.at % (token.length + 1));
        const [ours, theirs] = [await ourAnswer(token, key), await joseAnswer(token, key)];
        if (ours !== 'refused' || canonical(token)) expect(ours).toEqual(theirs);
        if (ours !== 'refused') accepted++;
      }),
      { numRuns: 600 },
    );
    expect(accepted).toBeGreaterThan(60); // the property saw plenty of valid tokens, not only refusals
  });

  it('accepts what our keys sign, and refuses the same token checked with another key', async () => {
    const input = `${b64('{"alg":"ES256","kid":"k-ec"}')}.${b64('{"sub":"a"}')}`;
    const token = `${input}.${signature(input, es256)}`;
    expect((await verifyCompactJws(token, () => es256)).payload).toEqual({ sub: 'a' });
    await expect(verifyCompactJws(token, () => foreign)).rejects.toThrow(JwsError);
    await expect(verifyCompactJws(token, () => rs256)).rejects.toThrow(JwsError);
  });

  it('refuses a token past the length bound before decoding it', async () => {
    const input = `${b64('{"alg":"ES256"}')}.${b64(JSON.stringify({ pad: 'x'.repeat(MAX_TOKEN_LENGTH) }))}`;
    await expect(verifyCompactJws(`${input}.${signature(input, es256)}`, () => es256)).rejects.toThrow(JwsError);
  });
});
