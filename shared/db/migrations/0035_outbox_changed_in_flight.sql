-- Up Migration
-- A computed document's row (its content read from Postgres when the relay writes it) can be changed by a
-- commit while its write is in flight: after the relay read, before it marked the row delivered. The flag
-- makes that flight put the row back in the queue instead of marking it delivered, so the change still
-- reaches the document. Not indexed: setting it stays a HOT update.
ALTER TABLE outbox ADD COLUMN changed_in_flight boolean NOT NULL DEFAULT false;

-- Down Migration
ALTER TABLE outbox DROP COLUMN changed_in_flight;
