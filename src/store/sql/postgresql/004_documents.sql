-- 004_documents: the applicants' documents (REGULATIONS.md §8) and each
-- selection's limits on them.  The files themselves are kept outside the
-- database, named by their SHA-256 (store_docs.c); a row here names one.

-- One upload of one checklist item (the profile's document id) by one
-- applicant.  A new upload of the same item replaces the current one and
-- keeps it: the old row's current becomes 0 and the new row names it in
-- replaces.  Rows are never deleted, and nothing but current changes.
CREATE TABLE document (
	id		BIGINT PRIMARY KEY,
	account_id	BIGINT NOT NULL REFERENCES account(id),
	item_id		TEXT NOT NULL,		-- profiles/*.json documents[].id
	sha256		TEXT NOT NULL CHECK (length(sha256) = 64),
	size		BIGINT NOT NULL CHECK (size > 0),
	mime		TEXT NOT NULL CHECK (mime IN ('application/pdf',
			    'image/jpeg', 'image/png')),	-- sniffed
	name		TEXT NOT NULL,		-- sanitised; display only
	dated		TEXT NOT NULL DEFAULT '',	-- date written on it
	stamped		BIGINT NOT NULL DEFAULT 0 CHECK (stamped IN (0, 1)),
	uploaded_at	TEXT NOT NULL,
	replaces	BIGINT REFERENCES document(id),
	current		BIGINT NOT NULL DEFAULT 1 CHECK (current IN (0, 1))
);
CREATE UNIQUE INDEX document_current ON document(account_id, item_id)
	WHERE current = 1;
CREATE INDEX document_account ON document(account_id, id);

CREATE TRIGGER document_no_delete BEFORE DELETE ON document FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('documents are kept');
CREATE TRIGGER document_no_update BEFORE UPDATE ON document FOR EACH ROW
	WHEN (NOT (OLD.current = 1 AND NEW.current = 0 AND
	    NEW.id = OLD.id AND NEW.account_id = OLD.account_id AND
	    NEW.item_id = OLD.item_id AND NEW.sha256 = OLD.sha256 AND
	    NEW.size = OLD.size AND NEW.mime = OLD.mime AND
	    NEW.name = OLD.name AND NEW.dated = OLD.dated AND
	    NEW.stamped = OLD.stamped AND NEW.uploaded_at = OLD.uploaded_at AND
	    NEW.replaces IS NOT DISTINCT FROM OLD.replaces))
	EXECUTE FUNCTION selter_refuse('a document only stops being current');

-- A selection's own limit for one checklist item; without a row the
-- defaults apply (app/docs.c: a photo JPEG up to 200 KB, anything else
-- PDF up to 2 MB).  types: 1 PDF, 2 JPEG, 4 PNG, added together.
CREATE TABLE doc_limit (
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	item_id		TEXT NOT NULL,
	max_bytes	BIGINT NOT NULL CHECK (max_bytes BETWEEN 1024 AND
			    20971520),
	types		BIGINT NOT NULL CHECK (types BETWEEN 1 AND 7),
	PRIMARY KEY (selection_id, item_id)
);
-- ids as SQLite numbers rows (001_init.sql: selter_next_id)
CREATE TRIGGER document_next_id BEFORE INSERT ON document FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
