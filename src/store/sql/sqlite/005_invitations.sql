-- 005_invitations: candidates the PPK (Bupati / Wali Kota) appoints or
-- invites to take part when too few qualify (ADM-INVITE, ADM-MIN-3).  The
-- invited civil servant still applies with a record (and still needs the
-- recommendation ELIG-RECOMMENDATION asks of the invited).
CREATE TABLE invitation (
	id		INTEGER PRIMARY KEY,
	selection_id	INTEGER NOT NULL REFERENCES selection(id),
	vacancy_id	INTEGER NOT NULL REFERENCES vacancy(id),
	nip		TEXT NOT NULL,
	name		TEXT NOT NULL,
	invited_by	TEXT NOT NULL,
	invited_at	TEXT NOT NULL,
	UNIQUE (vacancy_id, nip)
);
