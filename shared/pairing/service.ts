import type { PoolClient } from 'pg';
import type { Clock } from '../clock';
import type { ConfigReader } from '../config/reader';
import type { AppConfig } from '../config/schema';
import type { Db, Queryable } from '../db/pool';
import { tx } from '../db/tx';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import { enqueue, outbox } from '../outbox/outbox';
import type { OutboxRelay } from '../outbox/relay';
import {
  capacityUsed,
  findSession,
  hasUsedFreeTrial,
  insertSession,
  liveSessionOfCustomer,
  sessionDoc,
  type SessionRow,
} from '../sessions/repo';
import { findCustomer, isGuest } from '../users/customers';
import { deviceTokensOf } from '../users/device-tokens';
import { availableMitras, heartbeat, presenceOf, setOnline, sweepStale } from './presence';
import {
  findByIdempotencyKey,
  findNotification,
  findRequest,
  insertNotifications,
  insertRequest,
  openRequestOf,
  openRequestsFor,
  pendingOffersOf,
  setRequestStatus,
  transitionNotifications,
  type ChatRequestRow,
} from './repo';

export const PAIRING_PATHS = {
  blast: '/events/pairing/blast',
  requestTimeout: '/tasks/pairing/request-timeout',
  notificationTimeout: '/tasks/pairing/notification-timeout',
  sweep: '/tasks/pairing/sweep-stale',
};
export const SESSION_EXPIRE_PATH = '/tasks/sessions/expire';

export interface PairingDeps {
  db: Db;
  clock: Clock;
  config: ConfigReader;
  outbox: OutboxRelay;
  logger: Logger;
  blastTopic: string;
}

export interface ChatRequestInput {
  topic_sensitivity: 'regular' | 'sensitive';
  tier_id?: string;
  free_trial?: boolean;
  target_mitra_id?: string;
}

const offerPath = (mitraId: string, requestId: string) => `mitras/${mitraId}/offers/${requestId}`;
const pairingPath = (customerId: string) => `customers/${customerId}/pairing/current`;
const iso = (d: Date) => d.toISOString();

export class PairingService {
  private availability?: { at: number; count: number };

  constructor(private readonly d: PairingDeps) {}

  private now() {
    return this.d.clock.now();
  }

  // ---- presence -------------------------------------------------------------------------

  async goOnline(mitraId: string) {
    const cfg = await this.d.config.get();
    const now = this.now();
    const offered = await tx(this.d.db, async (c) => {
      const row = await setOnline(c, mitraId, true, now);
      if (!row) throw inactive();
      // A mitra that comes online while requests are searching is offered them too (if it has room).
      const [me] = await availableMitras(c, now, cfg.mitra_stale_after_seconds, cfg.max_customers_per_mitra, [mitraId]);
      if (!me) return 0;
      let n = 0;
      for (const request of await openRequestsFor(c, mitraId, now)) {
        const added = await insertNotifications(c, request.id, request.topic_sensitivity, [me], now);
        if (added.length) {
          await this.offerEffects(c, request, added, now, cfg);
          n++;
        }
      }
      return n;
    });
    this.d.outbox.kick();
    return { ...(await this.status(mitraId)), offered_requests: offered };
  }

  async goOffline(mitraId: string) {
    if (!(await setOnline(this.d.db, mitraId, false, this.now()))) throw inactive();
    return this.status(mitraId);
  }

  async heartbeat(mitraId: string): Promise<void> {
    if (!(await heartbeat(this.d.db, mitraId, this.now()))) throw inactive();
  }

  async status(mitraId: string) {
    const cfg = await this.d.config.get();
    const p = await presenceOf(this.d.db, mitraId);
    if (!p) throw new AppError('NOT_FOUND', 'Mitra not found');
    const fresh =
      !!p.last_heartbeat_at &&
      this.now().getTime() - p.last_heartbeat_at.getTime() < cfg.mitra_stale_after_seconds * 1000;
    return {
      is_online: p.is_online,
      is_active: p.is_active,
      last_heartbeat_at: p.last_heartbeat_at?.toISOString() ?? null,
      active_session_count: p.active_session_count,
      available: p.is_online && p.is_active && fresh && p.active_session_count < cfg.max_customers_per_mitra,
    };
  }

  /** Cached per instance for 5 s (SPEC: ≤ 10 s); the customer beacon polls it. */
  async availableCount(): Promise<number> {
    if (this.availability && Date.now() - this.availability.at < 5000) return this.availability.count;
    const cfg = await this.d.config.get();
    const count = (
      await availableMitras(this.d.db, this.now(), cfg.mitra_stale_after_seconds, cfg.max_customers_per_mitra)
    ).length;
    this.availability = { at: Date.now(), count };
    return count;
  }

