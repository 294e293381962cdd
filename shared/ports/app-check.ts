/** Firebase App Check (SPEC §13): is this request from our genuine app? */
export type AppCheckResult = { valid: true; appId: string } | { valid: false; reason: string };

export interface AppCheckVerifier {
  /** The `X-Firebase-AppCheck` header's token; missing, forged, expired or for another project → invalid. */
  verify(token: string | undefined): Promise<AppCheckResult>;
}
