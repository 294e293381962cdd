import { z } from 'zod';
import { paymentFieldsShape } from '../payments';
import type { PublishedDocument } from '../realtime';
import type { ExtensionStatus } from './repo/session-extensions';
import type { RemovedReason } from './repo/chat-messages';
import type { ClosingReason, Sensitivity, SessionStatus, Side } from './types';

/**
 * The Firestore documents of a session, one schema per shape: the builders in views.ts return these
 * types, docs/asyncapi.yaml publishes them, and the tests check every write against them. Built on
 * first use: a function's cold start (which never publishes) builds none.
 */

function build() {
  const iso = z.iso.datetime();
  const count = z.number().int().min(0);
  const SideSchema = z.enum(['customer', 'mitra'] satisfies Side[]);
  const SensitivitySchema = z.enum(['regular', 'sensitive'] satisfies Sensitivity[]);

  const SessionStatusSchema = z.enum([
    'pending_payment',
    'active',
    'expired',
    'closing',
    'completed',
    'cancelled',
  ] satisfies SessionStatus[]);
  const ClosingReasonSchema = z.enum([
    'time_up',
    'extension_rejected',
    'extension_timeout',
    'extension_lapsed',
    'ended_by_customer',
    'ended_by_mitra',
    'customer_banned',
    'mitra_deactivated',
    'account_deleted',
  ] satisfies ClosingReason[]);

  const Goodbye = z.strictObject({ at: iso, message: z.string().optional() });

  /** What the customer is told of an extension (no sensitivity). */
  const ExtensionSchema = z.strictObject({
    id: z.uuid(),
    session_id: z.uuid(),
    status: z.enum([
      'requested',
      'accepted',
      'rejected',
      'timed_out',
      'applied',
      'lapsed',
      'cancelled',
    ] satisfies ExtensionStatus[]),
    tier_id: z.string(),
    duration_minutes: z.number().int(),
    price_idr: z.number().int(),
    respond_by: iso,
    created_at: iso,
  });
  /** The mitra's offer: the session's sensitivity as it was when the customer asked. */
  const ExtensionOfferSchema = ExtensionSchema.extend({ topic_sensitivity: SensitivitySchema });

  /** Where a session is in its life: what both the REST views and the session doc carry. */
  const lifecycleShape = {
    status: SessionStatusSchema,
    is_free_trial: z.boolean(),
    duration_minutes: z.number().int(),
    started_at: iso.nullable(),
    ends_at: iso.nullable().describe('when the paid time runs out (server time; count down from it)'),
    expired_at: iso.nullable(),
    extension_window_ends_at: iso.nullable().describe('while expired: the customer may ask for more time until then'),
    closing_at: iso.nullable(),
    closing_reason: ClosingReasonSchema.nullable(),
    completed_at: iso.nullable(),
    cancelled_at: iso.nullable(),
    goodbyes: z
      .strictObject({ customer: Goodbye.optional(), mitra: Goodbye.optional() })
      .describe('only the sides that said goodbye; a message only when one was left'),
    last_seq: count,
    version: z.number().int().describe('grows with every transition: a doc with a lower version is older'),
  };

  const Receipts = z.strictObject({ delivered_seq: count, read_seq: count });

  /** The part of the session doc that changes per message, written on its own (coalesced, about once a second). */
  const SessionCountersSchema = z.strictObject({
    last_seq: count,
    unread: z.strictObject({ customer: count, mitra: count }).describe('unread messages per reading side'),
    receipts: z
      .strictObject({ customer: Receipts, mitra: Receipts })
      .describe('how far each side received and read the other side’s messages'),
  });

  const SessionDocSchema = z.strictObject({
    ...paymentFieldsShape(),
    session_id: z.uuid(),
    participants: z.tuple([z.string().regex(/^c_/), z.string().regex(/^m_/)]).describe('the two Firebase uids'),
    customer_name: z.string(),
    mitra_name: z.string(),
    ...lifecycleShape,
    cancel_reason: z.string().nullable(),
    ...SessionCountersSchema.shape,
    extension: ExtensionSchema.optional().describe('the latest extension; absent until the first is asked for'),
  });

  const MitraSessionDocSchema = z.strictObject({
    session_id: z.uuid(),
    status: SessionStatusSchema,
    topic_sensitivity: SensitivitySchema,
    extension: ExtensionOfferSchema.optional().describe('the latest extension; absent until the first is asked for'),
    version: z.number().int(),
  });

  const MessageDocSchema = z.strictObject({
    id: z.uuid(),
    session_id: z.uuid(),
    seq: z.number().int().min(1).describe('the order of the session’s messages, from 1 without gaps'),
    sender_type: SideSchema,
    client_message_id: z.string().describe('the id the sending app chose: match it to the pending bubble'),
    body: z.string().describe('empty once removed'),
    removed: z
      .enum(['account_deleted', 'retention'] satisfies RemovedReason[])
      .optional()
      .describe('why the body is gone (SPEC §14): its sender deleted the account, or the retention window passed'),
    created_at: iso,
  });

  const TypingDocSchema = z.strictObject({
    is_typing: z.boolean(),
    at: iso,
    expires_at: iso.describe('past this the flag is stale: treat it as not typing'),
  });
  return {
    ExtensionSchema,
    ExtensionOfferSchema,
    SessionCountersSchema,
    SessionDocSchema,
    MitraSessionDocSchema,
    MessageDocSchema,
    TypingDocSchema,
  };
}

