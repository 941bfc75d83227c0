-- 014_reuse: STG-REUSE (issue 12 item 4).  A region keeps the passed
-- assessments of its selections, and those held outside selter that the
-- secretariat enters by hand, so that a later selection of the region can
-- use one again for a candidate (matched by NIP) within the profile's
-- validity.  Both tables are append-only: a record or a reuse is never
-- changed or removed (the audit trail says who made it).

CREATE TABLE assessment_record (
	id		BIGINT PRIMARY KEY,
	region_id	BIGINT NOT NULL REFERENCES region(id),
	nip		TEXT NOT NULL,
	name		TEXT NOT NULL,
	account_id	BIGINT REFERENCES account(id),	-- the applicant's
	selection_id	BIGINT REFERENCES selection(id),	-- NULL: by hand
	application_id	BIGINT UNIQUE REFERENCES application(id),
	source		TEXT NOT NULL DEFAULT '',	-- by hand: the selection
							-- it was held in
	level		TEXT NOT NULL,			-- of the post it was for
	post_title	TEXT NOT NULL DEFAULT '',
	provider	TEXT NOT NULL,
	accreditation	TEXT NOT NULL DEFAULT ''
			CHECK (accreditation IN ('', 'A', 'B', 'C')),
	held_on		TEXT NOT NULL,			-- its (last) day
	result_on	TEXT NOT NULL,			-- the report's date
	passed		BIGINT NOT NULL CHECK (passed IN (0, 1)),
	score_sum	BIGINT NOT NULL,		-- hundredths, as
	score_count	BIGINT NOT NULL CHECK (score_count >= 1),	-- stage_outcome
	part_managerial	BIGINT NOT NULL DEFAULT -1,	-- hundredths; -1: none
	part_social	BIGINT NOT NULL DEFAULT -1,
	part_field	BIGINT NOT NULL DEFAULT -1,
	report_ref	TEXT NOT NULL DEFAULT '',	-- the assessment report
	stop_reason	TEXT NOT NULL DEFAULT '',	-- by hand: why the next
							-- tests were not taken
	origin		TEXT NOT NULL CHECK (origin IN ('stage', 'hand')),
	recorded_at	TEXT NOT NULL,
	recorded_by	TEXT NOT NULL
);
CREATE INDEX assessment_record_nip ON assessment_record (region_id, nip);
CREATE TRIGGER assessment_record_no_update BEFORE UPDATE ON assessment_record FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('assessment records are kept as recorded');
CREATE TRIGGER assessment_record_no_delete BEFORE DELETE ON assessment_record FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('assessment records are kept as recorded');

-- A result on record used for a candidate's assessment stage: at most one
-- per application, with the last day it was valid as the core decided.
CREATE TABLE assessment_reuse (
	application_id	BIGINT PRIMARY KEY REFERENCES application(id),
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	record_id	BIGINT NOT NULL REFERENCES assessment_record(id),
	valid_until	TEXT NOT NULL,
	applied_at	TEXT NOT NULL,
	applied_by	TEXT NOT NULL
);
CREATE INDEX assessment_reuse_selection ON assessment_reuse (selection_id);
CREATE TRIGGER assessment_reuse_no_update BEFORE UPDATE ON assessment_reuse FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a reuse is kept as applied');
CREATE TRIGGER assessment_reuse_no_delete BEFORE DELETE ON assessment_reuse FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a reuse is kept as applied');
-- ids as SQLite numbers rows (001_init.sql: selter_next_id)
CREATE TRIGGER assessment_record_next_id BEFORE INSERT ON assessment_record FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
