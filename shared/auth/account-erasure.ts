import type { Tx } from '../outbox';
import type { Queryable } from '../db/pool';
import { endFirestoreAccess } from './firestore-access';
import { deleteRefreshTokensOfUser } from './repo/auth-refresh-tokens';
import { deleteEndedSessions, forgetDevicesOfUser, revokeUserSessions } from './repo/auth-sessions';
import { deleteOtpRequestsBefore, deleteOtpRequestsOf } from './repo/otp-requests';

/**
 * Account deletion (SPEC §14), in the caller's transaction: every auth session revoked (its access tokens
 * are refused within REVOCATION_MAX_LAG_SECONDS; the caller marks the answer's ids revoked on its own
 * instance after the commit), every refresh token deleted (a refresh is 401 REFRESH_INVALID), the devices
 * the sessions were used from forgotten, the OTP requests sent to the phone deleted, and the Firestore
 * epoch moved on (SPEC §13). Repeating it revokes nothing more.
 */
export async function endAccountAccess(
  t: Tx,
  side: 'customer' | 'mitra',
  userId: string,
  phone: string | null,
  now: Date,
): Promise<string[]> {
  const revoked = await revokeUserSessions(t, side, userId, 'account_deleted', now);
  await deleteRefreshTokensOfUser(t, side, userId);
  await forgetDevicesOfUser(t, side, userId);
  if (phone) await deleteOtpRequestsOf(t, side, phone);
  await endFirestoreAccess(t, side, userId);
  return revoked;
}

/**
 * One bounded batch of the retention job: OTP requests (phone, IP) and auth sessions revoked or expired
 * (user agent, IP) before `cutoff` go. Answers how many rows of each.
 */
export async function purgeAuthRecords(q: Queryable, cutoff: Date, limit: number) {
  return {
    otp_requests: await deleteOtpRequestsBefore(q, cutoff, limit),
    auth_sessions: await deleteEndedSessions(q, cutoff, limit),
  };
}
