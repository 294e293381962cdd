-- Up Migration
-- SPEC §14: account deletion. An erased user's row stays as a stub without personal data (its random id is
-- the anonymous key sessions, payments, ratings and activity keep pointing at); `erased_at` marks it.
-- Nothing here deletes a customer or a mitra row, so nothing cascades (the free-trial ledger of SPEC §13
-- keeps its keyed phone hashes after a deletion).
ALTER TABLE customers ADD COLUMN erased_at timestamptz;
ALTER TABLE mitras ADD COLUMN erased_at timestamptz;
-- An erased mitra keeps no phone; the unique key still holds for every other row.
ALTER TABLE mitras ALTER COLUMN phone DROP NOT NULL;

-- A message whose body is gone: the sender's account was deleted, or the retention window passed.
ALTER TABLE chat_messages
  ADD COLUMN removed_reason text CHECK (removed_reason IN ('account_deleted', 'retention')),
  ADD COLUMN removed_at timestamptz,
  ADD CONSTRAINT chat_messages_removed_check CHECK ((removed_reason IS NULL) = (removed_at IS NULL));

ALTER TABLE chat_sessions DROP CONSTRAINT chat_sessions_closing_reason_check;
ALTER TABLE chat_sessions ADD CONSTRAINT chat_sessions_closing_reason_check
  CHECK (closing_reason IS NULL OR closing_reason IN
    ('time_up', 'extension_rejected', 'extension_timeout', 'extension_lapsed', 'ended_by_customer', 'ended_by_mitra',
     'customer_banned', 'mitra_deactivated', 'account_deleted'));

-- One erasure per user, carried out step by step (shared/privacy): `step` and `batch` say which task may act
-- next, so a redelivered or late step finds the row moved on and changes nothing. No foreign key to the
-- user tables: the user row is a stub by then, and nothing may cascade from it.
CREATE TABLE erasures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_type text NOT NULL CHECK (user_type IN ('customer', 'mitra')),
  user_id uuid NOT NULL,
  requested_by text NOT NULL CHECK (requested_by IN ('self', 'operator')),
  actor_id uuid REFERENCES control_center_users (id),
  erased_at timestamptz NOT NULL,
  step text NOT NULL,
  batch int NOT NULL DEFAULT 0,
  -- The step's keyset position (the last id it handled), when it walks a list in batches.
  position text,
  -- The outbox scrub's end: the newest outbox row when the scrub began.
  outbox_until bigint,
  completed_at timestamptz,
  updated_at timestamptz NOT NULL,
  UNIQUE (user_type, user_id)
);

INSERT INTO role_permissions (role_id, permission) VALUES ('super_admin', 'privacy:erase') ON CONFLICT DO NOTHING;

-- Down Migration
DELETE FROM role_permissions WHERE permission = 'privacy:erase';
DROP TABLE erasures;
ALTER TABLE chat_sessions DROP CONSTRAINT chat_sessions_closing_reason_check;
ALTER TABLE chat_sessions ADD CONSTRAINT chat_sessions_closing_reason_check
  CHECK (closing_reason IS NULL OR closing_reason IN
    ('time_up', 'extension_rejected', 'extension_timeout', 'extension_lapsed', 'ended_by_customer', 'ended_by_mitra',
     'customer_banned', 'mitra_deactivated'));
ALTER TABLE chat_messages DROP CONSTRAINT chat_messages_removed_check, DROP COLUMN removed_at, DROP COLUMN removed_reason;
ALTER TABLE mitras ALTER COLUMN phone SET NOT NULL;
ALTER TABLE mitras DROP COLUMN erased_at;
ALTER TABLE customers DROP COLUMN erased_at;
