import { readFileSync } from 'node:fs';
import { publicJwks, signingKey } from '../shared/auth';

// `npx tsx scripts/auth-public-keys.ts k1=auth-signing-key.pem [k0=previous.pem]`: the value of the
// auth-public-keys secret (AUTH_PUBLIC_KEYS), the public halves of auth's keys by kid, for every function
// but auth to verify access tokens with. While rotating, list the new key and the old one.
const pairs = process.argv.slice(2).map((arg) => arg.split(/=(.*)/s, 2) as [string, string | undefined]);
if (pairs.length === 0 || pairs.some(([kid, file]) => !kid || !file)) {
  console.error('usage: tsx scripts/auth-public-keys.ts <kid>=<private key PEM file> …');
  process.exit(1);
}
console.log(JSON.stringify(publicJwks(pairs.map(([kid, file]) => signingKey(readFileSync(file!, 'utf8'), kid)))));
