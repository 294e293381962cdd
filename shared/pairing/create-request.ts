import { AppError } from '../errors';
import { enforceLimit } from '../limits';
import { commitWithEffects, effect } from '../outbox';
import { liveSessionOfCustomer, unpaidCooldownSeconds } from '../sessions';
import { findCustomer, isGuest } from '../users';
import { availabilityAt } from './availability';
import type { PairingDeps } from './deps';
import { offerBatchEffects } from './effects';
import { expireLockedRequest } from './expire-request';
import { claimTrial, freeTrialEligibility, type TrialHashes } from './free-trial';
import { pairingDocPath, PAIRING_PATHS } from './paths';
import { findByIdempotencyKey, insertRequest, openRequestOf } from './repo/chat-requests';
import { countOfferBatch } from './repo/chat-request-notifications';
import { offerWave } from './repo/chat-request-notifications.offers';
import { queueStatus } from './queue-status';
import { pairingDoc, requestCreatedView } from './views';
import { nextWave, waveLimit } from './waves';

export interface ChatRequestInput {
  topic_sensitivity: 'regular' | 'sensitive';
  tier_id?: string;
  free_trial?: true;
  target_mitra_id?: string;
}

/** What the app sends beside the body: the replay key, its device id and its App Check token. */
export interface RequestContext {
  idempotencyKey?: string;
  deviceId?: string;
  appCheckToken?: string;
}

/**
 * A customer asks to talk: the request, its first wave (one notification per mitra offered: one offer
 * batch), the blast, the batch's notification timeout, the next wave's task, the request timeout and the
 * pairing doc — one transaction.
 * The customer row lock serialises one customer's requests (one open request, Idempotency-Key replays).
 * SPEC §13 before any of it: App Check, the unpaid cool-down, the per-customer and per-device limits
 * (taken in the transaction, so a refused or failed request costs no token) and the free trial's
 * once per phone and device.
 */
export async function createRequest(
  deps: PairingDeps,
  customerId: string,
  input: ChatRequestInput,
  ctx: RequestContext = {},
) {
  await deps.appCheck.require(ctx.appCheckToken);
  const { idempotencyKey } = ctx;
  const cfg = await deps.config.get();
  const now = deps.clock.now();
  if (!!input.free_trial === !!input.tier_id)
    throw AppError.invalid('tier_id', 'exactly one of tier_id or free_trial is required');
  const tier = input.tier_id ? cfg.pricing_tiers.find((t) => t.id === input.tier_id) : undefined;
  if (input.tier_id && !tier)
    throw AppError.invalid('tier_id', 'not one of the current pricing tiers', 'invalid_value');

  const created = await commitWithEffects(deps, async (c) => {
    const customer = await findCustomer(c, customerId, true);
    if (!customer) throw new AppError('FORBIDDEN');
    // The deletion revoked the token; another instance may honour it for up to REVOCATION_MAX_LAG_SECONDS.
    if (customer.erased_at) throw new AppError('TOKEN_INVALID', 'The account was deleted');
    if (idempotencyKey) {
      const replay = await findByIdempotencyKey(c, customerId, idempotencyKey);
      // The original 201 body: the mitras offered at creation (later offers carry a later offered_at).
      if (replay) return requestCreatedView(replay, await countOfferBatch(c, replay.id, replay.created_at));
    }
    if (isGuest(customer) && !cfg.anonymity_enabled) throw new AppError('REGISTRATION_REQUIRED');
    if (customer.is_banned) throw new AppError('ACCOUNT_BANNED');

    const open = await openRequestOf(c, customerId);
    if (open && open.expires_at > now)
      throw new AppError('ALREADY_ACTIVE', 'Kamu masih punya permintaan yang aktif', { request_id: open.id });
    if (open) await expireLockedRequest(c, open, now); // its timer is late; settle it here
    const live = await liveSessionOfCustomer(c, customerId);
    if (live) throw new AppError('ALREADY_ACTIVE', 'Kamu masih punya sesi yang aktif', { session_id: live.id });
    const cooldown = await unpaidCooldownSeconds(c, customerId, now, cfg.limits.unpaid_cancellations.max_per_day);
    if (cooldown > 0)
      throw AppError.rateLimited('RATE_LIMITED', cooldown, 'Terlalu banyak sesi yang tidak dibayar', {
        limit: 'unpaid_cancellations',
      });
    let trial: TrialHashes | undefined;
    if (input.free_trial)
      trial = await freeTrialEligibility(c, deps.piiHashKey, cfg.free_trial, customer, ctx.deviceId);
    await enforceLimit({ db: c, clock: deps.clock, config: deps.config }, 'chat_request', customerId, ctx.deviceId);

    const target = input.target_mitra_id;
    const request = await insertRequest(
      c,
      {
        customer_id: customerId,
        topic_sensitivity: input.topic_sensitivity,
        is_free_trial: !!input.free_trial,
        tier_id: tier?.id ?? null,
        duration_minutes: tier?.duration_minutes ?? cfg.free_trial.duration_minutes,
        price_idr: tier?.price_idr ?? 0,
        target_mitra_id: target ?? null,
        idempotency_key: idempotencyKey ?? null,
        expires_at: new Date(now.getTime() + cfg.pairing_timeout_seconds * 1000),
      },
      now,
    );
    if (trial) await claimTrial(c, trial, request.id, customerId, now);
    // A targeted request goes to its mitra only (no waves); the rollback undoes the request when it cannot.
    const offered = await offerWave(c, availabilityAt(cfg, now), request, target ? null : waveLimit(cfg));
    if (target && offered.length === 0) throw new AppError('MITRA_UNAVAILABLE');
    const doc = pairingDoc({ status: 'searching', request, notified_mitras: offered.length }, now);
    // The whole doc before its queue status: the merge must land on a doc, never create a partial one.
    await c.enqueue([
      { item: effect.setDoc(pairingDocPath(customerId), doc.data, doc.merge) },
      ...offerBatchEffects(deps, request.id, offered, now, cfg.request_notification_timeout_seconds),
      ...(target ? [] : nextWave(request, now, cfg)),
      queueStatus(customerId, request.id, now),
      {
        item: effect.task(
          `pairing-request-timeout:${request.id}`,
          PAIRING_PATHS.requestTimeout,
          { request_id: request.id },
          request.expires_at,
        ),
      },
    ]);
    return requestCreatedView(request, offered.length);
  });
  return created;
}
