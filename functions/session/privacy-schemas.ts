import { z } from '@hono/zod-openapi';
import { IsoDateTime, Uuid } from '../../shared/http/schemas';
import { SessionStatusSchema } from './schemas';

/** SPEC §14: the account's deletion and its data export, as the apps call them. */

export const AccountDeleteInputSchema = z
  .object({ confirm: z.literal(true).openapi({ description: 'Must be true: the app asked the user first' }) })
  .strict()
  .openapi('AccountDeleteInput');

export const AccountErasedSchema = z
  .object({
    erased_at: IsoDateTime.openapi({ description: 'When the account was deleted (the first request, if repeated)' }),
  })
  .openapi('AccountErased');

const Goodbye = z.object({ message: z.string().nullable(), at: IsoDateTime }).nullable();

const ExportSession = z
  .object({
    id: Uuid,
    status: SessionStatusSchema,
    is_free_trial: z.boolean(),
    tier_id: z.string().nullable(),
    duration_minutes: z.number().int(),
    price_idr: z.number().int(),
    created_at: IsoDateTime,
    started_at: IsoDateTime.nullable(),
    ends_at: IsoDateTime.nullable(),
    closing_at: IsoDateTime.nullable(),
    closing_reason: z.string().nullable(),
    completed_at: IsoDateTime.nullable(),
    cancelled_at: IsoDateTime.nullable(),
    your_goodbye: Goodbye.openapi({ description: 'The goodbye you left, if any' }),
  })
  .strict()
  .openapi('ExportSession');

const ExportMessage = z
  .object({
    session_id: Uuid,
    seq: z.number().int().min(1),
    body: z.string().openapi({ description: 'Empty when removed' }),
    removed: z
      .enum(['account_deleted', 'retention'])
      .nullable()
      .openapi({ description: 'Why the body is gone (MessageRemovedReason); null while it is there' }),
    created_at: IsoDateTime,
  })
  .strict()
  .openapi('ExportMessage', { description: 'A message you wrote (never the other side’s)' });

const ExportPayment = z
  .object({
    session_id: Uuid,
    kind: z.enum(['session', 'extension']),
    external_id: z.string(),
    amount_idr: z.number().int(),
    currency: z.string(),
    status: z.string(),
    paid_amount: z.number().int().nullable(),
    paid_at: IsoDateTime.nullable(),
    created_at: IsoDateTime,
  })
  .strict()
  .openapi('ExportPayment');

const ExportRating = z
  .object({ session_id: Uuid, stars: z.number().int().min(1).max(5), created_at: IsoDateTime })
  .strict()
  .openapi('ExportRating');

const ExportReport = z
  .object({
    id: Uuid,
    session_id: Uuid,
    reason: z.string(),
    description: z.string().nullable(),
    status: z.enum(['pending', 'reviewed', 'actioned', 'dismissed']),
    created_at: IsoDateTime,
  })
  .strict()
  .openapi('ExportReport', { description: 'A report you filed' });

export const CustomerAccountExportSchema = z
  .object({
    exported_at: IsoDateTime,
    profile: z
      .object({
        id: Uuid,
        display_name: z.string(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
        is_guest: z.boolean(),
        linked: z.object({ phone: z.boolean(), google: z.boolean(), apple: z.boolean() }),
        created_at: IsoDateTime,
      })
      .strict()
      .openapi('ExportCustomerProfile'),
    sessions: z.array(ExportSession),
    messages: z.array(ExportMessage),
    payments: z.array(ExportPayment),
    ratings: z
      .array(ExportRating.extend({ comment: z.string().nullable() }).strict().openapi('ExportRatingGiven'))
      .openapi({ description: 'The ratings you gave' }),
    reports: z.array(ExportReport),
  })
  .strict()
  .openapi('CustomerAccountExport');

export const MitraAccountExportSchema = z
  .object({
    exported_at: IsoDateTime,
    profile: z
      .object({
        id: Uuid,
        display_name: z.string(),
        phone: z.string(),
        is_active: z.boolean(),
        is_online: z.boolean(),
        created_at: IsoDateTime,
      })
      .strict()
      .openapi('ExportMitraProfile'),
    sessions: z.array(
      ExportSession.extend({ topic_sensitivity: z.enum(['regular', 'sensitive']) })
        .strict()
        .openapi('ExportMitraSession'),
    ),
    messages: z.array(ExportMessage),
    ratings_received: z
      .array(ExportRating)
      .openapi({ description: 'Stars only: the comment is the customer’s own words' }),
    reports: z.array(ExportReport),
  })
  .strict()
  .openapi('MitraAccountExport');

export const EraseStepTaskSchema = z
  .object({ erasure_id: Uuid, step: z.string().min(1).max(40), batch: z.number().int().min(0) })
  .openapi('EraseStepTask');
export const ReleaseHoldTaskSchema = z
  .object({ erasure_id: Uuid, session_id: Uuid, report_id: Uuid, batch: z.number().int().min(0) })
  .openapi('ReleaseHoldTask');
export const RetentionTaskSchema = z
  .object({
    day: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    round: z.number().int().min(0).optional(),
  })
  .openapi('RetentionTask', { description: 'Empty from Cloud Scheduler; a follow-up round names its day and round' });
export const RetentionRoundSchema = z
  .object({
    day: z.string(),
    round: z.number().int(),
    messages: z.number().int().openapi({ description: 'Message bodies purged' }),
    sessions_purged: z.number().int().openapi({ description: 'Sessions whose bodies are now all gone' }),
    outbox_rows: z.number().int(),
    otp_requests: z.number().int(),
    auth_sessions: z.number().int(),
    more: z.boolean().openapi({ description: 'A batch was full: the next round is queued' }),
  })
  .openapi('RetentionRound');