let built: ReturnType<typeof build> | undefined;
export const sessionSchemas = () => (built ??= build());
type Schemas = ReturnType<typeof build>;

export type SessionDoc = z.infer<Schemas['SessionDocSchema']>;
export type SessionCounters = z.infer<Schemas['SessionCountersSchema']>;
export type MitraSessionDoc = z.infer<Schemas['MitraSessionDocSchema']>;
export type MessageDoc = z.infer<Schemas['MessageDocSchema']>;
export type TypingDoc = z.infer<Schemas['TypingDocSchema']>;

const sessionId = { description: 'the session id (UUID)' };

export const PUBLISHED_DOCUMENTS: PublishedDocument[] = [
  {
    name: 'SessionDoc',
    address: 'sessions/{sessionId}',
    parameters: { sessionId },
    schema: () => sessionSchemas().SessionDocSchema,
    readers: ['customer', 'mitra'],
    writes: 'merged',
    summary: 'A session as both participants see it: status, times, goodbyes, counters, the payment to make.',
    description:
      'Written whole at every transition (with the payment fields) and, between transitions, only its ' +
      'counters (`last_seq`, `unread`, `receipts`). Never carries topic_sensitivity (customers read it).',
  },
  {
    name: 'MessageDoc',
    address: 'sessions/{sessionId}/messages/{messageId}',
    parameters: { sessionId, messageId: { description: 'the message id (UUID)' } },
    schema: () => sessionSchemas().MessageDocSchema,
    readers: ['customer', 'mitra'],
    writes: 'whole',
    summary: 'One chat message, written once when it is committed.',
    description: 'Order by `seq`. Delivery and read state are not here: they are the session doc’s `receipts`.',
  },
  {
    name: 'TypingDoc',
    address: 'sessions/{sessionId}/typing/{side}',
    parameters: { sessionId, side: { description: 'who is typing', values: ['customer', 'mitra'] } },
    schema: () => sessionSchemas().TypingDocSchema,
    readers: ['customer', 'mitra'],
    writes: 'whole',
    summary: 'Whether one side is typing; ephemeral and best-effort.',
    description: 'Written straight to Firestore (not through the outbox); a lost write is harmless.',
  },
  {
    name: 'MitraSessionDoc',
    address: 'mitras/{mitraId}/sessions/{sessionId}',
    parameters: { mitraId: { description: 'the mitra’s user id (UUID)' }, sessionId },
    schema: () => sessionSchemas().MitraSessionDocSchema,
    readers: ['mitra'],
    writes: 'merged',
    summary: 'The mitra’s private view of a session: its sensitivity and the extension offer.',
    description: 'Rewritten at every transition and when the sensitivity flips.',
  },
];
