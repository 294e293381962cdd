-- Up Migration
-- "Free trial used" is derived from chat_sessions (is_free_trial), not stored on the customer: accepting
-- a trial then writes no customer row, which removed a lock cycle with a customer's concurrent request.
CREATE INDEX chat_sessions_free_trial_idx ON chat_sessions (customer_id) WHERE is_free_trial;
ALTER TABLE customers DROP COLUMN free_trial_used_at;

-- Down Migration
ALTER TABLE customers ADD COLUMN free_trial_used_at timestamptz;
DROP INDEX chat_sessions_free_trial_idx;
