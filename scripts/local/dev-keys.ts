import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { publicJwks, signingKey } from '../../shared/auth';

export function generateSigningKeyPem(): string {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

/** A development signing key kept in .data/keys, so tokens survive `npm start` restarts. Never used in GCP. */
export function ensureDevSigningKey(dataDir: string): string {
  const file = path.join(dataDir, 'keys', 'auth-signing-key.pem');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, generateSigningKeyPem(), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8');
}

/** AUTH_PUBLIC_KEYS for a private key: what every function but auth verifies with, derived here for local use. */
export const publicKeysOf = (pem: string, kid = 'k1'): string => JSON.stringify(publicJwks([signingKey(pem, kid)]));
