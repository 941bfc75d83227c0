-- The PPK's choice (issue 14 item 1): the interviews the PPK may hold
-- with the best 3 before choosing (SCORE-PPK-INTERVIEW) and the choice of
-- one of them per vacancy (APPT-CHOOSE).  Both are acts on the record:
-- never changed, never deleted.
CREATE TABLE ppk_interview (
	id		BIGINT PRIMARY KEY,
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	vacancy_id	BIGINT NOT NULL REFERENCES vacancy(id),
	held_on		TEXT NOT NULL,		-- the region's calendar day
	notes		TEXT NOT NULL,
	recorded_at	TEXT NOT NULL,
	recorded_by	TEXT NOT NULL,
	account_id	BIGINT NOT NULL REFERENCES account(id)
);
CREATE INDEX ppk_interview_selection ON ppk_interview (selection_id);
CREATE TRIGGER ppk_interview_no_update BEFORE UPDATE ON ppk_interview FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('an interview is kept as recorded');
CREATE TRIGGER ppk_interview_no_delete BEFORE DELETE ON ppk_interview FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('an interview is kept as recorded');

CREATE TABLE ppk_choice (
	vacancy_id	BIGINT PRIMARY KEY REFERENCES vacancy(id),
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	application_id	BIGINT NOT NULL REFERENCES application(id),
	chosen_on	TEXT NOT NULL,		-- the day of the decision
	reason		TEXT NOT NULL,
	recorded_at	TEXT NOT NULL,
	recorded_by	TEXT NOT NULL,
	account_id	BIGINT NOT NULL REFERENCES account(id)
);
CREATE INDEX ppk_choice_selection ON ppk_choice (selection_id);
CREATE TRIGGER ppk_choice_no_update BEFORE UPDATE ON ppk_choice FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('the choice is kept as made');
CREATE TRIGGER ppk_choice_no_delete BEFORE DELETE ON ppk_choice FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('the choice is kept as made');
-- ids as SQLite numbers rows (001_init.sql: selter_next_id)
CREATE TRIGGER ppk_interview_next_id BEFORE INSERT ON ppk_interview FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
