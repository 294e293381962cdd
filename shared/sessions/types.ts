export type SessionStatus = 'pending_payment' | 'active' | 'expired' | 'closing' | 'completed' | 'cancelled';
export type Side = 'customer' | 'mitra';
export type Sensitivity = 'regular' | 'sensitive';
export type ClosingReason =
  | 'time_up'
  | 'extension_rejected'
  | 'extension_timeout'
  | 'extension_lapsed'
  | 'ended_by_customer'
  | 'ended_by_mitra'
  | 'customer_banned'
  | 'mitra_deactivated'
  | 'account_deleted';

/** What pairing inserts at accept. */
export interface NewSession {
  request_id: string;
  customer_id: string;
  mitra_id: string;
  status: SessionStatus;
  topic_sensitivity: Sensitivity;
  is_free_trial: boolean;
  tier_id: string | null;
  duration_minutes: number;
  price_idr: number;
  started_at: Date | null;
  ends_at: Date | null;
}

export interface SessionRow extends NewSession {
  id: string;
  version: number;
  created_at: Date;
  expired_at: Date | null;
  closing_at: Date | null;
  closing_reason: ClosingReason | null;
  completed_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  last_seq: number;
  customer_delivered_seq: number;
  customer_read_seq: number;
  mitra_delivered_seq: number;
  mitra_read_seq: number;
  customer_last_active_at: Date | null;
  mitra_last_active_at: Date | null;
  customer_goodbye: string | null;
  customer_goodbye_at: Date | null;
  mitra_goodbye: string | null;
  mitra_goodbye_at: Date | null;
  /** Safety screening found something in this session (SPEC §15); operators filter on it. */
  safety_flag: boolean;
  safety_flagged_at: Date | null;
  /** The guidance its mitra was shown once a customer's message showed a crisis sign. */
  safety_notice: string | null;
  safety_notice_at: Date | null;
  /** Each sender's message bucket (SPEC §13): tokens left at `_msg_at`; null before its first message. */
  customer_msg_tokens: number | null;
  customer_msg_at: Date | null;
  mitra_msg_tokens: number | null;
  mitra_msg_at: Date | null;
  /** When each side's typing flag was last written to Firestore. */
  customer_typing_at: Date | null;
  mitra_typing_at: Date | null;
}

export interface Names {
  customer_name: string;
  mitra_name: string;
}
/** Unread counts per reading side; absent (0) where nothing was sent yet (the doc written at accept). */
export interface Unread {
  customer_unread?: number;
  mitra_unread?: number;
}
export type WithNames<T> = T & Names & Unread;

export const otherSide = (side: Side): Side => (side === 'customer' ? 'mitra' : 'customer');
