-- The special consultations before an appointment (issue 14 item 2:
-- APPT-SEKDA, -SEKWAN, -DUKCAPIL, -INSPEKTUR): per vacancy and rule, the
-- letter sent (and, for a proposal to the Minister, the names proposed)
-- and the answer received (the Minister's choice, where the Minister
-- chooses).  Kept as recorded: never changed, never deleted.
CREATE TABLE consultation (
	id		BIGINT PRIMARY KEY,
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	vacancy_id	BIGINT NOT NULL REFERENCES vacancy(id),
	rule		TEXT NOT NULL CHECK (rule IN ('APPT-SEKDA', 'APPT-SEKWAN',
			    'APPT-DUKCAPIL', 'APPT-INSPEKTUR')),
	act		TEXT NOT NULL CHECK (act IN ('sent', 'answered')),
	letter_no	TEXT NOT NULL,
	letter_on	TEXT NOT NULL,		-- the letter's date
	summary		TEXT NOT NULL,
	names		TEXT NOT NULL DEFAULT '',	-- application ids, ';'
	recorded_at	TEXT NOT NULL,
	recorded_by	TEXT NOT NULL,
	account_id	BIGINT NOT NULL REFERENCES account(id),
	UNIQUE (vacancy_id, rule, act)
);
CREATE INDEX consultation_selection ON consultation (selection_id);
CREATE TRIGGER consultation_no_update BEFORE UPDATE ON consultation FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a consultation is kept as recorded');
CREATE TRIGGER consultation_no_delete BEFORE DELETE ON consultation FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('a consultation is kept as recorded');
-- ids as SQLite numbers rows (001_init.sql: selter_next_id)
CREATE TRIGGER consultation_next_id BEFORE INSERT ON consultation FOR EACH ROW
	EXECUTE FUNCTION selter_next_id();
