-- 010_stage: what the committee keeps while it runs a stage (issue 12
-- item 1), beside 009_merit's schedule, invitations and absences.
--
-- STG-TRACK: the integrity instrument, criteria with weights that the
-- committee defines (the weights add up to 100), and the inquiry notes
-- with the candidate's superiors, peers and subordinates (and others
-- around them).  Confidential: the committee and the oversight body read
-- them (app/perm.c).

CREATE TABLE track_criterion (
	id		BIGINT PRIMARY KEY,
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	pos		BIGINT NOT NULL,		-- 1, 2, ... as entered
	name		TEXT NOT NULL,
	weight		BIGINT NOT NULL CHECK (weight BETWEEN 1 AND 100),
	UNIQUE (selection_id, pos)
);

CREATE TABLE track_inquiry (
	id		BIGINT PRIMARY KEY,
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	application_id	BIGINT NOT NULL REFERENCES application(id),
	source		TEXT NOT NULL CHECK (source IN ('atasan', 'rekan',
			    'bawahan', 'lainnya')),
	note		TEXT NOT NULL,
	recorded_at	TEXT NOT NULL,
	recorded_by	TEXT NOT NULL
);
CREATE INDEX track_inquiry_app ON track_inquiry (application_id);

-- STG-INTERVIEW: the committee's standardised material, per post.
CREATE TABLE stage_material (
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	vacancy_id	BIGINT NOT NULL REFERENCES vacancy(id),
	stage		TEXT NOT NULL,
	body		TEXT NOT NULL,
	set_at		TEXT NOT NULL,
	set_by		TEXT NOT NULL,
	PRIMARY KEY (vacancy_id, stage)
);
-- ids as SQLite numbers rows (001_init.sql: selter_next_id)
CREATE TRIGGER track_criterion_next_id BEFORE INSERT ON track_criterion FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
CREATE TRIGGER track_inquiry_next_id BEFORE INSERT ON track_inquiry FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
