-- log (issue 13): the verifiable log (docs/log.md).  Every publication's
-- statement signed with the region's key; the checkpoints of the RFC 6962
-- tree over the events, as signed notes; the witnesses' cosignatures.
-- Rows are only ever added.
CREATE TABLE publication_sig (
	publication_id	BIGINT PRIMARY KEY REFERENCES publication(id),
	note		TEXT NOT NULL	-- the statement and its signature line
);
CREATE TRIGGER publication_sig_no_update BEFORE UPDATE ON publication_sig FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('signatures are never changed');
CREATE TRIGGER publication_sig_no_delete BEFORE DELETE ON publication_sig FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('signatures are never changed');
CREATE TABLE checkpoint (
	id		BIGINT PRIMARY KEY,
	size		BIGINT NOT NULL CHECK (size >= 0),
	root		BYTEA NOT NULL CHECK (length(root) = 32),
	at		TEXT NOT NULL,
	note		TEXT NOT NULL	-- the signed note as published
);
CREATE INDEX checkpoint_size ON checkpoint(size, id);
CREATE TRIGGER checkpoint_no_update BEFORE UPDATE ON checkpoint FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('checkpoints are never changed');
CREATE TRIGGER checkpoint_no_delete BEFORE DELETE ON checkpoint FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('checkpoints are never changed');
CREATE TABLE cosignature (
	id		BIGINT PRIMARY KEY,
	checkpoint_id	BIGINT NOT NULL REFERENCES checkpoint(id),
	witness		TEXT NOT NULL,	-- the witness key's name
	line		TEXT NOT NULL,	-- "— NAME base64(...)"
	at		TEXT NOT NULL,	-- when it was stored
	UNIQUE (checkpoint_id, witness)
);
CREATE TRIGGER cosignature_no_update BEFORE UPDATE ON cosignature FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('cosignatures are never changed');
CREATE TRIGGER cosignature_no_delete BEFORE DELETE ON cosignature FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('cosignatures are never changed');
-- ids as SQLite numbers rows (001_init.sql: selter_next_id)
CREATE TRIGGER checkpoint_next_id BEFORE INSERT ON checkpoint FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
CREATE TRIGGER cosignature_next_id BEFORE INSERT ON cosignature FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
