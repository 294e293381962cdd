-- Up Migration
-- The session itself (chat, receipts, extensions, goodbyes, sensitivity, ratings, reports), payments
-- and the control center's audit trail. One schema for the three features that share these tables.

ALTER TABLE chat_sessions
  ADD COLUMN expired_at timestamptz,
  ADD COLUMN closing_at timestamptz,
  ADD COLUMN closing_reason text,
  ADD COLUMN completed_at timestamptz,
  ADD COLUMN cancelled_at timestamptz,
  ADD COLUMN cancel_reason text,
  -- The per-session message counter: seq is allocated by UPDATE … RETURNING, gap-free under concurrency.
  ADD COLUMN last_seq int NOT NULL DEFAULT 0,
  -- Receipt watermarks per reader side (never move backwards: GREATEST in the UPDATE).
  ADD COLUMN customer_delivered_seq int NOT NULL DEFAULT 0,
  ADD COLUMN customer_read_seq int NOT NULL DEFAULT 0,
  ADD COLUMN mitra_delivered_seq int NOT NULL DEFAULT 0,
  ADD COLUMN mitra_read_seq int NOT NULL DEFAULT 0,
  ADD COLUMN customer_last_active_at timestamptz,
  ADD COLUMN mitra_last_active_at timestamptz,
  ADD COLUMN customer_goodbye text,
  ADD COLUMN customer_goodbye_at timestamptz,
  ADD COLUMN mitra_goodbye text,
  ADD COLUMN mitra_goodbye_at timestamptz;
ALTER TABLE chat_sessions ADD CONSTRAINT chat_sessions_closing_reason_check
  CHECK (closing_reason IS NULL OR closing_reason IN
    ('time_up', 'extension_rejected', 'extension_timeout', 'extension_lapsed', 'ended_by_customer', 'ended_by_mitra', 'customer_banned', 'mitra_deactivated'));
CREATE INDEX chat_sessions_status_created_idx ON chat_sessions (status, created_at DESC);
CREATE INDEX chat_sessions_created_idx ON chat_sessions (created_at DESC, id DESC);

CREATE TABLE chat_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES chat_sessions (id),
  seq int NOT NULL,
  sender_type text NOT NULL CHECK (sender_type IN ('customer', 'mitra')),
  sender_id uuid NOT NULL,
  client_message_id text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (session_id, seq),
  UNIQUE (session_id, sender_type, client_message_id)
);
CREATE INDEX chat_messages_unread_idx ON chat_messages (session_id, sender_type, seq);

CREATE TABLE session_extensions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES chat_sessions (id),
  tier_id text NOT NULL,
  duration_minutes int NOT NULL,
  price_idr int NOT NULL,
  status text NOT NULL CHECK (status IN ('requested', 'accepted', 'rejected', 'timed_out', 'applied', 'lapsed', 'cancelled')),
  topic_sensitivity text NOT NULL CHECK (topic_sensitivity IN ('regular', 'sensitive')),
  respond_by timestamptz NOT NULL,
  responded_at timestamptz,
  applied_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
-- One open extension per session, settled by the database.
CREATE UNIQUE INDEX session_extensions_one_open_idx ON session_extensions (session_id) WHERE status IN ('requested', 'accepted');
CREATE INDEX session_extensions_session_idx ON session_extensions (session_id, created_at);

CREATE TABLE session_sensitivity_log (
  id bigserial PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES chat_sessions (id),
  mitra_id uuid NOT NULL REFERENCES mitras (id),
  from_sensitivity text NOT NULL CHECK (from_sensitivity IN ('regular', 'sensitive')),
  to_sensitivity text NOT NULL CHECK (to_sensitivity IN ('regular', 'sensitive')),
  created_at timestamptz NOT NULL
);
CREATE INDEX session_sensitivity_log_session_idx ON session_sensitivity_log (session_id, created_at, id);

