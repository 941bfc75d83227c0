-- The special consultations before an appointment (issue 14 item 2:
-- APPT-SEKDA, -SEKWAN, -DUKCAPIL, -INSPEKTUR): per vacancy and rule, the
-- letter sent (and, for a proposal to the Minister, the names proposed)
-- and the answer received (the Minister's choice, where the Minister
-- chooses).  Kept as recorded: never changed, never deleted.
CREATE TABLE consultation (
	id		INTEGER PRIMARY KEY,
	selection_id	INTEGER NOT NULL REFERENCES selection(id),
	vacancy_id	INTEGER NOT NULL REFERENCES vacancy(id),
	rule		TEXT NOT NULL CHECK (rule IN ('APPT-SEKDA', 'APPT-SEKWAN',
			    'APPT-DUKCAPIL', 'APPT-INSPEKTUR')),
	act		TEXT NOT NULL CHECK (act IN ('sent', 'answered')),
	letter_no	TEXT NOT NULL,
	letter_on	TEXT NOT NULL,		-- the letter's date
	summary		TEXT NOT NULL,
	names		TEXT NOT NULL DEFAULT '',	-- application ids, ';'
	recorded_at	TEXT NOT NULL,
	recorded_by	TEXT NOT NULL,
	account_id	INTEGER NOT NULL REFERENCES account(id),
	UNIQUE (vacancy_id, rule, act)
);
CREATE INDEX consultation_selection ON consultation (selection_id);
CREATE TRIGGER consultation_no_update BEFORE UPDATE ON consultation
BEGIN SELECT RAISE(ABORT, 'a consultation is kept as recorded'); END;
CREATE TRIGGER consultation_no_delete BEFORE DELETE ON consultation
BEGIN SELECT RAISE(ABORT, 'a consultation is kept as recorded'); END;
