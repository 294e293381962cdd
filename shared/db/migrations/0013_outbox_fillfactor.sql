-- Up Migration
-- Half of each outbox page is left free, so the claim's lease (available_at, attempts: no index and no
-- index predicate reads them) is a HOT update: the new version stays on its page and no index gets an entry.
-- On full pages every claim wrote a new entry into all four indexes (85-140 µs a row in a pairing burst).
-- Only pages written from now on are affected; existing rows keep their pages until they are delivered.
ALTER TABLE outbox SET (fillfactor = 50);

-- Down Migration
ALTER TABLE outbox RESET (fillfactor);
