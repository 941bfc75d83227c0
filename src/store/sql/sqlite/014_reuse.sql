-- 014_reuse: STG-REUSE (issue 12 item 4).  A region keeps the passed
-- assessments of its selections, and those held outside selter that the
-- secretariat enters by hand, so that a later selection of the region can
-- use one again for a candidate (matched by NIP) within the profile's
-- validity.  Both tables are append-only: a record or a reuse is never
-- changed or removed (the audit trail says who made it).

CREATE TABLE assessment_record (
	id		INTEGER PRIMARY KEY,
	region_id	INTEGER NOT NULL REFERENCES region(id),
	nip		TEXT NOT NULL,
	name		TEXT NOT NULL,
	account_id	INTEGER REFERENCES account(id),	-- the applicant's
	selection_id	INTEGER REFERENCES selection(id),	-- NULL: by hand
	application_id	INTEGER UNIQUE REFERENCES application(id),
	source		TEXT NOT NULL DEFAULT '',	-- by hand: the selection
							-- it was held in
	level		TEXT NOT NULL,			-- of the post it was for
	post_title	TEXT NOT NULL DEFAULT '',
	provider	TEXT NOT NULL,
	accreditation	TEXT NOT NULL DEFAULT ''
			CHECK (accreditation IN ('', 'A', 'B', 'C')),
	held_on		TEXT NOT NULL,			-- its (last) day
	result_on	TEXT NOT NULL,			-- the report's date
	passed		INTEGER NOT NULL CHECK (passed IN (0, 1)),
	score_sum	INTEGER NOT NULL,		-- hundredths, as
	score_count	INTEGER NOT NULL CHECK (score_count >= 1),	-- stage_outcome
	part_managerial	INTEGER NOT NULL DEFAULT -1,	-- hundredths; -1: none
	part_social	INTEGER NOT NULL DEFAULT -1,
	part_field	INTEGER NOT NULL DEFAULT -1,
	report_ref	TEXT NOT NULL DEFAULT '',	-- the assessment report
	stop_reason	TEXT NOT NULL DEFAULT '',	-- by hand: why the next
							-- tests were not taken
	origin		TEXT NOT NULL CHECK (origin IN ('stage', 'hand')),
	recorded_at	TEXT NOT NULL,
	recorded_by	TEXT NOT NULL
);
CREATE INDEX assessment_record_nip ON assessment_record (region_id, nip);
CREATE TRIGGER assessment_record_no_update BEFORE UPDATE ON assessment_record
BEGIN SELECT RAISE(ABORT, 'assessment records are kept as recorded'); END;
CREATE TRIGGER assessment_record_no_delete BEFORE DELETE ON assessment_record
BEGIN SELECT RAISE(ABORT, 'assessment records are kept as recorded'); END;

-- A result on record used for a candidate's assessment stage: at most one
-- per application, with the last day it was valid as the core decided.
CREATE TABLE assessment_reuse (
	application_id	INTEGER PRIMARY KEY REFERENCES application(id),
	selection_id	INTEGER NOT NULL REFERENCES selection(id),
	record_id	INTEGER NOT NULL REFERENCES assessment_record(id),
	valid_until	TEXT NOT NULL,
	applied_at	TEXT NOT NULL,
	applied_by	TEXT NOT NULL
);
CREATE INDEX assessment_reuse_selection ON assessment_reuse (selection_id);
CREATE TRIGGER assessment_reuse_no_update BEFORE UPDATE ON assessment_reuse
BEGIN SELECT RAISE(ABORT, 'a reuse is kept as applied'); END;
CREATE TRIGGER assessment_reuse_no_delete BEFORE DELETE ON assessment_reuse
BEGIN SELECT RAISE(ABORT, 'a reuse is kept as applied'); END;
