import { z } from '@hono/zod-openapi';
import { IsoDateTime } from '../../shared/http/schemas';

export const TopicSensitivity = z.enum(['regular', 'sensitive']).openapi('TopicSensitivity');

export const PresenceSchema = z
  .object({
    is_online: z.boolean(),
    is_active: z.boolean(),
    last_heartbeat_at: IsoDateTime.nullable(),
    active_session_count: z.number().int().min(0),
    available: z.boolean().openapi({ description: 'online, active, fresh heartbeat and below capacity (SPEC §6)' }),
    heartbeat_cadence_seconds: z.number().int().openapi({ description: 'MITRA_HEARTBEAT_CADENCE_SECONDS' }),
  })
  .openapi('Presence');

export const WentOnlineSchema = PresenceSchema.extend({
  offered_requests: z.number().int().min(0).openapi({ description: 'searching requests offered on coming online' }),
}).openapi('WentOnline');

export const AvailabilitySchema = z.object({ available_mitras: z.number().int().min(0) }).openapi('Availability');

export const ChatRequestInputSchema = z
  .object({
    topic_sensitivity: TopicSensitivity,
    tier_id: z.string().min(1).max(32).optional(),
    free_trial: z.literal(true).optional(),
    target_mitra_id: z.string().uuid().optional(),
  })
  .strict()
  .openapi('ChatRequestInput', { description: 'Exactly one of tier_id or free_trial: true' });

export const ChatRequestCreatedSchema = z
  .object({
    request_id: z.string().uuid(),
    status: z.literal('searching'),
    notified_mitras: z.number().int().min(0),
    expires_at: IsoDateTime,
  })
  .openapi('ChatRequestCreated');

export const ChatRequestCancelledSchema = z
  .object({ request_id: z.string().uuid(), status: z.literal('cancelled') })
  .openapi('ChatRequestCancelled');

/** The same shape as the Firestore doc mitras/{id}/offers/{request_id} while the offer is open. */
export const OfferSchema = z
  .object({
    request_id: z.string().uuid(),
    status: z.enum(['offered', 'ignored']).openapi({ description: 'ignored: timed out, still acceptable' }),
    topic_sensitivity: TopicSensitivity,
    is_free_trial: z.boolean(),
    duration_minutes: z.number().int(),
    price_idr: z.number().int(),
    customer_display_name: z.string(),
    offered_at: IsoDateTime,
    respond_by: IsoDateTime,
    expires_at: IsoDateTime,
  })
  .openapi('Offer');

export const PendingOffersSchema = z.object({ requests: z.array(OfferSchema) }).openapi('PendingOffers');

export const AcceptedSchema = z
  .object({
    session_id: z.string().uuid(),
    session_status: z
      .enum(['pending_payment', 'active', 'expired', 'closing', 'completed', 'cancelled'])
      .openapi({ description: 'active for a free trial, else pending_payment (a winner retrying sees it now)' }),
  })
  .openapi('Accepted');

export const RejectedSchema = z
  .object({ request_id: z.string().uuid(), status: z.literal('rejected') })
  .openapi('Rejected');
