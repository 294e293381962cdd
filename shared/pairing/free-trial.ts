import type { AppConfig } from '../config';
import { AppError } from '../errors';
import type { Tx } from '../outbox';
import { piiHash } from '../security/pii-hash';
import { hasUsedFreeTrial } from '../sessions';
import type { CustomerRow } from '../users';
import { claimFreeTrial, freeTrialClaimed, releaseFreeTrial } from './repo/free-trial-claims';

const unavailable = (reason: 'disabled' | 'phone_required' | 'used') =>
  new AppError('FREE_TRIAL_UNAVAILABLE', undefined, { reason });

export interface TrialHashes {
  phone: Buffer | null;
  device: Buffer;
}

/**
 * SPEC §13's free-trial eligibility, checked before anything is written: enabled; with
 * `requires_phone` only a phone-verified customer; never twice for this customer, this phone number
 * (kept as a keyed hash, so also across deleted and recreated accounts) or this device.
 */
export async function freeTrialEligibility(
  t: Tx,
  hashKey: string,
  cfg: AppConfig['free_trial'],
  customer: Pick<CustomerRow, 'id' | 'phone'>,
  deviceId: string | undefined,
): Promise<TrialHashes> {
  if (!cfg.enabled) throw unavailable('disabled');
  if (!deviceId) throw AppError.invalid('x-device-id', 'a free trial is counted per device: send X-Device-Id');
  if (cfg.requires_phone && !customer.phone) throw unavailable('phone_required');
  const hashes = {
    phone: customer.phone ? piiHash(hashKey, 'phone', customer.phone) : null,
    device: piiHash(hashKey, 'device', deviceId),
  };
  if ((await hasUsedFreeTrial(t, customer.id)) || (await freeTrialClaimed(t, hashes.phone, hashes.device)))
    throw unavailable('used');
  return hashes;
}

/** The claim, with the request that makes it; a request racing for the same phone or device loses here. */
export async function claimTrial(t: Tx, hashes: TrialHashes, requestId: string, customerId: string, now: Date) {
  const claimed = await claimFreeTrial(
    t,
    { request_id: requestId, customer_id: customerId, phone_hash: hashes.phone, device_hash: hashes.device },
    now,
  );
  if (!claimed) throw unavailable('used');
}

/** A free-trial request that ended without a session gives its phone and device their trial back. */
export async function releaseTrial(t: Tx, r: { id: string; is_free_trial: boolean }): Promise<void> {
  if (r.is_free_trial) await releaseFreeTrial(t, r.id);
}
