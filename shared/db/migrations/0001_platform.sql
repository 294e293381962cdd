-- Up Migration
-- Platform tables: the transactional outbox and the durable state of the local stand-ins
-- for Cloud Tasks / Pub/Sub / FCM (unused in GCP, cheap to keep in one schema).

CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('task', 'event', 'realtime', 'push')),
  dedupe_key text UNIQUE,
  payload jsonb NOT NULL,
  available_at timestamptz NOT NULL DEFAULT now(),
  attempts int NOT NULL DEFAULT 0,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_pending_idx ON outbox (available_at, id) WHERE delivered_at IS NULL;

CREATE TABLE local_deliveries (
  name text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('task', 'pubsub')),
  path text NOT NULL,
  body jsonb NOT NULL,
  headers jsonb NOT NULL DEFAULT '{}'::jsonb,
  due_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'dead')),
  attempts int NOT NULL DEFAULT 0,
  lease_until timestamptz,
  last_status int,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz
);
CREATE INDEX local_deliveries_due_idx ON local_deliveries (due_at) WHERE status = 'pending';

CREATE TABLE local_push_log (
  id bigserial PRIMARY KEY,
  user_id text NOT NULL,
  message jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX local_push_log_user_idx ON local_push_log (user_id, id);

CREATE TABLE local_state (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);

-- Deliveries of the local probe task (ENABLE_TEST_ROUTES only): proves exactly-once timers end to end.
CREATE TABLE local_probe_runs (
  id bigserial PRIMARY KEY,
  probe_id text NOT NULL,
  ran_at timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE local_probe_runs;
DROP TABLE local_state;
DROP TABLE local_push_log;
DROP TABLE local_deliveries;
DROP TABLE outbox;
