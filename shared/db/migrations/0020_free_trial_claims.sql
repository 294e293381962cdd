-- Up Migration
-- SPEC §13: a free trial once per phone number ever and once per device. A claim is made when the
-- free-trial request is created and released if that request ends without a session (cancelled,
-- expired); the unique indexes settle two requests racing for one phone or one device. The number and
-- the device id are kept only as HMAC-SHA256 under PII_HASH_KEY, and nothing here references the
-- customer row: deleting or anonymising an account (SPEC §14) leaves its claims, so the same number
-- cannot take a second trial on a new account.
CREATE TABLE free_trial_claims (
  request_id uuid PRIMARY KEY,
  customer_id uuid,
  phone_hash bytea,
  device_hash bytea NOT NULL,
  claimed_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX free_trial_claims_phone_idx ON free_trial_claims (phone_hash) WHERE phone_hash IS NOT NULL;
CREATE UNIQUE INDEX free_trial_claims_device_idx ON free_trial_claims (device_hash);

-- Down Migration
DROP TABLE free_trial_claims;
