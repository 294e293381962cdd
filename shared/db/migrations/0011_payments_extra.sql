-- Up Migration
-- Payments: what reconciliation and the operators look up.
-- Callbacks recorded but never processed (processing failed after the durable record): reconciliation retries them.
CREATE INDEX payment_callbacks_unprocessed_idx ON payment_callbacks (received_at) WHERE processed_at IS NULL;
-- Flagged payments (amount/currency mismatch, money for a session that moved on): the operators' review list.
CREATE INDEX payments_flagged_idx ON payments (updated_at DESC, id DESC) WHERE status = 'flagged';
-- A flag always says why.
ALTER TABLE payments ADD CONSTRAINT payments_flag_reason_check CHECK (status <> 'flagged' OR flag_reason IS NOT NULL);

-- Down Migration
ALTER TABLE payments DROP CONSTRAINT payments_flag_reason_check;
DROP INDEX payments_flagged_idx;
DROP INDEX payment_callbacks_unprocessed_idx;