  async sweepStale(): Promise<number> {
    const cfg = await this.d.config.get();
    return (await sweepStale(this.d.db, this.now(), cfg.mitra_stale_after_seconds)).length;
  }

  // ---- requests -------------------------------------------------------------------------

  private requestBody(r: ChatRequestRow, notified: number) {
    return { request_id: r.id, status: r.status, notified_mitras: notified, expires_at: iso(r.expires_at) };
  }

  /** The blast: Pub/Sub message (one per request), per-mitra notification timeouts. */
  private async offerEffects(c: PoolClient, r: ChatRequestRow, mitraIds: string[], now: Date, cfg: AppConfig) {
    await enqueue(
      c,
      outbox.event({
        topic: this.d.blastTopic,
        data: { request_id: r.id, mitra_ids: mitraIds },
        attributes: { type: 'chat_request' },
      }),
    );
    const respondBy = new Date(now.getTime() + cfg.request_notification_timeout_seconds * 1000);
    for (const mitraId of mitraIds) {
      await enqueue(
        c,
        outbox.task(
          `pairing-notify-timeout:${r.id}:${mitraId}`,
          PAIRING_PATHS.notificationTimeout,
          { request_id: r.id, mitra_id: mitraId },
          respondBy,
        ),
      );
    }
  }

