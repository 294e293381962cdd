import { z } from '@hono/zod-openapi';
import { IsoDateTime, pageOf } from '../../shared/http/schemas';

/** The session function's named schemas. Customer shapes never contain topic_sensitivity (SPEC §7). */

const Sensitivity = z.enum(['regular', 'sensitive']);
const Side = z.enum(['customer', 'mitra']);

export const SessionStatusSchema = z
  .enum(['pending_payment', 'active', 'expired', 'closing', 'completed', 'cancelled'])
  .openapi('SessionStatus');

const ClosingReason = z
  .enum([
    'time_up',
    'extension_rejected',
    'extension_timeout',
    'extension_lapsed',
    'ended_by_customer',
    'ended_by_mitra',
    'customer_banned',
    'mitra_deactivated',
    'account_deleted',
  ])
  .openapi('ClosingReason');

/** Why a message's body is gone (SPEC §14); absent while it is there. */
export const RemovedReason = z.enum(['account_deleted', 'retention']).openapi('MessageRemovedReason', {
  description: 'The sender deleted the account, or the message passed retention.message_days after the session',
});

const Goodbye = z.object({ at: IsoDateTime, message: z.string().optional() }).openapi('Goodbye');

export const ExtensionSchema = z
  .object({
    id: z.string().uuid(),
    session_id: z.string().uuid(),
    status: z.enum(['requested', 'accepted', 'rejected', 'timed_out', 'applied', 'lapsed', 'cancelled']),
    tier_id: z.string(),
    duration_minutes: z.number().int(),
    price_idr: z.number().int(),
    respond_by: IsoDateTime,
    created_at: IsoDateTime,
  })
  .openapi('Extension');

export const ExtensionOfferSchema = ExtensionSchema.extend({
  topic_sensitivity: Sensitivity.openapi({ description: 'the session’s sensitivity when the customer asked' }),
}).openapi('ExtensionOffer');

const lifecycle = {
  id: z.string().uuid(),
  request_id: z.string().uuid(),
  tier_id: z.string().nullable(),
  price_idr: z.number().int(),
  created_at: IsoDateTime,
  status: SessionStatusSchema,
  is_free_trial: z.boolean(),
  duration_minutes: z.number().int(),
  started_at: IsoDateTime.nullable(),
  ends_at: IsoDateTime.nullable(),
  expired_at: IsoDateTime.nullable(),
  extension_window_ends_at: IsoDateTime.nullable().openapi({ description: 'while expired: ask for more time until' }),
  closing_at: IsoDateTime.nullable(),
  closing_reason: ClosingReason.nullable(),
  completed_at: IsoDateTime.nullable(),
  cancelled_at: IsoDateTime.nullable(),
  goodbyes: z
    .object({ customer: Goodbye.optional(), mitra: Goodbye.optional() })
    .openapi({ description: 'only the sides that said goodbye' }),
  last_seq: z.number().int().min(0),
  version: z.number().int(),
  unread_count: z.number().int().min(0).openapi({ description: 'the other side’s messages the caller has not read' }),
  their_receipts: z
    .object({ delivered_seq: z.number().int(), read_seq: z.number().int() })
    .openapi({ description: 'how far the other side received/read the caller’s messages' }),
};
const Party = z.object({ id: z.string().uuid(), display_name: z.string() });

/** SPEC §8: the pay link in the pending session payload (and for an accepted extension), as in the session doc. */
const Payment = {
  xendit_invoice_url: z.string().url().nullable(),
  payment_expires_at: IsoDateTime.nullable(),
  payment_status: z.enum(['creating', 'pending', 'paid', 'expired', 'flagged']).nullable(),
  payment_for: z.enum(['session', 'extension']).nullable(),
  payment_extension_id: z.string().uuid().nullable(),
};

export const SessionForCustomerSchema = z
  .object({ ...lifecycle, ...Payment, mitra: Party, extension: ExtensionSchema.nullable() })
  .strict()
  .openapi('SessionForCustomer');

