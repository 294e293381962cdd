-- Up Migration
-- The relay claims the oldest due rows in id order. Delivered rows stay in the table, so a scan of the
-- primary key walked past every one of them on every claim (20 ms per claim with 10,000 delivered rows,
-- growing for ever); this index holds only the rows still to deliver.
CREATE INDEX outbox_pending_id_idx ON outbox (id) WHERE delivered_at IS NULL;
-- Superseded: no query orders by available_at any more, and indexing it made every claim and reschedule
-- (which move available_at) a non-HOT update through one more index.
DROP INDEX outbox_pending_idx;

-- Down Migration
CREATE INDEX outbox_pending_idx ON outbox (available_at, id) WHERE delivered_at IS NULL;
DROP INDEX outbox_pending_id_idx;
