-- Up Migration
-- Customers, mitras, control-center users, auth sessions, refresh tokens, OTP history, device tokens.

CREATE TABLE customers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  display_name text NOT NULL,
  phone text UNIQUE,
  email text,
  google_sub text UNIQUE,
  apple_sub text UNIQUE,
  is_banned boolean NOT NULL DEFAULT false,
  banned_at timestamptz,
  free_trial_used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE mitras (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  phone text NOT NULL UNIQUE,
  display_name text NOT NULL,
  is_active boolean NOT NULL DEFAULT false,
  is_online boolean NOT NULL DEFAULT false,
  last_heartbeat_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE roles (
  id text PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE role_permissions (
  role_id text NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  permission text NOT NULL,
  PRIMARY KEY (role_id, permission)
);

CREATE TABLE control_center_users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  role_id text NOT NULL REFERENCES roles (id),
  failed_login_count int NOT NULL DEFAULT 0,
  lockout_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX control_center_users_email_idx ON control_center_users (lower(email));

-- One row per sign-in (multi-device). The id is the JWT's session_id and survives rotation.
CREATE TABLE auth_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_type text NOT NULL CHECK (user_type IN ('customer', 'mitra', 'cc_user')),
  user_id uuid NOT NULL,
  device_info jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_reason text
);
CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_type, user_id) WHERE revoked_at IS NULL;
CREATE INDEX auth_sessions_revoked_idx ON auth_sessions (revoked_at) WHERE revoked_at IS NOT NULL;

-- Every refresh token ever issued (as a SHA-256 hash): rotated ones are kept to detect reuse.
CREATE TABLE auth_refresh_tokens (
  token_hash text PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES auth_sessions (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  rotated_at timestamptz
);
CREATE INDEX auth_refresh_tokens_session_idx ON auth_refresh_tokens (session_id);

CREATE TABLE otp_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_type text NOT NULL CHECK (user_type IN ('customer', 'mitra')),
  phone text NOT NULL,
  ip text,
  code_hash text NOT NULL,
  provider text NOT NULL,
  provider_ref text,
  attempts int NOT NULL DEFAULT 0,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX otp_requests_phone_idx ON otp_requests (phone, created_at DESC);
CREATE INDEX otp_requests_ip_idx ON otp_requests (ip, created_at DESC);

-- What the stub OTP provider "sent" (read back by the ENABLE_TEST_ROUTES peek).
CREATE TABLE stub_otp_messages (
  otp_request_id uuid PRIMARY KEY REFERENCES otp_requests (id) ON DELETE CASCADE,
  phone text NOT NULL,
  code text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE device_tokens (
  user_type text NOT NULL CHECK (user_type IN ('customer', 'mitra')),
  user_id uuid NOT NULL,
  device_id text NOT NULL,
  fcm_token text NOT NULL,
  platform text NOT NULL CHECK (platform IN ('android', 'ios')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_type, user_id, device_id)
);
CREATE UNIQUE INDEX device_tokens_token_idx ON device_tokens (fcm_token);

INSERT INTO roles (id, name) VALUES
  ('super_admin', 'Super admin'),
  ('operator', 'Operator'),
  ('viewer', 'Viewer');

INSERT INTO role_permissions (role_id, permission)
SELECT 'super_admin', p FROM unnest(ARRAY[
  'control_center_users:read', 'control_center_users:create', 'control_center_users:update',
  'settings:read', 'settings:update', 'dashboard:read', 'mitras:read', 'mitras:update',
  'customers:read', 'customers:update', 'sessions:read', 'sessions:transcript',
  'reports:read', 'reports:update', 'mitra_activity:read'
]) AS p;

INSERT INTO role_permissions (role_id, permission)
SELECT 'operator', p FROM unnest(ARRAY[
  'settings:read', 'dashboard:read', 'mitras:read', 'mitras:update', 'customers:read', 'customers:update',
  'sessions:read', 'reports:read', 'reports:update', 'mitra_activity:read'
]) AS p;

INSERT INTO role_permissions (role_id, permission)
SELECT 'viewer', p FROM unnest(ARRAY['settings:read', 'dashboard:read', 'mitras:read', 'sessions:read', 'mitra_activity:read']) AS p;

-- Down Migration
DROP TABLE device_tokens;
DROP TABLE stub_otp_messages;
DROP TABLE otp_requests;
DROP TABLE auth_refresh_tokens;
DROP TABLE auth_sessions;
DROP TABLE control_center_users;
DROP TABLE role_permissions;
DROP TABLE roles;
DROP TABLE mitras;
DROP TABLE customers;
