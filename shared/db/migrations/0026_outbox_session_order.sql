-- Up Migration
-- A session's messages reach the apps in seq order, whatever the relay's concurrency: every message
-- document of a session shares one ordering key (sessions/<id>/messages), so the claim hands out one
-- undelivered message of a session at a time, across batches and instances. Every other document keeps
-- its own path as its key (per-document order, as before).
DROP INDEX outbox_ordering_idx;
ALTER TABLE outbox DROP COLUMN ordering_key;
ALTER TABLE outbox ADD COLUMN ordering_key text GENERATED ALWAYS AS (
  CASE WHEN kind = 'realtime' THEN
    CASE WHEN payload->>'path' ~ '^sessions/[^/]+/messages/[^/]+$'
      THEN regexp_replace(payload->>'path', '/[^/]+$', '')
      ELSE payload->>'path'
    END
  END
) STORED;
CREATE INDEX outbox_ordering_idx ON outbox (ordering_key, id) WHERE delivered_at IS NULL AND ordering_key IS NOT NULL;

-- Down Migration
DROP INDEX outbox_ordering_idx;
ALTER TABLE outbox DROP COLUMN ordering_key;
ALTER TABLE outbox ADD COLUMN ordering_key text GENERATED ALWAYS AS (CASE WHEN kind = 'realtime' THEN payload->>'path' END) STORED;
CREATE INDEX outbox_ordering_idx ON outbox (ordering_key, id) WHERE delivered_at IS NULL AND ordering_key IS NOT NULL;
