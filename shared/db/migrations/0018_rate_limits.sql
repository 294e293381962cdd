-- Up Migration
-- SPEC §13: one limiter every instance shares, decided in the database by one statement. A bucket per key
-- (a client IP or its /64, a device id, a user): `tokens` left at `updated_at`, refilled continuously up to
-- the caller's capacity; `full_at` is when it is full again, after which the row says nothing an absent
-- row would not (an absent key is a full bucket) and may be deleted.
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  tokens double precision NOT NULL,
  updated_at timestamptz NOT NULL,
  full_at timestamptz NOT NULL
);
CREATE INDEX rate_limits_full_at_idx ON rate_limits (full_at);

-- Takes one token from every key's bucket, or from none: 0 when all had one (all taken), otherwise the
-- seconds until every one of them will have one (nothing taken: a refused attempt costs nothing).
-- Buckets are created in key order and then locked in key order, so two callers sharing keys queue on
-- the first one they share and never deadlock; a new key's row is inserted before anyone counts it, so a
-- burst against a new key queues on that insert instead of each caller seeing a full bucket.
-- Each call also deletes a few buckets that are full again (none of its own), so the table holds only
-- keys in use: at most as many rows are added per call as it names keys, and more than that are removed.
CREATE FUNCTION take_tokens(keys text[], capacities float8[], refill_per_second float8[], at_time timestamptz)
RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
  n int := coalesce(array_length(keys, 1), 0);
  wait float8 := 0;
  avail float8[];
  k record;
  held_tokens float8;
  held_at timestamptz;
BEGIN
  IF n = 0 OR array_length(capacities, 1) IS DISTINCT FROM n OR array_length(refill_per_second, 1) IS DISTINCT FROM n
     OR (SELECT count(DISTINCT x) FROM unnest(keys) AS x) <> n THEN
    RAISE EXCEPTION 'take_tokens: keys (distinct), capacities and refill_per_second must be non-empty and of one length'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF EXISTS (SELECT 1 FROM unnest(capacities, refill_per_second) AS x(cap, rate) WHERE NOT (cap >= 1 AND rate > 0)) THEN
    RAISE EXCEPTION 'take_tokens: every capacity must be at least 1 and every refill positive'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;

  DELETE FROM rate_limits WHERE key IN (
    SELECT l.key FROM rate_limits l WHERE l.full_at < at_time AND l.key <> ALL (keys)
    ORDER BY l.full_at LIMIT n + 2 FOR UPDATE SKIP LOCKED);

  INSERT INTO rate_limits (key, tokens, updated_at, full_at)
  SELECT u.key, u.cap, at_time, at_time FROM unnest(keys, capacities) AS u(key, cap) ORDER BY u.key
  ON CONFLICT (key) DO NOTHING;

  avail := array_fill(NULL::float8, ARRAY[n]);
  FOR k IN
    SELECT u.key, u.cap, u.rate, u.i FROM unnest(keys, capacities, refill_per_second) WITH ORDINALITY AS u(key, cap, rate, i)
    ORDER BY u.key
  LOOP
    SELECT l.tokens, l.updated_at INTO held_tokens, held_at FROM rate_limits l WHERE l.key = k.key FOR UPDATE;
    -- A row gone since the insert (a concurrent clean-up found it full) is a full bucket.
    avail[k.i] := CASE WHEN held_tokens IS NULL THEN k.cap
      ELSE least(k.cap, held_tokens + greatest(0, extract(epoch FROM at_time - held_at)) * k.rate) END;
    IF avail[k.i] < 1 THEN
      wait := greatest(wait, (1 - avail[k.i]) / k.rate);
    END IF;
  END LOOP;
  IF wait > 0 THEN
    RETURN wait;
  END IF;

  INSERT INTO rate_limits (key, tokens, updated_at, full_at)
  SELECT u.key, avail[u.i] - 1, at_time, at_time + make_interval(secs => (u.cap - (avail[u.i] - 1)) / u.rate)
  FROM unnest(keys, capacities, refill_per_second) WITH ORDINALITY AS u(key, cap, rate, i)
  ON CONFLICT (key) DO UPDATE SET tokens = EXCLUDED.tokens, updated_at = EXCLUDED.updated_at, full_at = EXCLUDED.full_at;
  RETURN 0;
END
$$;

-- The unpaid hold replaced the invoice timeout as the one knob (payment_hold_seconds, SPEC §13): an
-- operator's old value meant the invoice's length, not how long a mitra may be held, so it is not carried.
DELETE FROM app_config WHERE key = 'payment_timeout_seconds';

-- Down Migration
DROP FUNCTION take_tokens(text[], float8[], float8[], timestamptz);
DROP TABLE rate_limits;
