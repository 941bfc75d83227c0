-- 007_practice: today's practice beyond the seeds (REGULATIONS.md §15,
-- PRAC-*), kept only where a profile turns the rule on.

-- Letters recorded before the announcement: the oversight body's
-- approvals (PRAC-OVERSIGHT-APPROVAL) and the Minister of Home Affairs'
-- written approval (PRAC-HOME-MINISTER).
CREATE TABLE prac_letter (
	id		BIGINT PRIMARY KEY,
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	kind		TEXT NOT NULL CHECK (kind IN ('oversight_approval',
			    'home_minister')),
	ref		TEXT NOT NULL,
	dated		TEXT NOT NULL,
	subject		TEXT NOT NULL DEFAULT '',
	recorded_by	TEXT NOT NULL,
	recorded_at	TEXT NOT NULL,
	UNIQUE (selection_id, kind, ref)
);

-- Periods in which replacing officials needs the Minister's approval,
-- recorded for one selection (UU 10/2016 Pasal 71 ayat (2)); a profile
-- may carry its own as well.
CREATE TABLE prac_window (
	id		BIGINT PRIMARY KEY,
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	from_on		TEXT NOT NULL,
	to_on		TEXT NOT NULL,
	label		TEXT NOT NULL,
	citation	TEXT NOT NULL DEFAULT ''
);

-- One row per selection: the acting-head flag (PRAC-HOME-MINISTER) and
-- the assessment provider of the plan with its accreditation
-- (PRAC-ASSESSOR).
CREATE TABLE prac_selection (
	selection_id	BIGINT PRIMARY KEY REFERENCES selection(id),
	acting_head	BIGINT NOT NULL DEFAULT 0 CHECK (acting_head IN (0, 1)),
	assessor_name	TEXT NOT NULL DEFAULT '',
	assessor_grade	TEXT NOT NULL DEFAULT '',
	assessor_decree	TEXT NOT NULL DEFAULT '',
	assessor_valid_until TEXT NOT NULL DEFAULT ''
);
-- ids as SQLite numbers rows (001_init.sql: selter_next_id)
CREATE TRIGGER prac_letter_next_id BEFORE INSERT ON prac_letter FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
CREATE TRIGGER prac_window_next_id BEFORE INSERT ON prac_window FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
