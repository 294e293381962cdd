-- Up Migration
-- SPEC §6 fair capped waves. An operator decides who may take sensitive topics (default: everyone). A
-- request remembers how many waves went out, so a duplicated or late wave task does nothing. An offer
-- withdrawn by the request's expiry is 'expired' (a withdrawal, not the mitra's outcome). A session in
-- its extension window holds the mitra's place (decision: capacity holds through extensions), so the
-- capacity index covers 'expired' too; the fairness order reads each mitra's recent sessions by
-- (mitra_id, created_at), which chat_sessions_mitra_idx already serves. The queue estimate reads the
-- last hour's accepts.
ALTER TABLE mitras ADD COLUMN sensitive_ok boolean NOT NULL DEFAULT true;
ALTER TABLE chat_requests ADD COLUMN wave integer NOT NULL DEFAULT 1;
ALTER TABLE chat_request_notifications DROP CONSTRAINT chat_request_notifications_status_check;
ALTER TABLE chat_request_notifications ADD CONSTRAINT chat_request_notifications_status_check
  CHECK (status IN ('offered', 'accepted', 'rejected', 'ignored', 'missed', 'cancelled', 'expired'));
DROP INDEX chat_sessions_mitra_capacity_idx;
CREATE INDEX chat_sessions_mitra_capacity_idx ON chat_sessions (mitra_id) WHERE status IN ('pending_payment', 'active', 'expired');
CREATE INDEX chat_requests_accepted_idx ON chat_requests (updated_at) WHERE status = 'accepted';
CREATE INDEX chat_requests_queue_idx ON chat_requests (created_at) WHERE status = 'searching';

-- Down Migration
DROP INDEX chat_requests_queue_idx;
DROP INDEX chat_requests_accepted_idx;
DROP INDEX chat_sessions_mitra_capacity_idx;
CREATE INDEX chat_sessions_mitra_capacity_idx ON chat_sessions (mitra_id) WHERE status IN ('pending_payment', 'active');
UPDATE chat_request_notifications SET status = 'ignored', reason = 'request_expired' WHERE status = 'expired';
ALTER TABLE chat_request_notifications DROP CONSTRAINT chat_request_notifications_status_check;
ALTER TABLE chat_request_notifications ADD CONSTRAINT chat_request_notifications_status_check
  CHECK (status IN ('offered', 'accepted', 'rejected', 'ignored', 'missed', 'cancelled'));
ALTER TABLE chat_requests DROP COLUMN wave;
ALTER TABLE mitras DROP COLUMN sensitive_ok;
