-- Up Migration
-- SPEC §14 retention: what the daily job (shared/privacy/retention.ts) finds without a scan of its table.

-- Completed sessions whose message bodies are still there, oldest first: a session leaves the index once
-- the job purged it.
ALTER TABLE chat_sessions ADD COLUMN messages_purged_at timestamptz;
CREATE INDEX chat_sessions_unpurged_idx ON chat_sessions (completed_at)
  WHERE status = 'completed' AND messages_purged_at IS NULL;

-- OTP requests and auth sessions past their use.
CREATE INDEX otp_requests_created_idx ON otp_requests (created_at);
CREATE INDEX auth_sessions_expires_idx ON auth_sessions (expires_at);

-- Raw provider callbacks keep only what payments act on and account with (receive-callback.ts keeps the
-- same list at receipt): the payer's e-mail, payment details and the rest of what Xendit sends go.
UPDATE payment_callbacks SET payload = (
  SELECT COALESCE(jsonb_object_agg(key, value), '{}'::jsonb) FROM jsonb_each(payload)
  WHERE key = ANY (ARRAY['id', 'external_id', 'status', 'amount', 'paid_amount', 'currency', 'paid_at', 'payment_id',
                         'payment_method', 'payment_channel', 'created', 'updated'])
);

-- Down Migration
DROP INDEX auth_sessions_expires_idx;
DROP INDEX otp_requests_created_idx;
DROP INDEX chat_sessions_unpurged_idx;
ALTER TABLE chat_sessions DROP COLUMN messages_purged_at;
