-- Up Migration
-- SPEC §13's OTP limits. The per-address limit counts by the address's key (shared/limits ipKey: IPv4 as
-- it is, IPv6 by its /64, and every request whose address is unknown under one shared key), so rotating
-- through a /64 or hiding the address buys nothing; `ip` keeps the address itself for support. Rows
-- written before this key existed are keyed by their address (they leave the hour's window soon).
-- The service-wide hourly SMS budget counts every code sent in the last hour, by time alone: on
-- otp_requests_created_idx, which 0023 (retention) creates.
ALTER TABLE otp_requests ADD COLUMN ip_key text;
UPDATE otp_requests SET ip_key = coalesce(ip, 'unknown');
ALTER TABLE otp_requests ALTER COLUMN ip_key SET NOT NULL;
CREATE INDEX otp_requests_ip_key_idx ON otp_requests (ip_key, created_at DESC);
DROP INDEX otp_requests_ip_idx;

-- Down Migration
CREATE INDEX otp_requests_ip_idx ON otp_requests (ip, created_at DESC);
DROP INDEX otp_requests_ip_key_idx;
ALTER TABLE otp_requests DROP COLUMN ip_key;
