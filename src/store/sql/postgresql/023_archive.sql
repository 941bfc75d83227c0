-- The auditor's archive (issue 13 item 5, docs/archive.md): a store made
-- by `selter archive import` holds one row here, and the store then
-- refuses every write transaction (store_begin): the instance is a
-- read-only copy of one selection's record.
CREATE TABLE archive_instance (
	id		BIGINT PRIMARY KEY CHECK (id = 1),
	region_code	TEXT NOT NULL,
	region_name	TEXT NOT NULL,
	selection_id	BIGINT NOT NULL,
	exported_at	TEXT NOT NULL,		-- UTC, as the manifest says
	origin		TEXT NOT NULL,		-- the signing key's name
	key_text	TEXT NOT NULL,		-- its public key, note text
	sha256		TEXT NOT NULL,		-- of the archive file, hex
	head_id		BIGINT NOT NULL,	-- the trail's head at export:
	head_hash	TEXT NOT NULL,		-- the public pages show it
	imported_at	TEXT NOT NULL
);
-- ids as SQLite numbers rows (001_init.sql: selter_next_id)
CREATE TRIGGER archive_instance_next_id BEFORE INSERT ON archive_instance FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
