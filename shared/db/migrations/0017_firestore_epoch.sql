-- Up Migration
-- SPEC §13: a user's Firestore access epoch. The Firebase custom token carries it as a claim and every
-- rule compares it with users/{uid}.epoch, so bumping it (logout of the last session, ban, deactivation,
-- deletion) ends a signed-in listener's access within seconds instead of at the Firebase session's end.
ALTER TABLE customers ADD COLUMN firestore_epoch integer NOT NULL DEFAULT 0;
ALTER TABLE mitras ADD COLUMN firestore_epoch integer NOT NULL DEFAULT 0;

-- Down Migration
ALTER TABLE mitras DROP COLUMN firestore_epoch;
ALTER TABLE customers DROP COLUMN firestore_epoch;