export const SessionForMitraSchema = z
  .object({
    ...lifecycle,
    topic_sensitivity: Sensitivity,
    sensitivity: z
      .object({ confirmation_required: z.boolean(), latched: z.boolean(), can_flip: z.boolean() })
      .openapi('SensitivityControls'),
    customer: Party,
    extension: ExtensionOfferSchema.nullable(),
  })
  .openapi('SessionForMitra');

export const SessionForCustomerPageSchema = pageOf(SessionForCustomerSchema, 'SessionForCustomerPage');
export const SessionForMitraPageSchema = pageOf(SessionForMitraSchema, 'SessionForMitraPage');
export const CustomerActiveSessionSchema = z
  .object({ session: SessionForCustomerSchema.nullable() })
  .openapi('CustomerActiveSession');
export const MitraActiveSessionsSchema = z
  .object({ sessions: z.array(SessionForMitraSchema) })
  .openapi('MitraActiveSessions');

export const MessageInputSchema = z
  .object({
    client_message_id: z.string().min(1).max(100),
    body: z.string().trim().min(1).max(4000).openapi({ description: '1–4000 characters after trimming' }),
  })
  .openapi('MessageInput');

export const MessageSchema = z
  .object({
    id: z.string().uuid(),
    session_id: z.string().uuid(),
    seq: z.number().int().min(1),
    sender_type: Side,
    client_message_id: z.string(),
    body: z.string().openapi({ description: 'Empty when removed' }),
    removed: RemovedReason.optional(),
    created_at: IsoDateTime,
    status: z.enum(['sent', 'delivered', 'read']),
  })
  .openapi('Message');
export const MessagePageSchema = pageOf(MessageSchema, 'MessagePage');

export const MessageListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(512).optional(),
  order: z.enum(['asc', 'desc']).default('asc').openapi({ description: 'by seq; desc = newest first' }),
});

export const ReceiptsInputSchema = z
  .object({ up_to_seq: z.number().int().min(0).max(2_147_483_647), status: z.enum(['delivered', 'read']) })
  .openapi('ReceiptsInput');
export const ReceiptsSchema = z
  .object({
    session_id: z.string().uuid(),
    delivered_seq: z.number().int(),
    read_seq: z.number().int(),
    last_seq: z.number().int(),
  })
  .openapi('Receipts');

export const TypingInputSchema = z.object({ is_typing: z.boolean() }).openapi('TypingInput');
export const ExtensionRequestSchema = z.object({ tier_id: z.string().min(1).max(32) }).openapi('ExtensionRequest');
export const GoodbyeInputSchema = z.object({ message: z.string().trim().max(1000).optional() }).openapi('GoodbyeInput');
export const SensitivityInputSchema = z.object({ topic_sensitivity: Sensitivity }).openapi('SensitivityInput');

export const RatingInputSchema = z
  .object({ stars: z.number().int().min(1).max(5), comment: z.string().trim().max(1000).optional() })
  .openapi('RatingInput');
export const RatingSchema = z
  .object({
    session_id: z.string().uuid(),
    stars: z.number().int(),
    comment: z.string().nullable(),
    created_at: IsoDateTime,
  })
  .openapi('Rating');

export const ReportInputSchema = z
  .object({
    session_id: z.string().uuid(),
    reason: z.string().trim().min(1).max(100),
    description: z.string().trim().max(2000).optional(),
  })
  .openapi('ReportInput');
export const ReportSchema = z
  .object({
    id: z.string().uuid(),
    session_id: z.string().uuid(),
    reported: Side,
    reason: z.string(),
    description: z.string().nullable(),
    status: z.literal('pending'),
    created_at: IsoDateTime,
  })
  .openapi('Report');

export const SessionTimerTaskSchema = z
  .object({ session_id: z.string().uuid(), version: z.number().int() })
  .openapi('SessionTimerTask');
export const ExtensionTimeoutTaskSchema = z.object({ extension_id: z.string().uuid() }).openapi('ExtensionTimeoutTask');

/** Path params of extension answers. */
export const ExtensionParams = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
  ext_id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'ext_id', in: 'path' } }),
});
