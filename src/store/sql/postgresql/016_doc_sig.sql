-- verify (issue 13 items 4, 6): every PDF document whose SHA-256 reaches
-- the audit trail (a publication's PDF, a registration receipt, a stage's
-- minutes, a copy of the confidential ranking, the ranking's content as
-- sent) is signed with the region's key: its signed statement is kept here
-- and exported in the offline bundle (docs/log.md).  Rows are only added.
CREATE TABLE doc_sig (
	id		BIGINT PRIMARY KEY,
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	kind		TEXT NOT NULL,
	sha256		TEXT NOT NULL CHECK (length(sha256) = 64),
	note		TEXT NOT NULL,	-- the statement and its signature line
	UNIQUE (sha256)
);
CREATE INDEX doc_sig_selection ON doc_sig (selection_id);
CREATE TRIGGER doc_sig_no_update BEFORE UPDATE ON doc_sig FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('signatures are never changed');
CREATE TRIGGER doc_sig_no_delete BEFORE DELETE ON doc_sig FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('signatures are never changed');
-- ids as SQLite numbers rows (001_init.sql: selter_next_id)
CREATE TRIGGER doc_sig_next_id BEFORE INSERT ON doc_sig FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
