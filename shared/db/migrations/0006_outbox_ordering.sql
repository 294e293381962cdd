-- Up Migration
-- Writes to one Firestore document are delivered strictly in order across relay instances:
-- a row is claimable only when no older undelivered row shares its ordering key.
ALTER TABLE outbox ADD COLUMN ordering_key text GENERATED ALWAYS AS (CASE WHEN kind = 'realtime' THEN payload->>'path' END) STORED;
CREATE INDEX outbox_ordering_idx ON outbox (ordering_key, id) WHERE delivered_at IS NULL AND ordering_key IS NOT NULL;

-- Down Migration
DROP INDEX outbox_ordering_idx;
ALTER TABLE outbox DROP COLUMN ordering_key;
