import { customTokenClaims, type FirebaseTokenMinter } from '../../auth';
import type { Clock } from '../../clock';

export const IAM_CREDENTIALS_BASE_URL = 'https://iamcredentials.googleapis.com/v1';
const METADATA_TOKEN_URL = 'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token';
const TIMEOUT_MS = 5000;
/** A cached access token is renewed this long before it expires. */
const RENEW_BEFORE_MS = 60_000;
const EMAIL = /^[a-z0-9][a-z0-9._-]*@[a-z0-9][a-z0-9.-]*\.[a-z]+$/i;

type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/**
 * The function's own access token from the metadata server, which is where Application Default
 * Credentials come from on Cloud Run; cached until a minute before it expires. No key file anywhere.
 */
export function metadataAccessToken(fetchFn: FetchLike = fetch, nowMs: () => number = Date.now) {
  let cached: { token: string; renewAt: number } | undefined;
  return async (): Promise<string> => {
    if (cached && nowMs() < cached.renewAt) return cached.token;
    const res = await fetchFn(METADATA_TOKEN_URL, {
      headers: { 'metadata-flavor': 'Google' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`metadata server token: HTTP ${res.status}`);
    const body = (await res.json()) as { access_token: string; expires_in: number };
    cached = { token: body.access_token, renewAt: nowMs() + body.expires_in * 1000 - RENEW_BEFORE_MS };
    return cached.token;
  };
}

/**
 * Firebase custom tokens signed by Google with the service account's system-managed key, through the
 * IAM Service Account Credentials API (`projects/-/serviceAccounts/{email}:signJwt`), called as that
 * same service account (it holds roles/iam.serviceAccountTokenCreator on itself). The API adds the
 * RS256 header with its key id; the payload is the claims set Firebase requires.
 */
export class IamFirebaseTokenMinter implements FirebaseTokenMinter {
  constructor(
    private readonly serviceAccount: string,
    private readonly clock: Clock,
    private readonly accessToken: () => Promise<string> = metadataAccessToken(),
    private readonly fetchFn: FetchLike = fetch,
  ) {
    if (!EMAIL.test(serviceAccount)) throw new Error('The signing service account must be an email address');
  }

  async mint(uid: string, claims: Record<string, unknown>): Promise<{ token: string; expiresAt: Date }> {
    const payload = customTokenClaims(this.serviceAccount, uid, claims, this.clock.now());
    const res = await this.fetchFn(
      `${IAM_CREDENTIALS_BASE_URL}/projects/-/serviceAccounts/${this.serviceAccount}:signJwt`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${await this.accessToken()}`, 'content-type': 'application/json' },
        body: JSON.stringify({ payload: JSON.stringify(payload) }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      },
    );
    if (!res.ok) throw new Error(`IAM signJwt: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
    const { signedJwt } = (await res.json()) as { keyId: string; signedJwt: string };
    return { token: signedJwt, expiresAt: new Date(payload.exp * 1000) };
  }
}
