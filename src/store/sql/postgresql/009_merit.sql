-- 009_merit: the stages after the administrative result (issue 12): each
-- stage's pass criterion and schedule, who rates it, the raters' sealed
-- scores and their corrections, recusals, blind codes for the paper,
-- absences, each stage's closing and outcome, the committee's tie
-- decisions and the ranking sent to the PyB/PPK.  Stages are named by
-- core/flow.c's ids: 'paper', 'track_record', 'assessment', 'interview',
-- 'health'.  Scores are hundredths (0..10000) as in core/score.h.

-- The pass criterion of a stage (the plan's): a minimum score, the best N
-- per vacancy, both, or neither.
ALTER TABLE selection_stage ADD COLUMN pass_min BIGINT NOT NULL
    DEFAULT -1;				-- hundredths; -1: no minimum
ALTER TABLE selection_stage ADD COLUMN pass_best BIGINT NOT NULL
    DEFAULT 0;				-- best N per vacancy; 0: none
-- Where and when: a place, or a video-conference link (Covid procedures).
ALTER TABLE selection_stage ADD COLUMN place TEXT NOT NULL DEFAULT '';
ALTER TABLE selection_stage ADD COLUMN link TEXT NOT NULL DEFAULT '';
ALTER TABLE selection_stage ADD COLUMN time_text TEXT NOT NULL DEFAULT '';
-- The assessment's provider (STG-ASSESS) as the stage ran it.
ALTER TABLE selection_stage ADD COLUMN provider TEXT NOT NULL DEFAULT '';

-- The stage is open for scoring once its raters are fixed; the set of
-- entitled raters is kept as it was then (a member replaced later keeps
-- the scores they gave).
CREATE TABLE stage_open (
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	stage		TEXT NOT NULL,
	opened_at	TEXT NOT NULL,
	opened_by	TEXT NOT NULL,
	PRIMARY KEY (selection_id, stage)
);
CREATE TABLE stage_rater (
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	stage		TEXT NOT NULL,
	account_id	BIGINT NOT NULL REFERENCES account(id),
	member_id	BIGINT REFERENCES member(id),	-- NULL: an assessor
	submitted_at	TEXT NOT NULL DEFAULT '',	-- the rater's sheet sent
	PRIMARY KEY (selection_id, stage, account_id)
);

-- A rater's score of one candidate in one stage.  The assessment team's
-- parts (managerial, socio-cultural, field) are kept beside the score.
CREATE TABLE score (
	id		BIGINT PRIMARY KEY,
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	application_id	BIGINT NOT NULL REFERENCES application(id),
	stage		TEXT NOT NULL,
	rater_id	BIGINT NOT NULL REFERENCES account(id),
	value		BIGINT NOT NULL CHECK (value BETWEEN 0 AND 10000),
	part_managerial	BIGINT NOT NULL DEFAULT -1,	-- -1: none
	part_social	BIGINT NOT NULL DEFAULT -1,
	part_field	BIGINT NOT NULL DEFAULT -1,
	entered_at	TEXT NOT NULL,
	corrected_at	TEXT NOT NULL DEFAULT '',
	correct_reason	TEXT NOT NULL DEFAULT '',
	UNIQUE (application_id, stage, rater_id)
);
CREATE INDEX score_stage ON score (selection_id, stage);

-- A conflict of interest declared by a rater with a candidate: recused
-- from every stage of that candidate.
CREATE TABLE recusal (
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	application_id	BIGINT NOT NULL REFERENCES application(id),
	rater_id	BIGINT NOT NULL REFERENCES account(id),
	reason		TEXT NOT NULL,
	declared_at	TEXT NOT NULL,
	PRIMARY KEY (application_id, rater_id)
);

-- Blind grading: a candidate's code in a stage graded blind (the paper).
CREATE TABLE blind_code (
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	application_id	BIGINT NOT NULL REFERENCES application(id),
	stage		TEXT NOT NULL,
	code		TEXT NOT NULL,
	PRIMARY KEY (application_id, stage),
	UNIQUE (selection_id, stage, code)
);

-- A candidate absent from a stage is withdrawn from it.
CREATE TABLE stage_absence (
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	application_id	BIGINT NOT NULL REFERENCES application(id),
	stage		TEXT NOT NULL,
	recorded_at	TEXT NOT NULL,
	recorded_by	TEXT NOT NULL,
	note		TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (application_id, stage)
);

-- A stage's invitations, one per candidate (the mail goes to the outbox).
CREATE TABLE stage_invite (
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	application_id	BIGINT NOT NULL REFERENCES application(id),
	stage		TEXT NOT NULL,
	sent_at		TEXT NOT NULL,
	PRIMARY KEY (application_id, stage)
);

-- Closing a stage freezes its scores: the committee's decision, and per
-- candidate the stage score (the mean of the raters not recused, as
-- sum/count so the mean stays exact) and the outcome.
CREATE TABLE stage_close (
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	stage		TEXT NOT NULL,
	closed_at	TEXT NOT NULL,
	closed_by	TEXT NOT NULL,
	decision	TEXT NOT NULL,			-- the committee's words
	-- SQLite's rowid, the order of the closes (store_result.c)
	rowid		BIGINT GENERATED ALWAYS AS IDENTITY,
	PRIMARY KEY (selection_id, stage)
);
CREATE TABLE stage_outcome (
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	application_id	BIGINT NOT NULL REFERENCES application(id),
	stage		TEXT NOT NULL,
	score_sum	BIGINT NOT NULL,		-- hundredths
	score_count	BIGINT NOT NULL,		-- 0: no score (absent)
	outcome		TEXT NOT NULL CHECK (outcome IN ('passed', 'failed',
			    'absent', 'tied')),
	PRIMARY KEY (application_id, stage)
);
CREATE TRIGGER stage_outcome_no_update BEFORE UPDATE ON stage_outcome FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a closed stage is frozen');
CREATE TRIGGER stage_outcome_no_delete BEFORE DELETE ON stage_outcome FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a closed stage is frozen');

-- SCORE-TIES: the committee's decision on a tie (in a stage's cut-off, or
-- the final ranking's when stage is ''), with its reason.  order_ids:
-- the tied applications in the order decided, ';'-separated.
CREATE TABLE tie_decision (
	id		BIGINT PRIMARY KEY,
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	vacancy_id	BIGINT NOT NULL REFERENCES vacancy(id),
	stage		TEXT NOT NULL DEFAULT '',
	order_ids	TEXT NOT NULL,
	reason		TEXT NOT NULL,
	decided_at	TEXT NOT NULL,
	decided_by	TEXT NOT NULL
);

-- The final ranking sent, confidentially, to the PyB or the PPK with the
-- best 3 per vacancy (SCORE-TOP3).  body: the document as sent (HTML),
-- sha256 its hash; never changed.
CREATE TABLE ranking_sent (
	selection_id	BIGINT PRIMARY KEY REFERENCES selection(id),
	sent_at		TEXT NOT NULL,
	sent_by		TEXT NOT NULL,
	to_role		TEXT NOT NULL CHECK (to_role IN ('pyb', 'ppk')),
	body		TEXT NOT NULL,
	sha256		TEXT NOT NULL
);
CREATE TRIGGER ranking_sent_no_update BEFORE UPDATE ON ranking_sent FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('the ranking sent is never changed');
CREATE TRIGGER ranking_sent_no_delete BEFORE DELETE ON ranking_sent FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('the ranking sent is never changed');

-- A stage's result is a publication: the kind's CHECK grows
-- ('stage_result'; its stage in the new column).  SQLite rebuilds the
-- table; PostgreSQL alters it (the columns end in the same order).
ALTER TABLE publication DROP CONSTRAINT publication_kind_check;
ALTER TABLE publication ADD CONSTRAINT publication_kind_check
	CHECK (kind IN ('announcement', 'addendum', 'adm_result',
	    'stage_result'));
ALTER TABLE publication ADD COLUMN stage TEXT NOT NULL DEFAULT '';
ALTER TABLE publication ADD COLUMN sheet TEXT NOT NULL DEFAULT '';
	-- recomputation sheet, JSON
-- ids as SQLite numbers rows (001_init.sql: selter_next_id)
CREATE TRIGGER score_next_id BEFORE INSERT ON score FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
CREATE TRIGGER tie_decision_next_id BEFORE INSERT ON tie_decision FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
