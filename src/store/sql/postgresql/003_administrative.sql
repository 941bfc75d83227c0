-- 003_administrative: the administrative selection (REGULATIONS.md §9):
-- the completeness check of each application (ADM-COMPLETE), requests for
-- clarification, the committee's decision, its publication; extensions of
-- the window (ANN-EXTEND); complaints to the oversight body.

-- The secretariat's (or the committee's) completeness check.
CREATE TABLE adm_check (
	application_id	BIGINT PRIMARY KEY REFERENCES application(id),
	complete	BIGINT NOT NULL CHECK (complete IN (0, 1)),
	note		TEXT NOT NULL DEFAULT '',
	checked_by	TEXT NOT NULL,
	checked_at	TEXT NOT NULL
);

-- The committee's decision: pass or fail, always with a reason.
CREATE TABLE adm_decision (
	application_id	BIGINT PRIMARY KEY REFERENCES application(id),
	passed		BIGINT NOT NULL CHECK (passed IN (0, 1)),
	reason		TEXT NOT NULL,
	decided_by	TEXT NOT NULL,
	decided_at	TEXT NOT NULL
);

-- A question to the applicant (the Covid procedures' clarification).
CREATE TABLE clarification (
	id		BIGINT PRIMARY KEY,
	application_id	BIGINT NOT NULL REFERENCES application(id),
	question	TEXT NOT NULL,
	asked_by	TEXT NOT NULL,
	asked_at	TEXT NOT NULL,
	answer		TEXT NOT NULL DEFAULT '',
	answered_at	TEXT NOT NULL DEFAULT ''
);

ALTER TABLE selection ADD COLUMN adm_published_at TEXT NOT NULL DEFAULT '';
ALTER TABLE selection ADD COLUMN adm_signed_by TEXT NOT NULL DEFAULT '';
-- Extensions of the registration window made so far (ANN-EXTEND).
ALTER TABLE selection ADD COLUMN extensions BIGINT NOT NULL DEFAULT 0;

-- Complaints (pengaduan) about a selection, to the oversight body.
CREATE TABLE complaint (
	id		BIGINT PRIMARY KEY,
	tracking	TEXT NOT NULL UNIQUE,
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	name		TEXT NOT NULL,
	contact		TEXT NOT NULL,
	body		TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	answer		TEXT NOT NULL DEFAULT '',
	answered_by	TEXT NOT NULL DEFAULT '',
	answered_at	TEXT NOT NULL DEFAULT ''
);
CREATE INDEX complaint_selection ON complaint(selection_id, id);
-- ids as SQLite numbers rows (001_init.sql: selter_next_id)
CREATE TRIGGER clarification_next_id BEFORE INSERT ON clarification FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
CREATE TRIGGER complaint_next_id BEFORE INSERT ON complaint FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
