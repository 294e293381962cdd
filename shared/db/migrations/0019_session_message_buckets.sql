-- Up Migration
-- SPEC §13: each sender in a session may send a burst of messages, then so many a second. Each side's
-- token bucket lives on the session row itself (tokens left at `_msg_at`; null: a full bucket), so the
-- UPDATE that takes the next seq takes the token too and a message costs no extra statement. Typing
-- writes its Firestore flag at most once per side per 2 s: `_typing_at` is when it last did.
ALTER TABLE chat_sessions
  ADD COLUMN customer_msg_tokens double precision,
  ADD COLUMN customer_msg_at timestamptz,
  ADD COLUMN mitra_msg_tokens double precision,
  ADD COLUMN mitra_msg_at timestamptz,
  ADD COLUMN customer_typing_at timestamptz,
  ADD COLUMN mitra_typing_at timestamptz;

-- Down Migration
ALTER TABLE chat_sessions
  DROP COLUMN mitra_typing_at,
  DROP COLUMN customer_typing_at,
  DROP COLUMN mitra_msg_at,
  DROP COLUMN mitra_msg_tokens,
  DROP COLUMN customer_msg_at,
  DROP COLUMN customer_msg_tokens;
