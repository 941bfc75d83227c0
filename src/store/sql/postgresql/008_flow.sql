-- 008_flow: the workflow (core/flow.c).  Registration is closed by the
-- secretariat's act once the window has ended (the time and who), and
-- what was published is kept as it was published: a later change is a
-- new row (an addendum), never an edit.
ALTER TABLE selection ADD COLUMN closed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE selection ADD COLUMN closed_by TEXT NOT NULL DEFAULT '';

CREATE TABLE publication (
	id		BIGINT PRIMARY KEY,
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	kind		TEXT NOT NULL
			CONSTRAINT publication_kind_check
			CHECK (kind IN ('announcement', 'addendum',
			    'adm_result')),
	title		TEXT NOT NULL,
	published_at	TEXT NOT NULL,		-- UTC
	signed_by	TEXT NOT NULL,		-- the chair's name
	body		TEXT NOT NULL,		-- HTML, from the page builder
	sha256		TEXT NOT NULL,		-- of body, hex
	-- the audit trail's head as it was published: its newest event
	-- (the event that publishes it is the next one) and that hash
	head_id		BIGINT NOT NULL,
	head_hash	TEXT NOT NULL
);
CREATE INDEX publication_selection ON publication (selection_id, id);
CREATE TRIGGER publication_no_update BEFORE UPDATE ON publication FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('publications are never changed');
CREATE TRIGGER publication_no_delete BEFORE DELETE ON publication FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('publications are never changed');

-- The committee is people: a member is an account (linked by the
-- secretariat, or by the member accepting an e-mailed invitation), and the
-- chair's and members' grants for the selection follow from the confirmed
-- committee (grant_role.member_id).  A member replaced after confirmation
-- keeps the row (left_at), so every earlier act stays theirs.
ALTER TABLE member ADD COLUMN account_id BIGINT REFERENCES account(id);
ALTER TABLE member ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE member ADD COLUMN left_at TEXT NOT NULL DEFAULT '';
ALTER TABLE grant_role ADD COLUMN member_id BIGINT REFERENCES member(id);

CREATE TABLE member_invite (
	hash		BYTEA PRIMARY KEY,		-- SHA-256 of the token
	member_id	BIGINT NOT NULL REFERENCES member(id),
	expires_at	BIGINT NOT NULL
);
-- ids as SQLite numbers rows (001_init.sql: selter_next_id)
CREATE TRIGGER publication_next_id BEFORE INSERT ON publication FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
