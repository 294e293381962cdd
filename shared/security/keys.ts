import { createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';

export type SigningAlg = 'ES256' | 'RS256';

/** What verifies our access tokens: every function holds these. */
export interface VerificationKey {
  kid: string;
  alg: SigningAlg;
  publicKey: KeyObject;
}

/** Only the auth function holds one (it alone issues tokens). */
export interface SigningKey extends VerificationKey {
  privateKey: KeyObject;
}

export type PublicJwk = JsonWebKey & { kid: string; alg: SigningAlg; use: 'sig' };

/** Env values may carry PEM newlines as literal "\n". */
export const normalisePem = (pem: string) => pem.replace(/\\n/g, '\n');

/** EC P-256 (ES256) or RSA ≥ 2048 bits (RS256); anything else is refused at start-up. */
function algorithmOf(key: KeyObject): { alg: SigningAlg } | { problem: string } {
  const d = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'ec') {
    return d.namedCurve === 'prime256v1' ? { alg: 'ES256' } : { problem: `EC curve ${d.namedCurve} is not P-256` };
  }
  if (key.asymmetricKeyType === 'rsa') {
    return (d.modulusLength ?? 0) >= 2048
      ? { alg: 'RS256' }
      : { problem: `RSA key of ${d.modulusLength} bits is too weak (need ≥ 2048)` };
  }
  return { problem: `unsupported key type ${key.asymmetricKeyType}` };
}

export function describeSigningKey(pem: string): { alg: SigningAlg; key: KeyObject } | { problem: string } {
  let key: KeyObject;
  try {
    key = createPrivateKey(normalisePem(pem));
  } catch {
    return { problem: 'not a PEM private key' };
  }
  const described = algorithmOf(key);
  return 'problem' in described ? described : { alg: described.alg, key };
}

export function signingKey(pem: string, kid: string): SigningKey {
  const described = describeSigningKey(pem);
  if ('problem' in described) throw new Error(described.problem);
  return { kid, alg: described.alg, privateKey: described.key, publicKey: createPublicKey(described.key) };
}

/** The public half as a JWK set: what /.well-known/jwks.json serves and AUTH_PUBLIC_KEYS holds. */
export function publicJwks(keys: readonly VerificationKey[]): { keys: PublicJwk[] } {
  return { keys: keys.map((k) => ({ ...k.publicKey.export({ format: 'jwk' }), kid: k.kid, alg: k.alg, use: 'sig' })) };
}

/**
 * AUTH_PUBLIC_KEYS: the JWK set every function but auth verifies with (the current kid and, while
 * rotating, the previous one). A member that carries private parts is refused: it would put the signing
 * key where the least privilege says it must not be.
 */
export function describePublicKeys(json: string): VerificationKey[] | { problem: string } {
  let set: unknown;
  try {
    set = JSON.parse(json);
  } catch {
    return { problem: 'not JSON (a JWK set: {"keys":[…]})' };
  }
  const members = (set as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(members) || members.length === 0) return { problem: 'must be a JWK set with at least one key' };
  const keys: VerificationKey[] = [];
  for (const [i, jwk] of (members as Array<Record<string, unknown>>).entries()) {
    if (typeof jwk !== 'object' || jwk === null) return { problem: `key ${i} is not an object` };
    if (typeof jwk.kid !== 'string' || !jwk.kid) return { problem: `key ${i} has no kid` };
    if ('d' in jwk) return { problem: `key ${jwk.kid} holds a private key; publish the public half only` };
    let publicKey: KeyObject;
    try {
      publicKey = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
    } catch {
      return { problem: `key ${jwk.kid} is not a public JWK` };
    }
    const described = algorithmOf(publicKey);
    if ('problem' in described) return { problem: `key ${jwk.kid}: ${described.problem}` };
    if (jwk.alg !== undefined && jwk.alg !== described.alg) {
      return { problem: `key ${jwk.kid} says alg ${String(jwk.alg)} but is an ${described.alg} key` };
    }
    if (keys.some((k) => k.kid === jwk.kid)) return { problem: `kid ${jwk.kid} appears twice` };
    keys.push({ kid: jwk.kid, alg: described.alg, publicKey });
  }
  return keys;
}

export function publicKeys(json: string): VerificationKey[] {
  const described = describePublicKeys(json);
  if ('problem' in described) throw new Error(described.problem);
  return described;
}
