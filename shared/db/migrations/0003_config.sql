-- Up Migration
-- Operator knobs (SPEC §5). Values are validated by the zod schemas in shared/config/schema.ts;
-- a missing key means "use the schema default". The version row lets every instance notice a change.

CREATE TABLE app_config (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);

CREATE TABLE app_config_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL
);
INSERT INTO app_config_version (id, version) VALUES (true, 1);

CREATE TABLE app_config_audit (
  id bigserial PRIMARY KEY,
  section text NOT NULL,
  changed_by uuid,
  before jsonb NOT NULL,
  after jsonb NOT NULL,
  created_at timestamptz NOT NULL
);

-- Down Migration
DROP TABLE app_config_audit;
DROP TABLE app_config_version;
DROP TABLE app_config;
