-- Up Migration
-- Two database roles (docs/deploy.md). The migrator, the migrate job's IAM user, runs these files and owns
-- every object they create. The services connect as their own IAM users, which Cloud SQL makes members of
-- cloudsqliamserviceaccount; Terraform creates IAM users only for the functions' service accounts and the
-- migrate job's, so that group is the runtime role: it reads and writes rows and nothing else (no DDL, no
-- TRUNCATE, no migration history), now and for every table a later migration creates.
-- Where the group does not exist (the local stack's and the tests' servers, where everything connects as
-- the local superuser) a NOLOGIN role of that name stands in, so these grants run, and are tested, the
-- same everywhere. Roles belong to the server, not the database: a second database on it finds it made.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cloudsqliamserviceaccount') THEN
    CREATE ROLE cloudsqliamserviceaccount NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database on the same server made it at the same moment
END
$$;

GRANT USAGE ON SCHEMA public TO cloudsqliamserviceaccount;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO cloudsqliamserviceaccount;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO cloudsqliamserviceaccount;
REVOKE ALL ON TABLE pgmigrations FROM cloudsqliamserviceaccount;
ALTER DEFAULT PRIVILEGES IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO cloudsqliamserviceaccount;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO cloudsqliamserviceaccount;

-- Down Migration
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM cloudsqliamserviceaccount;
ALTER DEFAULT PRIVILEGES IN SCHEMA public
  REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM cloudsqliamserviceaccount;
REVOKE USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public FROM cloudsqliamserviceaccount;
REVOKE SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public FROM cloudsqliamserviceaccount;
REVOKE USAGE ON SCHEMA public FROM cloudsqliamserviceaccount;
