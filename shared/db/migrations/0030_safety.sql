-- Up Migration
-- Safety screening (SPEC §15). Every message is screened after it is committed; a hit is one alert row
-- per (message, category), which names the rule that matched and never the text. The session carries
-- the flag operators filter on, and, once a customer's message showed a crisis sign, the notice its
-- mitra was shown (kept here so the Firestore mirror can be rebuilt from Postgres).

ALTER TABLE chat_sessions
  ADD COLUMN safety_flag boolean NOT NULL DEFAULT false,
  ADD COLUMN safety_flagged_at timestamptz,
  ADD COLUMN safety_notice text,
  ADD COLUMN safety_notice_at timestamptz;
-- The control center's "flagged sessions" list and the dashboard count read only flagged rows.
CREATE INDEX chat_sessions_safety_flag_idx ON chat_sessions (created_at DESC, id DESC) WHERE safety_flag;

CREATE TABLE safety_alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES chat_sessions (id),
  message_seq int NOT NULL,
  sender_type text NOT NULL CHECK (sender_type IN ('customer', 'mitra')),
  sender_id uuid NOT NULL,
  category text NOT NULL CHECK (category IN ('self_harm', 'contact_info')),
  rule_id text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved', 'dismissed')),
  review_note text,
  reviewed_by uuid REFERENCES control_center_users (id),
  reviewed_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- A redelivered screening event finds its alert already there: one per message and category.
  UNIQUE (session_id, message_seq, category)
);
CREATE INDEX safety_alerts_created_idx ON safety_alerts (created_at DESC, id DESC);
CREATE INDEX safety_alerts_status_created_idx ON safety_alerts (status, created_at DESC, id DESC);

-- Operators who read sessions see the alerts; those who act on reports act on alerts too.
INSERT INTO role_permissions (role_id, permission) VALUES
  ('super_admin', 'safety:read'),
  ('super_admin', 'safety:update'),
  ('operator', 'safety:read'),
  ('operator', 'safety:update'),
  ('viewer', 'safety:read')
ON CONFLICT DO NOTHING;

-- Down Migration
DELETE FROM role_permissions WHERE permission IN ('safety:read', 'safety:update');
DROP TABLE safety_alerts;
DROP INDEX chat_sessions_safety_flag_idx;
ALTER TABLE chat_sessions
  DROP COLUMN safety_notice_at,
  DROP COLUMN safety_notice,
  DROP COLUMN safety_flagged_at,
  DROP COLUMN safety_flag;
