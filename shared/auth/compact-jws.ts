import { verify as verifySignature } from 'node:crypto';
import type { VerificationKey } from '../security/keys';

/**
 * Verifies a compact JWS signed with one of our own keys, with node:crypto directly. Our access tokens
 * are checked on every authenticated request; jose's WebCrypto path spends about twice the CPU of the
 * signature itself on it (docs/decisions.md 34). The check itself still runs off the event loop. Third-party tokens (Google, Apple, OIDC, IAP) stay with
 * jose and their key sets. The rules are jose's for a known key and algorithm: three base64url parts, a
 * JSON object header whose `alg` is the key's, no `crit` (we understand no extension), a signature of
 * the key's exact shape, and a JSON object payload.
 * test/unit/compact-jws.test.ts holds it to jose's answers for tokens built and mangled at random.
 */
type JwsFailure = 'malformed' | 'header' | 'signature' | 'payload';

export class JwsError extends Error {
  constructor(failure: JwsFailure) {
    super(`JWS ${failure}`);
  }
}

export interface VerifiedJws {
  payload: Record<string, unknown>;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;
/** Far above any token we issue (~400 bytes); a bound before any decoding or hashing. */
export const MAX_TOKEN_LENGTH = 8192;
const ES256_SIGNATURE_BYTES = 64;

function jsonObject(part: string, failure: JwsFailure): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new JwsError(failure);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new JwsError(failure);
  return value as Record<string, unknown>;
}

/** node:crypto's verify with a callback: the signature check runs on libuv's pool, as WebCrypto's does. */
function signatureValid(
  alg: VerificationKey['alg'],
  signed: Buffer,
  key: VerificationKey['publicKey'],
  signature: Buffer,
) {
  return new Promise<boolean>((resolve) => {
    const done = (err: Error | null, ok: boolean) => resolve(!err && ok);
    if (alg === 'ES256') verifySignature('sha256', signed, { key, dsaEncoding: 'ieee-p1363' }, signature, done);
    else verifySignature('sha256', signed, key, signature, done);
  });
}

/**
 * `keyFor` picks the key from the (still unverified) header, e.g. by `kid`; no key, no token. The token
 * is split and its header decoded once.
 */
export async function verifyCompactJws(
  token: string,
  keyFor: (header: Record<string, unknown>) => VerificationKey | undefined,
): Promise<VerifiedJws> {
  const [h, p, s, extra] = token.length <= MAX_TOKEN_LENGTH ? token.split('.') : [];
  if (!h || !p || !s || extra !== undefined) throw new JwsError('malformed');
  if (!BASE64URL.test(h) || !BASE64URL.test(p) || !BASE64URL.test(s)) throw new JwsError('malformed');
  const header = jsonObject(h, 'header');
  const key = keyFor(header);
  if (!key || header.alg !== key.alg || header.crit !== undefined) throw new JwsError('header');
  const signature = Buffer.from(s, 'base64url');
  if (key.alg === 'ES256' && signature.length !== ES256_SIGNATURE_BYTES) throw new JwsError('signature');
  const signed = Buffer.from(`${h}.${p}`, 'latin1');
  if (!(await signatureValid(key.alg, signed, key.publicKey, signature))) throw new JwsError('signature');
  return { payload: jsonObject(p, 'payload') };
}
