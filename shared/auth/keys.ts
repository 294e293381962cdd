import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

export type SigningAlg = 'ES256' | 'RS256';

export interface SigningKey {
  kid: string;
  alg: SigningAlg;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** Env values may carry PEM newlines as literal "\n". */
export const normalisePem = (pem: string) => pem.replace(/\\n/g, '\n');

/** Accepts EC P-256 (ES256) or RSA ≥ 2048 bits (RS256); anything else is refused at start-up. */
export function describeSigningKey(pem: string): { alg: SigningAlg; key: KeyObject } | { problem: string } {
  let key: KeyObject;
  try {
    key = createPrivateKey(normalisePem(pem));
  } catch {
    return { problem: 'not a PEM private key' };
  }
  const d = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'ec') {
    return d.namedCurve === 'prime256v1' ? { alg: 'ES256', key } : { problem: `EC curve ${d.namedCurve} is not P-256` };
  }
  if (key.asymmetricKeyType === 'rsa') {
    return (d.modulusLength ?? 0) >= 2048
      ? { alg: 'RS256', key }
      : { problem: `RSA key of ${d.modulusLength} bits is too weak (need ≥ 2048)` };
  }
  return { problem: `unsupported key type ${key.asymmetricKeyType}` };
}

export function signingKey(pem: string, kid: string): SigningKey {
  const described = describeSigningKey(pem);
  if ('problem' in described) throw new Error(described.problem);
  return { kid, alg: described.alg, privateKey: described.key, publicKey: createPublicKey(described.key) };
}
