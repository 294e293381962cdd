-- Up Migration
-- A burst records thousands of offers from dozens of transactions at once, all naming the same online
-- mitras. The foreign key to mitras locked each named mitra row (FOR KEY SHARE) once per offer, and
-- concurrent lockers of one row share it through a MultiXact rebuilt by every new locker: 60 % of the
-- offers' INSERT (390 → 148 ms of Postgres for 40 requests × 60 mitras). Mitras are deactivated, never
-- deleted, so the key's guarantee is kept without the lock: deleting a mitra is refused here, and the
-- INSERTs (shared/pairing/repo.ts) join mitras, so an unknown id records nothing.
ALTER TABLE chat_request_notifications DROP CONSTRAINT chat_request_notifications_mitra_id_fkey;
CREATE FUNCTION refuse_mitra_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'mitras are deactivated, never deleted' USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER mitras_never_deleted BEFORE DELETE ON mitras FOR EACH ROW EXECUTE FUNCTION refuse_mitra_delete();

-- Down Migration
DROP TRIGGER mitras_never_deleted ON mitras;
DROP FUNCTION refuse_mitra_delete();
ALTER TABLE chat_request_notifications
  ADD CONSTRAINT chat_request_notifications_mitra_id_fkey FOREIGN KEY (mitra_id) REFERENCES mitras (id);
