-- log (issue 13): the verifiable log (docs/log.md).  Every publication's
-- statement signed with the region's key; the checkpoints of the RFC 6962
-- tree over the events, as signed notes; the witnesses' cosignatures.
-- Rows are only ever added.
CREATE TABLE publication_sig (
	publication_id	INTEGER PRIMARY KEY REFERENCES publication(id),
	note		TEXT NOT NULL	-- the statement and its signature line
);
CREATE TRIGGER publication_sig_no_update BEFORE UPDATE ON publication_sig
BEGIN SELECT RAISE(ABORT, 'signatures are never changed'); END;
CREATE TRIGGER publication_sig_no_delete BEFORE DELETE ON publication_sig
BEGIN SELECT RAISE(ABORT, 'signatures are never changed'); END;
CREATE TABLE checkpoint (
	id		INTEGER PRIMARY KEY,
	size		INTEGER NOT NULL CHECK (size >= 0),
	root		BLOB NOT NULL CHECK (length(root) = 32),
	at		TEXT NOT NULL,
	note		TEXT NOT NULL	-- the signed note as published
);
CREATE INDEX checkpoint_size ON checkpoint(size, id);
CREATE TRIGGER checkpoint_no_update BEFORE UPDATE ON checkpoint
BEGIN SELECT RAISE(ABORT, 'checkpoints are never changed'); END;
CREATE TRIGGER checkpoint_no_delete BEFORE DELETE ON checkpoint
BEGIN SELECT RAISE(ABORT, 'checkpoints are never changed'); END;
CREATE TABLE cosignature (
	id		INTEGER PRIMARY KEY,
	checkpoint_id	INTEGER NOT NULL REFERENCES checkpoint(id),
	witness		TEXT NOT NULL,	-- the witness key's name
	line		TEXT NOT NULL,	-- "— NAME base64(...)"
	at		TEXT NOT NULL,	-- when it was stored
	UNIQUE (checkpoint_id, witness)
);
CREATE TRIGGER cosignature_no_update BEFORE UPDATE ON cosignature
BEGIN SELECT RAISE(ABORT, 'cosignatures are never changed'); END;
CREATE TRIGGER cosignature_no_delete BEFORE DELETE ON cosignature
BEGIN SELECT RAISE(ABORT, 'cosignatures are never changed'); END;
