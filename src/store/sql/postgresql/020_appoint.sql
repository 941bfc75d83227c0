-- Appointment and inauguration (issue 14 item 4: APPT-AGE, FT_APPOINT):
-- per vacancy, the decree appointing the chosen candidate and the
-- inauguration.  Kept as recorded.
CREATE TABLE appointment (
	vacancy_id	BIGINT PRIMARY KEY REFERENCES vacancy(id),
	selection_id	BIGINT NOT NULL REFERENCES selection(id),
	application_id	BIGINT NOT NULL REFERENCES application(id),
	decree_no	TEXT NOT NULL,
	decree_on	TEXT NOT NULL,		-- the day of appointment
	tmt		TEXT NOT NULL,		-- in office from
	inaugurated_on	TEXT NOT NULL,
	mode		TEXT NOT NULL CHECK (mode IN ('in_person', 'video')),
	place		TEXT NOT NULL,		-- a place, or the conference
	recorded_at	TEXT NOT NULL,
	recorded_by	TEXT NOT NULL,
	account_id	BIGINT NOT NULL REFERENCES account(id)
);
CREATE INDEX appointment_selection ON appointment (selection_id);
CREATE TRIGGER appointment_no_update BEFORE UPDATE ON appointment FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('an appointment is kept as recorded');
CREATE TRIGGER appointment_no_delete BEFORE DELETE ON appointment FOR EACH ROW
	EXECUTE FUNCTION selter_refuse('an appointment is kept as recorded');