CREATE TABLE session_ratings (
  session_id uuid PRIMARY KEY REFERENCES chat_sessions (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  stars smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
  comment text,
  created_at timestamptz NOT NULL
);

CREATE TABLE reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES chat_sessions (id),
  reporter_type text NOT NULL CHECK (reporter_type IN ('customer', 'mitra')),
  reporter_id uuid NOT NULL,
  reported_type text NOT NULL CHECK (reported_type IN ('customer', 'mitra')),
  reported_id uuid NOT NULL,
  reason text NOT NULL,
  description text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'reviewed', 'actioned', 'dismissed')),
  review_note text,
  reviewed_by uuid REFERENCES control_center_users (id),
  reviewed_at timestamptz,
  created_at timestamptz NOT NULL,
  UNIQUE (session_id, reporter_type, reporter_id),
  CHECK (reporter_type <> reported_type)
);
-- "flagged_for_review" is derived: 3+ pending reports against a user.
CREATE INDEX reports_pending_reported_idx ON reports (reported_type, reported_id) WHERE status = 'pending';
CREATE INDEX reports_status_created_idx ON reports (status, created_at DESC, id DESC);

CREATE TABLE payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES chat_sessions (id),
  extension_id uuid REFERENCES session_extensions (id),
  external_id text NOT NULL UNIQUE,
  provider text NOT NULL DEFAULT 'xendit',
  provider_invoice_id text UNIQUE,
  invoice_url text,
  amount_idr int NOT NULL,
  currency text NOT NULL DEFAULT 'IDR',
  status text NOT NULL CHECK (status IN ('creating', 'pending', 'paid', 'expired', 'flagged')),
  flag_reason text,
  expires_at timestamptz,
  paid_at timestamptz,
  paid_amount int,
  paid_currency text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX payments_session_idx ON payments (session_id, created_at);
CREATE INDEX payments_stuck_idx ON payments (expires_at) WHERE status IN ('creating', 'pending');
CREATE INDEX payments_paid_idx ON payments (paid_at) WHERE status = 'paid';

-- Every verified provider callback, kept before anything acts on it (replays are no-ops by the unique key).
CREATE TABLE payment_callbacks (
  id bigserial PRIMARY KEY,
  provider_invoice_id text NOT NULL,
  external_id text,
  status text NOT NULL,
  payload jsonb NOT NULL,
  outcome text,
  received_at timestamptz NOT NULL,
  processed_at timestamptz,
  UNIQUE (provider_invoice_id, status)
);

ALTER TABLE customers ADD COLUMN ban_reason text;

-- Operator actions worth a trail (transcript reads, bans, mitra changes, report reviews).
CREATE TABLE cc_audit_log (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  actor_id uuid REFERENCES control_center_users (id),
  target_type text,
  target_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL
);
CREATE INDEX cc_audit_log_kind_idx ON cc_audit_log (kind, id DESC);

INSERT INTO role_permissions (role_id, permission) VALUES ('super_admin', 'audit:read') ON CONFLICT DO NOTHING;

-- Down Migration
DELETE FROM role_permissions WHERE permission = 'audit:read';
DROP TABLE cc_audit_log;
ALTER TABLE customers DROP COLUMN ban_reason;
DROP TABLE payment_callbacks;
DROP TABLE payments;
DROP TABLE reports;
DROP TABLE session_ratings;
DROP TABLE session_sensitivity_log;
DROP TABLE session_extensions;
DROP TABLE chat_messages;
DROP INDEX chat_sessions_created_idx;
DROP INDEX chat_sessions_status_created_idx;
ALTER TABLE chat_sessions DROP CONSTRAINT chat_sessions_closing_reason_check;
ALTER TABLE chat_sessions
  DROP COLUMN expired_at, DROP COLUMN closing_at, DROP COLUMN closing_reason, DROP COLUMN completed_at,
  DROP COLUMN cancelled_at, DROP COLUMN cancel_reason, DROP COLUMN last_seq,
  DROP COLUMN customer_delivered_seq, DROP COLUMN customer_read_seq, DROP COLUMN mitra_delivered_seq,
  DROP COLUMN mitra_read_seq, DROP COLUMN customer_last_active_at, DROP COLUMN mitra_last_active_at,
  DROP COLUMN customer_goodbye, DROP COLUMN customer_goodbye_at, DROP COLUMN mitra_goodbye, DROP COLUMN mitra_goodbye_at;
