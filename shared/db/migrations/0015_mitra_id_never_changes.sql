-- Up Migration
-- With 0014 the foreign key from chat_request_notifications no longer stops a mitra's id from changing
-- under its offers; nothing changes an id, and now nothing can.
CREATE FUNCTION refuse_mitra_id_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a mitra''s id never changes' USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER mitras_id_never_changes BEFORE UPDATE OF id ON mitras
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION refuse_mitra_id_change();

-- Down Migration
DROP TRIGGER mitras_id_never_changes ON mitras;
DROP FUNCTION refuse_mitra_id_change();
