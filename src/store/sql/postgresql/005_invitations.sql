-- 005_invitations: candidates the PPK (Bupati / Wali Kota) appoints or
-- invites to take part when too few qualify (ADM-INVITE, ADM-MIN-3).  The
-- invited civil servant still applies with a record (and still needs the
-- recommendation ELIG-RECOMMENDATION asks of the invited).
CREATE TABLE invitation (
	id		BIGINT PRIMARY KEY,
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	vacancy_id	BIGINT NOT NULL REFERENCES vacancy(id),
	nip		TEXT NOT NULL,
	name		TEXT NOT NULL,
	invited_by	TEXT NOT NULL,
	invited_at	TEXT NOT NULL,
	UNIQUE (vacancy_id, nip)
);
-- ids as SQLite numbers rows (001_init.sql: selter_next_id)
CREATE TRIGGER invitation_next_id BEFORE INSERT ON invitation FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