  async createRequest(customerId: string, input: ChatRequestInput, idempotencyKey: string | undefined) {
    const cfg = await this.d.config.get();
    const now = this.now();
    const tier = input.tier_id ? cfg.pricing_tiers.find((t) => t.id === input.tier_id) : undefined;
    if (!!input.free_trial === !!input.tier_id) {
      throw new AppError('BAD_REQUEST', 'Give either tier_id or free_trial: true', {
        issues: [{ path: 'tier_id', message: 'exactly one of tier_id or free_trial is required', code: 'custom' }],
      });
    }
    if (input.tier_id && !tier)
      throw new AppError('BAD_REQUEST', 'Unknown tier', {
        issues: [{ path: 'tier_id', message: 'not one of the current pricing tiers', code: 'invalid_value' }],
      });

    const result = await tx(this.d.db, async (c) => {
      // The customer row lock serialises one customer's requests (idempotency, ALREADY_ACTIVE).
      const customer = await findCustomer(c, customerId, true);
      if (!customer) throw new AppError('FORBIDDEN');
      if (idempotencyKey) {
        const replay = await findByIdempotencyKey(c, customerId, idempotencyKey);
        // The original 201 body: searching, and the mitras offered at creation (later offers have a later offered_at).
        if (replay) {
          const { rows } = await c.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM chat_request_notifications WHERE request_id = $1 AND offered_at = $2',
            [replay.id, replay.created_at],
          );
          return this.requestBody({ ...replay, status: 'searching' }, rows[0]!.n);
        }
      }
      if (isGuest(customer) && !cfg.anonymity_enabled)
        throw new AppError('REGISTRATION_REQUIRED', 'Daftar dulu untuk mulai curhat');
      if (customer.is_banned) throw new AppError('ACCOUNT_BANNED', 'Akun ini diblokir');

      const open = await openRequestOf(c, customerId);
      if (open && open.expires_at > now)
        throw new AppError('ALREADY_ACTIVE', 'Kamu masih punya permintaan yang aktif', { request_id: open.id });
      if (open) await this.expireLocked(c, open, now); // its timer is late; settle it here
      const live = await liveSessionOfCustomer(c, customerId);
      if (live) throw new AppError('ALREADY_ACTIVE', 'Kamu masih punya sesi yang aktif', { session_id: live.id });
      if (input.free_trial && (!cfg.free_trial.enabled || (await hasUsedFreeTrial(c, customerId)))) {
        throw new AppError('FREE_TRIAL_UNAVAILABLE', 'Free trial tidak tersedia');
      }

      const candidates = await availableMitras(
        c,
        now,
        cfg.mitra_stale_after_seconds,
        cfg.max_customers_per_mitra,
        input.target_mitra_id ? [input.target_mitra_id] : undefined,
      );
      if (input.target_mitra_id && candidates.length === 0)
        throw new AppError('MITRA_UNAVAILABLE', 'Bestie ini sedang tidak tersedia');

      const request = await insertRequest(
        c,
        {
          customer_id: customerId,
          topic_sensitivity: input.topic_sensitivity,
          is_free_trial: !!input.free_trial,
          tier_id: tier?.id ?? null,
          duration_minutes: tier?.duration_minutes ?? cfg.free_trial.duration_minutes,
          price_idr: tier?.price_idr ?? 0,
          target_mitra_id: input.target_mitra_id ?? null,
          idempotency_key: idempotencyKey ?? null,
          expires_at: new Date(now.getTime() + cfg.pairing_timeout_seconds * 1000),
        },
        now,
      );
      const offered = await insertNotifications(c, request.id, request.topic_sensitivity, candidates, now);
      if (offered.length) await this.offerEffects(c, request, offered, now, cfg);
      await enqueue(
        c,
        outbox.task(
          `pairing-request-timeout:${request.id}`,
          PAIRING_PATHS.requestTimeout,
          { request_id: request.id },
          request.expires_at,
        ),
      );
      await enqueue(
        c,
        outbox.setDoc(
          pairingPath(customerId),
          {
            status: 'searching',
            request_id: request.id,
            notified_mitras: offered.length,
            expires_at: iso(request.expires_at),
            session_id: null,
            mitra_name: null,
            updated_at: iso(now),
          },
          false,
        ),
      );
      return this.requestBody(request, offered.length);
    });
    this.d.outbox.kick();
    return result;
  }

  async cancel(customerId: string, requestId: string) {
    const now = this.now();
    const body = await tx(this.d.db, async (c) => {
      const r = await findRequest(c, requestId, true);
      if (!r || r.customer_id !== customerId) throw new AppError('NOT_FOUND', 'Request not found');
      if (r.status === 'accepted')
        throw new AppError('REQUEST_TAKEN', 'Sudah dapat Bestie', { session_id: r.session_id });
      if (r.status === 'expired') throw new AppError('REQUEST_EXPIRED', 'Permintaan sudah kedaluwarsa');
      if (r.status === 'searching') {
        await setRequestStatus(c, r.id, 'cancelled', now);
        const mitras = await transitionNotifications(
          c,
          r.id,
          ['offered', 'ignored'],
          'cancelled',
          now,
          'cancelled_by_customer',
        );
        for (const m of mitras) {
          await enqueue(
            c,
            outbox.setDoc(offerPath(m, r.id), {
              status: 'cancelled',
              reason: 'cancelled_by_customer',
              message: 'Dibatalkan oleh customer',
              updated_at: iso(now),
            }),
          );
        }
        await enqueue(
          c,
          outbox.setDoc(pairingPath(customerId), { status: 'cancelled', request_id: r.id, updated_at: iso(now) }),
        );
      }
      return { request_id: r.id, status: 'cancelled' as const };
    });
    this.d.outbox.kick();
    return body;
  }

  async pendingFor(mitraId: string) {
    const cfg = await this.d.config.get();
    const rows = await pendingOffersOf(this.d.db, mitraId, this.now());
    return rows.map((r) => ({
      request_id: r.request_id,
      topic_sensitivity: r.topic_sensitivity,
      is_free_trial: r.is_free_trial,
      duration_minutes: r.duration_minutes,
      price_idr: r.price_idr,
      customer_display_name: r.customer_name,
      offered_at: iso(r.offered_at),
      respond_by: iso(new Date(r.offered_at.getTime() + cfg.request_notification_timeout_seconds * 1000)),
      expires_at: iso(r.expires_at),
    }));
  }

  /**
   * Exactly one winner under any concurrency. Lock order everywhere: mitra → request → notifications;
   * row locks are FOR NO KEY UPDATE so the foreign-key checks of concurrent inserts never wait on them.
   * The mitra row lock makes the capacity check hold across different requests; the request row lock
   * makes the first accept win.
   */
  async accept(mitraId: string, requestId: string) {
    const cfg = await this.d.config.get();
    const now = this.now();
    const won = await tx(this.d.db, async (c) => {
      const { rows: m } = await c.query<{ is_active: boolean; display_name: string }>(
        'SELECT is_active, display_name FROM mitras WHERE id = $1 FOR NO KEY UPDATE',
        [mitraId],
      );
      if (!m[0]?.is_active) throw inactive();
      const r = await findRequest(c, requestId, true);
      if (!r) throw new AppError('NOT_FOUND', 'Request not found');
      const n = await findNotification(c, requestId, mitraId, true);
      if (!n) throw new AppError('FORBIDDEN', 'This request was not offered to you');
      if (r.status === 'accepted') {
        // The winner retrying gets its session again; everyone else lost (their offer is already 'missed').
        if (r.accepted_by === mitraId) return (await findSession(c, r.session_id!))!;
        throw new AppError('REQUEST_TAKEN', 'Sudah diambil Bestie lain');
      }
      if (r.status === 'cancelled') throw new AppError('REQUEST_CANCELLED', 'Dibatalkan oleh customer');
      if (r.status === 'expired' || r.expires_at <= now)
        throw new AppError('REQUEST_EXPIRED', 'Permintaan sudah kedaluwarsa');
      if (n.status === 'rejected') throw new AppError('REQUEST_REJECTED', 'Kamu sudah menolak permintaan ini');
      if ((await capacityUsed(c, mitraId)) >= cfg.max_customers_per_mitra)
        throw new AppError('CAPACITY_FULL', 'Kapasitas kamu sudah penuh');

      const free = r.is_free_trial;
      let session: SessionRow;
      try {
        session = await insertSession(
          c,
          {
            request_id: r.id,
            customer_id: r.customer_id,
            mitra_id: mitraId,
            status: free ? 'active' : 'pending_payment',
            topic_sensitivity: r.topic_sensitivity,
            is_free_trial: free,
            tier_id: r.tier_id,
            duration_minutes: r.duration_minutes,
            price_idr: r.price_idr,
            started_at: free ? now : null,
            ends_at: free ? new Date(now.getTime() + r.duration_minutes * 60_000) : null,
          },
          now,
        );
      } catch (err) {
        if ((err as { code?: string }).code === '23505')
          throw new AppError('ALREADY_ACTIVE', 'Customer sudah punya sesi aktif');
        throw err;
      }
      await setRequestStatus(c, r.id, 'accepted', now, { accepted_by: mitraId, session_id: session.id });
      await transitionNotifications(c, r.id, ['offered', 'ignored'], 'accepted', now, null, mitraId);
      const losers = await transitionNotifications(c, r.id, ['offered', 'ignored'], 'missed', now, 'accepted_by_other');
      if (free) {
        await enqueue(
          c,
          outbox.task(
            `session-expire:${session.id}:v${session.version}`,
            SESSION_EXPIRE_PATH,
            { session_id: session.id, version: session.version },
            session.ends_at!,
          ),
        );
      }
      const customer = (await findCustomer(c, r.customer_id))!;
      const names = { customer_name: customer.display_name, mitra_name: m[0].display_name };
      await enqueue(
        c,
        outbox.setDoc(offerPath(mitraId, r.id), { status: 'accepted', session_id: session.id, updated_at: iso(now) }),
      );
      for (const loser of losers) {
        await enqueue(
          c,
          outbox.setDoc(offerPath(loser, r.id), {
            status: 'missed',
            reason: 'accepted_by_other',
            message: 'Sudah diambil Bestie lain',
            updated_at: iso(now),
          }),
        );
      }
      await enqueue(c, outbox.setDoc(`sessions/${session.id}`, sessionDoc(session, names), false));
      await enqueue(
        c,
        outbox.setDoc(pairingPath(r.customer_id), {
          status: 'paired',
          request_id: r.id,
          session_id: session.id,
          mitra_name: names.mitra_name,
          updated_at: iso(now),
        }),
      );
      await this.pushToCustomer(
        c,
        r.customer_id,
        { type: 'paired', session_id: session.id, mitra_name: names.mitra_name },
        `paired:${session.id}`,
      );
      return session;
    });
    this.d.outbox.kick();
    return { session_id: won.id, session_status: won.status };
  }

  async reject(mitraId: string, requestId: string) {
    const now = this.now();
    await tx(this.d.db, async (c) => {
      const r = await findRequest(c, requestId, true);
      if (!r) throw new AppError('NOT_FOUND', 'Request not found');
      const n = await findNotification(c, requestId, mitraId, true);
      if (!n) throw new AppError('FORBIDDEN', 'This request was not offered to you');
      if (n.status === 'rejected') return;
      if (r.status === 'accepted') throw new AppError('REQUEST_TAKEN', 'Sudah diambil Bestie lain');
      if (r.status === 'cancelled') throw new AppError('REQUEST_CANCELLED', 'Dibatalkan oleh customer');
      if (r.status === 'expired') throw new AppError('REQUEST_EXPIRED', 'Permintaan sudah kedaluwarsa');
      await transitionNotifications(c, r.id, ['offered', 'ignored'], 'rejected', now, null, mitraId);
      await enqueue(c, outbox.setDoc(offerPath(mitraId, r.id), { status: 'rejected', updated_at: iso(now) }));
    });
    this.d.outbox.kick();
    return { request_id: requestId, status: 'rejected' as const };
  }

  private async pushToCustomer(c: Queryable, customerId: string, data: Record<string, string>, dedupe: string) {
    for (const t of await deviceTokensOf(c, 'customer', [customerId])) {
      await enqueue(
        c,
        outbox.push({ userId: customerId, token: t.fcm_token, data, highPriority: true }),
        `push:${dedupe}:${t.device_id}`,
      );
    }
  }

  // ---- private handlers (Pub/Sub push, Cloud Tasks): idempotent, state-checked ------------

  /** Sends the offer pushes and writes the offer docs for the mitras still 'offered'. Redelivery-safe. */
  async handleBlast(message: { request_id: string; mitra_ids: string[] }): Promise<number> {
    const cfg = await this.d.config.get();
    const n = await tx(this.d.db, async (c) => {
      const r = await findRequest(c, message.request_id, true);
      if (!r || r.status !== 'searching') return 0;
      const { rows } = await c.query<{ mitra_id: string; offered_at: Date }>(
        "SELECT mitra_id, offered_at FROM chat_request_notifications WHERE request_id = $1 AND mitra_id = ANY($2::uuid[]) AND status = 'offered' FOR NO KEY UPDATE",
        [r.id, message.mitra_ids],
      );
      const customer = (await findCustomer(c, r.customer_id))!;
      const tokens = await deviceTokensOf(
        c,
        'mitra',
        rows.map((x) => x.mitra_id),
      );
      for (const row of rows) {
        const doc = {
          request_id: r.id,
          status: 'offered',
          topic_sensitivity: r.topic_sensitivity,
          is_free_trial: r.is_free_trial,
          duration_minutes: r.duration_minutes,
          price_idr: r.price_idr,
          customer_display_name: customer.display_name,
          offered_at: iso(row.offered_at),
          respond_by: iso(new Date(row.offered_at.getTime() + cfg.request_notification_timeout_seconds * 1000)),
          request_expires_at: iso(r.expires_at),
        };
        await enqueue(c, outbox.setDoc(offerPath(row.mitra_id, r.id), doc, false), `offer-doc:${r.id}:${row.mitra_id}`);
        for (const t of tokens.filter((x) => x.user_id === row.mitra_id)) {
          const data = { type: 'chat_request', request_id: r.id, topic_sensitivity: r.topic_sensitivity };
          await enqueue(
            c,
            outbox.push({ userId: row.mitra_id, token: t.fcm_token, data, highPriority: true }),
            `offer-push:${r.id}:${row.mitra_id}:${t.device_id}`,
          );
        }
      }
      return rows.length;
    });
    this.d.outbox.kick();
    return n;
  }

  async notificationTimeout(requestId: string, mitraId: string): Promise<boolean> {
    const now = this.now();
    const changed = await tx(this.d.db, async (c) => {
      const r = await findRequest(c, requestId, true);
      if (!r) return false;
      const moved = await transitionNotifications(c, requestId, ['offered'], 'ignored', now, 'no_response', mitraId);
      if (moved.length && r.status === 'searching') {
        await enqueue(c, outbox.setDoc(offerPath(mitraId, requestId), { status: 'ignored', updated_at: iso(now) }));
      }
      return moved.length > 0;
    });
    this.d.outbox.kick();
    return changed;
  }

  async requestTimeout(requestId: string): Promise<boolean> {
    const now = this.now();
    const changed = await tx(this.d.db, async (c) => {
      const r = await findRequest(c, requestId, true);
      if (!r || r.status !== 'searching' || r.expires_at > now) return false;
      await this.expireLocked(c, r, now);
      return true;
    });
    this.d.outbox.kick();
    return changed;
  }

  private async expireLocked(c: PoolClient, r: ChatRequestRow, now: Date) {
    await setRequestStatus(c, r.id, 'expired', now);
    await transitionNotifications(c, r.id, ['offered'], 'ignored', now, 'request_expired');
    // Every offer still unanswered (just now, or earlier by its notification timeout) shows 'expired'.
    const { rows } = await c.query<{ mitra_id: string }>(
      "SELECT mitra_id FROM chat_request_notifications WHERE request_id = $1 AND status = 'ignored'",
      [r.id],
    );
    for (const { mitra_id: m } of rows) {
      await enqueue(c, outbox.setDoc(offerPath(m, r.id), { status: 'expired', updated_at: iso(now) }));
    }
    await enqueue(
      c,
      outbox.setDoc(pairingPath(r.customer_id), { status: 'expired', request_id: r.id, updated_at: iso(now) }),
    );
    await this.pushToCustomer(
      c,
      r.customer_id,
      { type: 'pairing_expired', request_id: r.id },
      `pairing-expired:${r.id}`,
    );
  }
}

const inactive = () => new AppError('ACCOUNT_INACTIVE', 'Akun tidak aktif. Hubungi administrator.');
