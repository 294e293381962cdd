import { z } from 'zod';
import type { PublishedDocument } from '../realtime';

/**
 * The Firestore documents pairing writes, one schema per shape: the builders in views.ts return these
 * types, docs/asyncapi.yaml publishes them, and the tests check every write against them.
 * Built on first use: a function's cold start (which never publishes) builds none.
 */

function build() {
  const iso = z.iso.datetime();

  /** An offer while it is open: `GET /api/mitra/requests/pending` items and the offer doc as first written. */
  const OfferViewSchema = z.strictObject({
    request_id: z.uuid(),
    status: z.enum(['offered', 'ignored']).describe('ignored: not answered in time, still acceptable while searching'),
    topic_sensitivity: z.enum(['regular', 'sensitive']),
    is_free_trial: z.boolean(),
    duration_minutes: z.number().int(),
    price_idr: z.number().int(),
    customer_display_name: z.string(),
    offered_at: iso,
    respond_by: iso.describe('answer before this (server time)'),
    expires_at: iso.describe('the request stops searching then'),
  });

  /** How an offer ended, merged into its doc. */
  const OfferEndingDocSchema = z.strictObject({
    status: z.enum(['accepted', 'missed', 'cancelled', 'rejected', 'ignored', 'expired']),
    session_id: z.uuid().optional().describe('accepted: the session this mitra won'),
    reason: z.enum(['accepted_by_other', 'cancelled_by_customer', 'mitra_deactivated']).optional(),
    message: z.string().optional().describe('shown to the mitra when present (Indonesian)'),
    updated_at: iso,
  });

  const OfferWithEndingSchema = OfferViewSchema.extend({
    ...OfferEndingDocSchema.shape,
    status: z.enum(['offered', ...OfferEndingDocSchema.shape.status.options]),
    updated_at: iso.optional().describe('when the offer ended; absent while it is open'),
  });

  /**
   * The offer, open or ended; or only its ending, when the request was taken or cancelled before the offer
   * itself was written (an accept from the pending list can beat the blast): the app drops such a doc.
   */
  const OfferDocSchema = z.union([OfferWithEndingSchema, OfferEndingDocSchema]);

  const searching = z.strictObject({
    status: z.literal('searching'),
    request_id: z.uuid(),
    notified_mitras: z.number().int().min(0).describe('mitras offered so far, over every wave'),
    wave: z.number().int().min(1).describe('offer waves sent so far (SPEC §6)'),
    position: z
      .number()
      .int()
      .min(1)
      .nullable()
      .describe('1 = the oldest searching request; null until the first queue update (within a second)'),
    estimated_wait_seconds: z
      .number()
      .int()
      .min(0)
      .nullable()
      .describe('median time to accept over the last hour; null when unknown'),
    expires_at: iso,
    session_id: z.null(),
    mitra_name: z.null(),
    updated_at: iso,
  });
  const paired = z.strictObject({
    status: z.literal('paired'),
    request_id: z.uuid(),
    session_id: z.uuid(),
    mitra_name: z.string(),
    updated_at: iso,
  });
  const ended = z.strictObject({ status: z.enum(['cancelled', 'expired']), request_id: z.uuid(), updated_at: iso });

  /** Written whole at each step; while searching, the queue fields are merged in at most once a second. */
  const PairingDocSchema = z.union([searching, paired, ended]);
  return { OfferViewSchema, OfferEndingDocSchema, OfferDocSchema, PairingDocSchema };
}

let built: ReturnType<typeof build> | undefined;
export const pairingSchemas = () => (built ??= build());
type Schemas = ReturnType<typeof build>;

export type OfferView = z.infer<Schemas['OfferViewSchema']>;
export type OfferEndingDoc = z.infer<Schemas['OfferEndingDocSchema']>;
export type PairingDoc = z.infer<Schemas['PairingDocSchema']>;

export const PUBLISHED_DOCUMENTS: PublishedDocument[] = [
  {
    name: 'PairingDoc',
    address: 'customers/{customerId}/pairing/current',
    parameters: { customerId: { description: 'the customer’s user id (UUID)' } },
    schema: () => pairingSchemas().PairingDocSchema,
    readers: ['customer'],
    writes: 'merged',
    summary: 'The customer’s latest chat request: searching, paired (with the session id), cancelled or expired.',
    description:
      'Written whole at each step of the request. While `searching`, the queue status (`notified_mitras`, ' +
      '`wave`, `position`, `estimated_wait_seconds`, `updated_at`) is merged in at most once a second. On ' +
      '`paired` the app opens the session doc; a `paired` push says the same thing when the app is in the ' +
      'background.',
  },
  {
    name: 'OfferDoc',
    address: 'mitras/{mitraId}/offers/{requestId}',
    parameters: {
      mitraId: { description: 'the mitra’s user id (UUID)' },
      requestId: { description: 'the chat request id (UUID)' },
    },
    schema: () => pairingSchemas().OfferDocSchema,
    readers: ['mitra'],
    writes: 'merged',
    summary: 'A chat request offered to this mitra, and how the offer ended.',
    description:
      'Written whole when the request is offered (the `chat_request` push arrives with it); its ending ' +
      '(`status`, `updated_at`, and `session_id`, `reason` or `message` when they apply) is merged in later. ' +
      'When a request ends before its offers were written (an accept from `GET /api/mitra/requests/pending` ' +
      'can beat the blast), a doc may hold only the ending: without `request_id` it is no offer to show.',
  },
];
