-- Up Migration
-- Chat requests (the blast), per-mitra notifications (the offers) and chat sessions.

CREATE INDEX mitras_available_idx ON mitras (last_heartbeat_at) WHERE is_online AND is_active;

CREATE TABLE chat_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id uuid NOT NULL REFERENCES customers (id),
  topic_sensitivity text NOT NULL CHECK (topic_sensitivity IN ('regular', 'sensitive')),
  is_free_trial boolean NOT NULL,
  tier_id text,
  duration_minutes int NOT NULL,
  price_idr int NOT NULL,
  target_mitra_id uuid REFERENCES mitras (id),
  status text NOT NULL CHECK (status IN ('searching', 'accepted', 'cancelled', 'expired')),
  idempotency_key text,
  accepted_by uuid REFERENCES mitras (id),
  session_id uuid,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
-- At most one open request per customer, settled by the database.
CREATE UNIQUE INDEX chat_requests_one_open_idx ON chat_requests (customer_id) WHERE status = 'searching';
CREATE UNIQUE INDEX chat_requests_idempotency_idx ON chat_requests (customer_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX chat_requests_searching_idx ON chat_requests (expires_at) WHERE status = 'searching';

CREATE TABLE chat_request_notifications (
  request_id uuid NOT NULL REFERENCES chat_requests (id),
  mitra_id uuid NOT NULL REFERENCES mitras (id),
  status text NOT NULL CHECK (status IN ('offered', 'accepted', 'rejected', 'ignored', 'missed', 'cancelled')),
  reason text,
  topic_sensitivity text NOT NULL,
  active_session_count int NOT NULL,
  offered_at timestamptz NOT NULL,
  responded_at timestamptz,
  PRIMARY KEY (request_id, mitra_id)
);
CREATE INDEX chat_request_notifications_mitra_idx ON chat_request_notifications (mitra_id, status, offered_at);

CREATE TABLE chat_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL UNIQUE REFERENCES chat_requests (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  mitra_id uuid NOT NULL REFERENCES mitras (id),
  status text NOT NULL CHECK (status IN ('pending_payment', 'active', 'expired', 'closing', 'completed', 'cancelled')),
  topic_sensitivity text NOT NULL CHECK (topic_sensitivity IN ('regular', 'sensitive')),
  is_free_trial boolean NOT NULL,
  tier_id text,
  duration_minutes int NOT NULL,
  price_idr int NOT NULL,
  started_at timestamptz,
  ends_at timestamptz,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
-- A customer has at most one live session (pending payment, active, or expired awaiting an extension).
CREATE UNIQUE INDEX chat_sessions_one_live_per_customer_idx ON chat_sessions (customer_id) WHERE status IN ('pending_payment', 'active', 'expired');
CREATE INDEX chat_sessions_mitra_capacity_idx ON chat_sessions (mitra_id) WHERE status IN ('pending_payment', 'active');
CREATE INDEX chat_sessions_mitra_idx ON chat_sessions (mitra_id, created_at DESC);
CREATE INDEX chat_sessions_customer_idx ON chat_sessions (customer_id, created_at DESC);

-- Down Migration
DROP TABLE chat_sessions;
DROP TABLE chat_request_notifications;
DROP TABLE chat_requests;
DROP INDEX mitras_available_idx;
